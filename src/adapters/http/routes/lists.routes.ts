import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../../domain/errors.js';
import type { HttpDeps } from '../http-deps.js';
import { presentListVersion } from '../presenters/list-version.presenter.js';
import { ErrorSchema } from './common.schema.js';

const ListVersionSchema = z.object({
  id: z.string(),
  source: z.string(),
  seq: z.number(),
  status: z.enum(['active', 'superseded']),
  format: z.string(),
  contentHash: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number() })),
  publishedAt: z.string().optional(),
  importedAt: z.string(),
  entityCount: z.number(),
  added: z.number(),
  removed: z.number(),
  changed: z.number(),
  warningCount: z.number(),
  warnings: z.array(z.string()),
});

/** `GET /v1/lists`, `GET /v1/lists/{source}/versions` and a version's diff: sources, versions, changes (every role). */
export function listsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/lists', {
    config: { permission: 'lists.read' },
    schema: {
      summary: 'The active version of every source, the last scheduled pulls, and alerts (rejected or unreachable feeds)',
      tags: ['lists'],
      security: [{ bearer: [] }],
      response: {
        200: z.object({
          versions: z.array(ListVersionSchema),
          pulls: z.array(z.object({ source: z.string(), status: z.string(), at: z.string(), versionId: z.string().optional(), message: z.string().optional() })),
          alerts: z.array(z.object({ source: z.string(), status: z.string(), at: z.string(), message: z.string().optional() })),
        }),
        401: ErrorSchema,
        403: ErrorSchema,
      },
    },
    handler: async () => {
      const pulls = deps.pullStatus().map((p) => ({ ...p }));
      return {
        versions: (await deps.listStore.activeVersions()).map(presentListVersion),
        pulls,
        alerts: pulls.filter((p) => p.status === 'rejected' || p.status === 'unreachable'),
      };
    },
  });
  api.get('/v1/lists/:source/versions', {
    config: { permission: 'lists.read' },
    schema: {
      summary: 'Every version of a source, oldest first',
      tags: ['lists'],
      security: [{ bearer: [] }],
      params: z.object({ source: z.string().max(40) }),
      response: { 200: z.object({ versions: z.array(ListVersionSchema) }), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
    },
    handler: async (req) => {
      const versions = await deps.listStore.versions(req.params.source);
      if (versions.length === 0) throw new NotFoundError('list source', req.params.source);
      return { versions: versions.map(presentListVersion) };
    },
  });
  api.get('/v1/lists/:source/versions/:seq/changes', {
    config: { permission: 'lists.read' },
    schema: {
      summary: 'The diff of a version against the one before it: entities added, removed and changed (with the changed fields), in entity id order, paginated',
      tags: ['lists'],
      security: [{ bearer: [] }],
      params: z.object({ source: z.string().max(40), seq: z.coerce.number().int().min(1) }),
      querystring: z.strictObject({
        change: z.enum(['added', 'removed', 'changed']).optional(),
        after: z.string().max(200).optional().describe('the last entity id of the page before'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: {
        200: z.object({
          version: ListVersionSchema,
          first: z.boolean().describe('a first version: every entity is added, no rows are listed'),
          changes: z.array(z.object({ entityId: z.string(), change: z.enum(['added', 'removed', 'changed']), fields: z.array(z.string()), name: z.string().nullable() })),
          next: z.string().nullable(),
        }),
        400: ErrorSchema,
        401: ErrorSchema,
        403: ErrorSchema,
        404: ErrorSchema,
      },
    },
    handler: async (req) => {
      const { source, seq } = req.params;
      const version = (await deps.listStore.versions(source)).find((v) => v.seq === seq);
      if (!version) throw new NotFoundError('list version', `${source} #${seq}`);
      const { change, after, limit } = req.query;
      const rows = (await deps.listStore.changes(version.id)).filter((c) => (!change || c.change === change) && (after === undefined || c.entityId > after));
      const page = rows.slice(0, limit);
      const named = await Promise.all(page.map(async (c) => ({ ...c, fields: [...c.fields], name: (await deps.listStore.entity(c.entityId))?.entity.names[0]?.full ?? null })));
      return { version: presentListVersion(version), first: seq === 1, changes: named, next: rows.length > limit ? (page.at(-1)?.entityId ?? null) : null };
    },
  });
}
