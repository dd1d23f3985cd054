import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_BULK_LINES, startBulkUpsert } from '../../../app/bulk-upsert.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { HttpDeps } from '../http-deps.js';
import { actorOf } from './accounts.routes.js';
import { ErrorSchema } from './common.schema.js';

const RejectedLineSchema = z.object({ line: z.number(), problems: z.array(z.object({ field: z.string(), message: z.string() })) });
const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done']),
  total: z.number(),
  processed: z.number(),
  invalid: z.array(RejectedLineSchema),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema };

/** `POST /v1/accounts/bulk` (NDJSON → a durable job) and `GET /v1/jobs/{id}` (its progress). */
export function jobsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/v1/accounts/bulk', {
    config: { permission: 'accounts.write' },
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      summary: `Upsert many accounts: NDJSON (application/x-ndjson), one account per line, at most ${MAX_BULK_LINES}; answers a job id at once`,
      tags: ['accounts'],
      security: [{ bearer: [] }],
      body: z.string().describe('NDJSON: one account record (with optional links, followers) per line'),
      response: { 202: z.object({ jobId: z.string(), accepted: z.number(), invalid: z.array(RejectedLineSchema) }), ...errors },
    },
    handler: async (req, reply) => {
      const { job, invalid } = await startBulkUpsert(deps, req.body, actorOf(req).id);
      deps.kickJobs();
      return reply.code(202).send({ jobId: job.id, accepted: job.total, invalid: invalid.map((r) => ({ line: r.line, problems: r.problems.map((p) => ({ ...p })) })) });
    },
  });
  api.get('/v1/jobs/:id', {
    config: { permission: 'accounts.write' },
    schema: {
      summary: 'A job and its progress',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      params: z.object({ id: z.string().max(100) }),
      response: { 200: JobSchema, ...errors },
    },
    handler: async (req) => {
      const job = await deps.jobStore.job(req.params.id);
      if (!job) throw new NotFoundError('job', req.params.id);
      return { ...job, invalid: job.invalid.map((r) => ({ line: r.line, problems: r.problems.map((p) => ({ ...p })) })) };
    },
  });
}
