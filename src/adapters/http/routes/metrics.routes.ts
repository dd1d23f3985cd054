import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { timeToEnforcement } from '../../../app/time-to-enforcement.js';
import type { HttpDeps } from '../http-deps.js';
import { ErrorSchema } from './common.schema.js';

const Percentiles = z.object({ count: z.number(), p50: z.number(), p90: z.number(), p99: z.number() });

/** `GET /v1/metrics/time-to-enforcement`: per source, how long each stage took (seconds). */
export function metricsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/metrics/time-to-enforcement', {
    config: { permission: 'metrics.read' },
    schema: {
      summary: 'Time to enforcement per source: publication → import → match → decision → webhook delivered (percentiles, seconds)',
      tags: ['metrics'],
      security: [{ bearer: [] }],
      response: {
        200: z.object({
          sources: z.array(
            z.object({
              source: z.string(),
              suspensions: z.number(),
              stages: z.object({
                publicationToImport: Percentiles.optional(),
                importToMatch: Percentiles.optional(),
                matchToDecision: Percentiles.optional(),
                decisionToDelivery: Percentiles.optional(),
                total: Percentiles.optional(),
              }),
            }),
          ),
        }),
        401: ErrorSchema,
        403: ErrorSchema,
      },
    },
    handler: async () => ({ sources: (await timeToEnforcement(deps)).map((s) => ({ ...s, stages: { ...s.stages } })) }),
  });
}
