import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { restoreAccount } from '../../../app/restore-account.js';
import { toUpsertInput, UPSERT_FIELDS, upsertAccount } from '../../../app/upsert-account.js';
import { hasAName, nameRequired } from '../../../domain/accounts/parse-account.js';
import type { Actor } from '../../../domain/enforcement/enforcement.js';
import { DomainError, InvalidInputError, NotFoundError } from '../../../domain/errors.js';
import type { HttpDeps } from '../http-deps.js';
import { presentAccount } from '../presenters/account.presenter.js';
import { AccountAnswerSchema, DeliveriesAnswerSchema, RestoreBodySchema, UpsertAnswerSchema } from './accounts.schema.js';
import { ErrorSchema } from './common.schema.js';

/** The caller, as the audit log names it. */
export function actorOf(req: FastifyRequest): Actor {
  const key = req.apiKey;
  if (!key) throw new DomainError('unauthenticated', 'no API key');
  return { id: `key:${key.id}`, role: key.role };
}

const IdParams = z.object({ id: z.string().min(1).max(200) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** `PUT /v1/accounts/{id}`, `GET /v1/accounts/{id}`, `GET /v1/accounts/{id}/deliveries`, `POST /v1/accounts/{id}/restore`. */
export function accountsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.put('/v1/accounts/:id', {
    config: { permission: 'accounts.write' },
    bodyLimit: 64 * 1024,
    schema: {
      summary: 'Upsert an account and screen it; new matches open for review',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      params: IdParams,
      body: z
        .strictObject({ ...UPSERT_FIELDS, id: UPSERT_FIELDS.id.optional() })
        .refine(hasAName, nameRequired),
      response: { 200: UpsertAnswerSchema, ...errors },
    },
    handler: async (req) => {
      if (req.body.id !== undefined && String(req.body.id) !== req.params.id) {
        throw new InvalidInputError('the body id differs from the path id', { problems: [{ field: 'id', message: 'must equal the path id' }] });
      }
      const result = await upsertAccount(
        { enforcementStore: deps.enforcementStore, matchIndex: deps.matchIndex(), listVersions: deps.listVersionIds(), clock: deps.clock },
        toUpsertInput({ ...req.body, id: req.params.id }),
        actorOf(req).id,
      );
      return {
        account: { ...result.account.record, followers: result.account.followers },
        verdict: result.verdict,
        matches: result.matches.map((m) => ({ id: m.id, entityId: m.entityId, score: m.score, status: m.status })),
      };
    },
  });

  api.get('/v1/accounts/:id', {
    config: { permission: 'accounts.read' },
    schema: {
      summary: 'An account, its enforcement state, matches and timeline',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      params: IdParams,
      response: { 200: AccountAnswerSchema, ...errors },
    },
    handler: async (req) => {
      const account = await deps.enforcementStore.account(req.params.id);
      if (!account) throw new NotFoundError('account', req.params.id);
      const [matches, actions, timeline, linked] = await Promise.all([
        deps.enforcementStore.matchesOf(req.params.id),
        deps.enforcementStore.actionsOf(req.params.id),
        deps.auditStore.events({ subject: `account:${req.params.id}`, limit: 500 }),
        deps.enforcementStore.linkedAccounts(req.params.id, 50),
      ]);
      return presentAccount(account, matches, actions, timeline, linked);
    },
  });

  api.get('/v1/accounts/:id/deliveries', {
    config: { permission: 'accounts.read' },
    schema: {
      summary: 'The webhook deliveries of the account\'s enforcement actions: pending, delivered or failed',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      params: IdParams,
      response: { 200: DeliveriesAnswerSchema, ...errors },
    },
    handler: async (req) => {
      if (!(await deps.enforcementStore.account(req.params.id))) throw new NotFoundError('account', req.params.id);
      return { deliveries: (await deps.enforcementStore.deliveriesOf(req.params.id)).map((d) => ({ ...d })) };
    },
  });

  api.post('/v1/accounts/:id/restore', {
    config: { permission: 'accounts.restore' },
    schema: {
      summary: 'Restore a suspended account; refused (409) while a confirmed match points at a designated entity',
      tags: ['accounts'],
      security: [{ bearer: [] }],
      params: IdParams,
      body: RestoreBodySchema,
      response: { 200: z.object({ state: z.literal('restored'), overturned: z.array(z.string()) }), ...errors },
    },
    handler: async (req, reply) => {
      const index = deps.matchIndex();
      const decision = await restoreAccount(
        { enforcementStore: deps.enforcementStore, clock: deps.clock, isDesignated: (id) => index.entity(id) !== undefined },
        req.params.id,
        { actor: actorOf(req), reason: req.body.reason, ...(req.body.overturn ? { overturn: req.body.overturn } : {}) },
      );
      if (decision.kind === 'blocked') {
        return reply.code(409).send({ error: { code: decision.code, message: decision.reason, entities: [...decision.entities], details: { entities: [...decision.entities] } } });
      }
      if (decision.kind === 'refused') return reply.code(409).send({ error: { code: decision.code, message: decision.reason } });
      return { state: 'restored' as const, overturned: [...decision.overturned] };
    },
  });

}
