import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewAccountMatch } from '../../../app/review-account-match.js';
import { InvalidInputError, NotFoundError } from '../../../domain/errors.js';
import type { HttpDeps } from '../http-deps.js';
import { presentMatch, presentMatchDetail } from '../presenters/account.presenter.js';
import { MatchDetailSchema, MatchSchema } from './accounts.schema.js';
import { actorOf } from './accounts.routes.js';
import { ErrorSchema } from './common.schema.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** An opaque cursor for the queue: the last match's priority and id. */
function encodeCursor(m: { priority: number; id: string }): string {
  return Buffer.from(JSON.stringify([m.priority, m.id])).toString('base64url');
}

function decodeCursor(cursor: string): { priority: number; id: string } {
  try {
    const [priority, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof priority === 'number' && typeof id === 'string') return { priority, id };
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError('invalid cursor', { problems: [{ field: 'query.cursor', message: 'is not a cursor this API gave' }] });
}

/** `GET /v1/matches` (the review queue, filtered), `GET /v1/matches/{id}` (the evidence) and `POST /v1/matches/{id}/review`. */
export function matchesRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/matches', {
    config: { permission: 'matches.read' },
    schema: {
      summary: 'The review queue: matches with a status, highest priority first, paginated by cursor',
      tags: ['matches'],
      security: [{ bearer: [] }],
      querystring: z.strictObject({
        status: z.enum(['open', 'confirmed', 'dismissed', 'escalated', 'overturned', 'delisted']).default('open'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(400).optional(),
        source: z.string().max(40).optional().describe('list source, e.g. ofac-sdn'),
        program: z.string().max(100).optional().describe('a sanctions program the entity is listed under, e.g. GLOMAG'),
        minScore: z.coerce.number().min(0).max(1).optional(),
        script: z.string().regex(/^[A-Z][a-z]{3}$/).optional().describe('ISO 15924 script of the matched account text: Latn, Cyrl, Arab…'),
      }),
      response: { 200: z.object({ matches: z.array(MatchSchema), next: z.string().nullable() }), ...errors },
    },
    handler: async (req) => {
      const { status, limit, cursor, source, program, minScore, script } = req.query;
      const filter = { ...(source ? { source } : {}), ...(program ? { program } : {}), ...(minScore !== undefined ? { minScore } : {}), ...(script ? { script } : {}) };
      const page = await deps.enforcementStore.queue(status, { limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) }, filter);
      const last = page.at(-1);
      return { matches: page.map(presentMatch), next: page.length === limit && last ? encodeCursor(last) : null };
    },
  });

  api.get('/v1/matches/:id', {
    config: { permission: 'matches.read' },
    schema: {
      summary: 'One match with its evidence: the account, the listed entity, the full score explanation, the list versions and the account\'s other matches',
      tags: ['matches'],
      security: [{ bearer: [] }],
      params: z.object({ id: z.string().min(1).max(100) }),
      response: { 200: MatchDetailSchema, ...errors },
    },
    handler: async (req) => {
      const match = await deps.enforcementStore.match(req.params.id);
      if (!match) throw new NotFoundError('match', req.params.id);
      const [account, others, stored] = await Promise.all([
        deps.enforcementStore.account(match.accountId),
        deps.enforcementStore.matchesOf(match.accountId),
        deps.listStore.entity(match.entityId),
      ]);
      if (!account) throw new NotFoundError('account', match.accountId);
      const versions = await deps.listStore.versions(match.entityId.slice(0, Math.max(0, match.entityId.indexOf(':'))));
      return presentMatchDetail(match, account, others, stored, versions);
    },
  });

  api.post('/v1/matches/:id/review', {
    config: { permission: 'matches.review' },
    schema: {
      summary: 'Confirm, dismiss or escalate a match; confirming suspends the account',
      tags: ['matches'],
      security: [{ bearer: [] }],
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z.strictObject({ decision: z.enum(['confirm', 'dismiss', 'escalate']), reason: z.string().trim().min(1).max(2000) }),
      response: { 200: MatchSchema, ...errors },
    },
    handler: async (req) => {
      const match = await reviewAccountMatch(
        { enforcementStore: deps.enforcementStore, clock: deps.clock },
        req.params.id,
        { kind: req.body.decision, reason: req.body.reason },
        actorOf(req),
      );
      return presentMatch(match);
    },
  });
}
