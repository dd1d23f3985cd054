import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenOf, endSession, SESSION_TTL_MS, startSession } from '../../../app/sessions.js';
import { DomainError } from '../../../domain/errors.js';
import { cookieValue, SESSION_COOKIE, type AuthHandle } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { ErrorSchema } from './common.schema.js';

const SessionSchema = z.object({
  keyId: z.string(),
  role: z.enum(['platform', 'analyst', 'lead', 'auditor', 'admin']),
  csrfToken: z.string().nullable().describe('send as X-CSRF-Token on POST/PUT/DELETE made with the session cookie (null for a Bearer caller)'),
  expiresAt: z.string().nullable(),
});

/** `Set-Cookie` for the session: httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https. */
function sessionCookie(req: FastifyRequest, value: string, maxAgeS: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure}`;
}

function clearCookie(req: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', sessionCookie(req, '', 0));
}

/** `POST /v1/session` (sign in with an API key), `GET /v1/session` (who am I), `DELETE /v1/session` (sign out). */
export function sessionRoutes(app: FastifyInstance, deps: HttpDeps, auth: AuthHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/v1/session', {
    schema: {
      summary: 'Exchange an API key for a console session: sets the httpOnly session cookie and answers the CSRF token',
      tags: ['session'],
      body: z.strictObject({ key: z.string().min(1).max(200) }),
      response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema },
    },
    handler: async (req, reply) => {
      const started = await startSession(deps, req.body.key);
      if (!started) throw new DomainError('unauthenticated', 'that is not an active API key');
      void reply.header('set-cookie', sessionCookie(req, started.id, Math.floor(SESSION_TTL_MS / 1000)));
      void reply.header('cache-control', 'no-store');
      return { keyId: started.key.id, role: started.key.role, csrfToken: started.csrfToken, expiresAt: started.expiresAt };
    },
  });
  api.get('/v1/session', {
    config: { permission: 'session.read' },
    schema: {
      summary: 'The caller: key id, role and (for a session) its CSRF token',
      tags: ['session'],
      security: [{ bearer: [] }],
      response: { 200: SessionSchema, 401: ErrorSchema, 403: ErrorSchema },
    },
    handler: async (req, reply) => {
      const key = req.apiKey!;
      void reply.header('cache-control', 'no-store');
      return { keyId: key.id, role: key.role, csrfToken: req.sessionId ? csrfTokenOf(req.sessionId) : null, expiresAt: null };
    },
  });
  api.delete('/v1/session', {
    schema: {
      summary: 'Sign out: ends the session and clears its cookie (needs the X-CSRF-Token of the session)',
      tags: ['session'],
      response: { 200: z.object({ ok: z.literal(true) }), 403: ErrorSchema },
    },
    config: { permission: 'session.read' },
    handler: async (req, reply) => {
      const sessionId = req.sessionId ?? cookieValue(req.headers.cookie, SESSION_COOKIE);
      if (sessionId) {
        await endSession(deps, sessionId);
        auth.forgetSession(sessionId);
      }
      clearCookie(req, reply);
      return { ok: true as const };
    },
  });
}
