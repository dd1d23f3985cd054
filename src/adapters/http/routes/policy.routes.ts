import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PolicyRuleSchema, PolicyRulesSchema } from '../../../domain/enforcement/policy.js';
import type { HttpDeps } from '../http-deps.js';
import { actorOf } from './accounts.routes.js';
import { ErrorSchema } from './common.schema.js';

const PolicySchema = z.object({ version: z.number(), rules: z.array(PolicyRuleSchema), autoRestoreOnDelisting: z.boolean().optional() });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

/** `GET /v1/policy` and `PUT /v1/policy`: the versioned enforcement policy. */
export function policyRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/policy', {
    config: { permission: 'policy.read' },
    schema: { summary: 'The enforcement policy in force', tags: ['policy'], security: [{ bearer: [] }], response: { 200: PolicySchema, ...errors } },
    handler: async () => {
      const p = await deps.enforcementStore.policy();
      return { ...p, rules: [...p.rules] };
    },
  });
  api.put('/v1/policy', {
    config: { permission: 'policy.write' },
    schema: {
      summary: 'Set a new policy version (rules: first match wins; none matching means review)',
      tags: ['policy'],
      security: [{ bearer: [] }],
      body: PolicyRulesSchema,
      response: { 200: PolicySchema, ...errors },
    },
    handler: async (req) => {
      const p = await deps.enforcementStore.setPolicy(req.body, actorOf(req).id, deps.clock.now());
      return { ...p, rules: [...p.rules] };
    },
  });
}
