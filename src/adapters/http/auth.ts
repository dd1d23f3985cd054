import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../app/api-keys.js';
import type { ApiKeyRecord, ApiKeyStore, Clock, SessionStore } from '../../app/ports.js';
import { isCsrfTokenValid, resolveSession } from '../../app/sessions.js';
import { isAllowed, type Permission } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route requires; routes without one are public (health, docs). */
    permission?: Permission;
  }
  interface FastifyRequest {
    apiKey?: ApiKeyRecord;
    /** The console session id, when the request authenticated by the session cookie. */
    sessionId?: string;
  }
}

const CACHE_MS = 5000;

/** The console session cookie. */
export const SESSION_COOKIE = 'warden_session';
/** The header a cookie-authenticated unsafe request must carry (the token `POST /v1/session` gave). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie of a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The sessions cache of one app, so signing out takes effect at once. */
export interface AuthHandle {
  forgetSession(sessionId: string): void;
}

/**
 * Authenticates every route that names a permission, by `Authorization: Bearer <key>` or by
 * the console's session cookie (`warden_session`, httpOnly, SameSite=Strict): 401 without
 * either, 403 when the role may not take the action (the policy in domain/access). A
 * cookie-authenticated POST, PUT, PATCH or DELETE also needs `X-CSRF-Token` equal to the
 * session's token (403 `csrf_token_invalid`), so a form or script of another site cannot act
 * with the analyst's cookie. Keys and sessions are cached for a few seconds.
 */
export function registerAuth(app: FastifyInstance, deps: { apiKeyStore: ApiKeyStore; sessionStore: SessionStore; clock: Clock }): AuthHandle {
  const keyCache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();
  const sessionCache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();
  const cached = async (
    cache: Map<string, { key: ApiKeyRecord | undefined; until: number }>,
    presented: string,
    load: () => Promise<ApiKeyRecord | undefined>,
  ): Promise<ApiKeyRecord | undefined> => {
    const hit = cache.get(presented);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await load();
    if (cache.size > 10_000) cache.clear();
    cache.set(presented, { key, until: Date.now() + CACHE_MS });
    return key;
  };
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const permission = req.routeOptions.config.permission;
    if (!permission) return;
    const header = req.headers.authorization;
    let key: ApiKeyRecord | undefined;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const presented = m?.[1];
      key = presented ? await cached(keyCache, presented, () => authenticate(deps, presented)) : undefined;
    } else {
      const sessionId = cookieValue(req.headers.cookie, SESSION_COOKIE);
      if (sessionId) {
        key = await cached(sessionCache, sessionId, async () => (await resolveSession(deps, sessionId))?.key);
        if (key) {
          req.sessionId = sessionId;
          const token = req.headers[CSRF_HEADER];
          if (!SAFE_METHODS.has(req.method) && !isCsrfTokenValid(sessionId, typeof token === 'string' ? token : undefined)) {
            throw new DomainError('csrf_token_invalid', 'a request authenticated by the session cookie must carry the session\'s X-CSRF-Token header');
          }
        }
      }
    }
    if (!key) throw new DomainError('unauthenticated', 'a valid API key is required: Authorization: Bearer <key> (or a console session)');
    if (!isAllowed(key.role, permission)) {
      throw new DomainError('forbidden', `the ${key.role} role may not ${permission}`, { details: { role: key.role, permission } });
    }
    req.apiKey = key;
  });
  return { forgetSession: (sessionId) => sessionCache.delete(sessionId) };
}
