import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../../../app/verify-audit.js';
import type { HttpDeps } from '../http-deps.js';
import { ErrorSchema } from './common.schema.js';

const AuditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

/** `GET /v1/audit/verify` and `GET /v1/audit` (auditor, lead, admin). */
export function auditRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/audit/verify', {
    config: { permission: 'audit.read' },
    schema: {
      summary: 'Verify the hash chain of the whole audit log',
      tags: ['audit'],
      security: [{ bearer: [] }],
      response: {
        200: z.object({ ok: z.boolean(), events: z.number(), headHash: z.string(), break: z.object({ seq: z.number(), reason: z.string() }).optional() }),
        401: ErrorSchema,
        403: ErrorSchema,
      },
    },
    handler: async () => verifyAudit(deps),
  });
  api.get('/v1/audit', {
    config: { permission: 'audit.read' },
    schema: {
      summary: 'Audit events in order, filtered by account, subject or actor',
      tags: ['audit'],
      security: [{ bearer: [] }],
      querystring: z.strictObject({
        accountId: z.string().max(200).optional(),
        subject: z.string().max(200).optional(),
        actor: z.string().max(200).optional(),
        after: z.coerce.number().int().min(0).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: { 200: z.object({ events: z.array(AuditEventSchema), next: z.number().nullable() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
    },
    handler: async (req) => {
      const q = req.query;
      const subject = q.accountId !== undefined ? `account:${q.accountId}` : q.subject;
      const events = await deps.auditStore.events({
        ...(subject !== undefined ? { subject } : {}),
        ...(q.actor !== undefined ? { actor: q.actor } : {}),
        ...(q.after !== undefined ? { afterSeq: q.after } : {}),
        limit: q.limit,
      });
      return { events, next: events.length === q.limit ? (events.at(-1)?.seq ?? null) : null };
    },
  });
}
