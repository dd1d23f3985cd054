import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpDeps } from '../http-deps.js';

/** `GET /healthz` and `GET /metrics` (Prometheus): open, for load balancers and scrapers. */
export function systemRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/healthz', {
    schema: {
      summary: 'Liveness and readiness',
      tags: ['system'],
      response: { 200: z.object({ ok: z.boolean(), ready: z.boolean(), entities: z.number() }) },
    },
    handler: async () => ({ ok: true, ready: deps.isReady(), entities: deps.isReady() ? deps.matchIndex().size : 0 }),
  });
  api.get('/metrics', {
    schema: { summary: 'Prometheus metrics', tags: ['system'], hide: false },
    handler: async (_req, reply) => {
      void reply.header('content-type', deps.metrics.contentType);
      return deps.metrics.metrics();
    },
  });
}
