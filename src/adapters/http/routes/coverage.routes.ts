import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverage } from '../../../app/coverage.js';
import type { HttpDeps } from '../http-deps.js';
import { ErrorSchema } from './common.schema.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

/** `GET /v1/coverage` and `GET /v1/restorations`. */
export function coverageRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/coverage', {
    config: { permission: 'coverage.read' },
    schema: {
      summary: 'Per active list version: the share of accounts screened against it, and accounts not yet screened',
      tags: ['lists'],
      security: [{ bearer: [] }],
      response: {
        200: z.object({
          versions: z.array(z.object({ versionId: z.string(), source: z.string(), accounts: z.number(), screened: z.number(), share: z.number(), unscreened: z.array(z.string()) })),
        }),
        ...errors,
      },
    },
    handler: async () => {
      const rows = await coverage(deps, await deps.listStore.activeVersions());
      return { versions: rows.map((r) => ({ ...r, unscreened: [...r.unscreened] })) };
    },
  });
  api.get('/v1/restorations', {
    config: { permission: 'restorations.read' },
    schema: {
      summary: 'Suspended accounts whose confirmed matches were all delisted: for a lead to decide',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ accounts: z.array(z.string()) }), ...errors },
    },
    handler: async (req) => ({ accounts: await deps.enforcementStore.restorationQueue(req.query.limit) }),
  });
}
