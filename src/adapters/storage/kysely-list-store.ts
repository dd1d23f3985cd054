import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Entity, EntityField } from '../../domain/entities/entity.js';
import type {
  EntityChange,
  EntityDelta,
  HashedEntity,
  ListStore,
  ListVersion,
  NewVersion,
  StoredEntityRecord,
  VersionDraft,
} from '../../app/ports.js';
import type { AuditEntry } from '../../domain/audit/audit-event.js';
import { appendAuditEvent } from './audit-events.js';
import type { DialectName } from './database.js';
import { insertRows } from './row-statements.js';
import type { Database, ListVersionsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT statement (4,000 parameters at most): well inside SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const INSERT_BATCH = 1000;
/** Ids per IN list. */
const ID_BATCH = 500;
/** Rows per page when walking a version in id order. */
const PAGE = 2000;

/** Thrown inside a draft transaction to roll it back when the work ended without a commit. */
class NoCommit extends Error {}

/**
 * The ListStore on Kysely: the same queries on SQLite and PostgreSQL. Versions are walked in
 * entity-id pages (keyset pagination), so no query holds a whole version in memory.
 */
export class KyselyListStore implements ListStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async draftVersion<T>(source: string, work: (draft: VersionDraft) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        const previousRow = await trx
          .selectFrom('list_versions')
          .selectAll()
          .where('source', '=', source)
          .where('status', '=', 'active')
          .executeTakeFirst();
        const last = await trx
          .selectFrom('list_versions')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('source', '=', source)
          .executeTakeFirst();
        const seq = Number(last?.seq ?? 0) + 1;
        const draft = new KyselyVersionDraft(trx, this.dialect, source, seq, previousRow ? toVersion(previousRow) : undefined);
        result = await work(draft);
        if (!draft.isCommitted) throw new NoCommit();
      });
    } catch (err) {
      if (!(err instanceof NoCommit)) throw err;
    }
    return result as T;
  }

  async activeVersions(): Promise<ListVersion[]> {
    const rows = await this.db.selectFrom('list_versions').selectAll().where('status', '=', 'active').orderBy('source').execute();
    return rows.map(toVersion);
  }

  async versions(source: string): Promise<ListVersion[]> {
    const rows = await this.db.selectFrom('list_versions').selectAll().where('source', '=', source).orderBy('seq').execute();
    return rows.map(toVersion);
  }

  async changes(versionId: string): Promise<EntityChange[]> {
    const rows = await this.db
      .selectFrom('version_changes')
      .select(['entity_id', 'change', 'fields'])
      .where('version_id', '=', versionId)
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => ({ entityId: r.entity_id, change: r.change, fields: JSON.parse(r.fields) as EntityField[] }));
  }

  deltas(fromVersionId: string | undefined, toVersionId: string): AsyncIterable<EntityDelta> {
    return deltasBetween(this.db, fromVersionId, toVersionId);
  }

  async entity(id: string): Promise<StoredEntityRecord | undefined> {
    const row = await this.db
      .selectFrom('version_entities as ve')
      .innerJoin('list_versions as v', 'v.id', 've.version_id')
      .innerJoin('entity_records as r', 'r.hash', 've.hash')
      .selectAll('v')
      .select('r.data')
      .where('ve.entity_id', '=', id)
      .orderBy(sql`case when v.status = 'active' then 0 else 1 end`)
      .orderBy('v.imported_at', 'desc')
      .orderBy('v.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    const { data, ...versionRow } = row;
    const version = toVersion(versionRow);
    return { entity: JSON.parse(data) as Entity, version, isListed: version.status === 'active' };
  }

  async entitiesOf(versionId: string, ids: readonly string[]): Promise<Entity[]> {
    const out: Entity[] = [];
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      const rows = await this.db
        .selectFrom('version_entities as ve')
        .innerJoin('entity_records as r', 'r.hash', 've.hash')
        .select('r.data')
        .where('ve.version_id', '=', versionId)
        .where('ve.entity_id', 'in', ids.slice(i, i + ID_BATCH))
        .execute();
      for (const r of rows) out.push(JSON.parse(r.data) as Entity);
    }
    return out;
  }

  async *entities(versionId: string): AsyncIterable<Entity> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('version_entities as ve')
        .innerJoin('entity_records as r', 'r.hash', 've.hash')
        .select(['ve.entity_id', 'r.data'])
        .where('ve.version_id', '=', versionId)
        .where('ve.entity_id', '>', after)
        .orderBy('ve.entity_id')
        .limit(PAGE)
        .execute();
      for (const r of rows) yield JSON.parse(r.data) as Entity;
      const lastRow = rows.at(-1);
      if (!lastRow || rows.length < PAGE) return;
      after = lastRow.entity_id;
    }
  }
}

/** A version being written inside one transaction (see VersionDraft). */
class KyselyVersionDraft implements VersionDraft {
  isCommitted = false;
  private readonly versionId: string;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly dialect: DialectName,
    private readonly source: string,
    private readonly seq: number,
    readonly previous: ListVersion | undefined,
  ) {
    this.versionId = `${source}@${seq}`;
  }

  async add(entities: readonly HashedEntity[]): Promise<string[]> {
    const repeated: string[] = [];
    for (let i = 0; i < entities.length; i += INSERT_BATCH) {
      const batch = entities.slice(i, i + INSERT_BATCH);
      const inserted = await this.trx.executeQuery<{ entity_id: string }>(
        insertRows(this.dialect, 'version_entities', ['version_id', 'entity_id', 'hash'], batch.map(({ entity, hash }) => [this.versionId, entity.id, hash]), {
          columns: ['version_id', 'entity_id'],
          update: [],
          returning: ['entity_id'],
        }),
      );
      const fresh = new Set(inserted.rows.map((r) => r.entity_id));
      const kept = batch.filter(({ entity }) => fresh.delete(entity.id));
      if (kept.length < batch.length) {
        const keptSet = new Set(kept);
        repeated.push(...batch.filter((e) => !keptSet.has(e)).map((e) => e.entity.id));
      }
      if (kept.length === 0) continue;
      await this.trx.executeQuery(
        insertRows(this.dialect, 'entity_records', ['hash', 'entity_id', 'data'], kept.map(({ entity, hash, json }) => [hash, entity.id, json]), { columns: ['hash'], update: [] }),
      );
    }
    return repeated;
  }

  async count(): Promise<number> {
    const row = await this.trx
      .selectFrom('version_entities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('version_id', '=', this.versionId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async contentHash(): Promise<string> {
    const hash = createHash('sha256');
    let after = '';
    for (;;) {
      const rows = await this.trx
        .selectFrom('version_entities')
        .select(['entity_id', 'hash'])
        .where('version_id', '=', this.versionId)
        .where('entity_id', '>', after)
        .orderBy('entity_id')
        .limit(PAGE * 5)
        .execute();
      for (const r of rows) hash.update(`${r.entity_id}\t${r.hash}\n`);
      const lastRow = rows.at(-1);
      if (!lastRow || rows.length < PAGE * 5) break;
      after = lastRow.entity_id;
    }
    return hash.digest('hex');
  }

  deltas(): AsyncIterable<EntityDelta> {
    return deltasBetween(this.trx, this.previous?.id, this.versionId);
  }

  async recordChanges(changes: readonly EntityChange[]): Promise<void> {
    for (let i = 0; i < changes.length; i += INSERT_BATCH) {
      await this.trx
        .insertInto('version_changes')
        .values(
          changes.slice(i, i + INSERT_BATCH).map((c) => ({
            version_id: this.versionId,
            entity_id: c.entityId,
            change: c.change,
            fields: JSON.stringify(c.fields),
          })),
        )
        .execute();
    }
  }

  async commit(meta: NewVersion, audit: AuditEntry): Promise<ListVersion> {
    if (this.previous) {
      await this.trx.updateTable('list_versions').set({ status: 'superseded' }).where('id', '=', this.previous.id).execute();
    }
    const row: ListVersionsTable = {
      id: this.versionId,
      source: this.source,
      seq: this.seq,
      status: 'active',
      format: meta.format,
      content_hash: meta.contentHash,
      files: JSON.stringify(meta.files),
      published_at: meta.publishedAt ?? null,
      imported_at: meta.importedAt,
      entity_count: meta.entityCount,
      added: meta.added,
      removed: meta.removed,
      changed: meta.changed,
      warning_count: meta.warningCount,
      warnings: JSON.stringify(meta.warnings),
    };
    await this.trx.insertInto('list_versions').values(row).execute();
    await appendAuditEvent(this.trx, this.dialect, audit, new Date(meta.importedAt));
    this.isCommitted = true;
    return toVersion(row);
  }
}

/**
 * Walks the differences between two versions: the added, then the removed, then the changed
 * entities, each group in entity id order, one page at a time.
 */
async function* deltasBetween(db: Db, fromId: string | undefined, toId: string): AsyncIterable<EntityDelta> {
  yield* onlyIn(db, toId, fromId, 'added');
  if (fromId !== undefined) {
    yield* onlyIn(db, fromId, toId, 'removed');
    yield* changedBetween(db, fromId, toId);
  }
}

/** Entities in one version and not the other: ids only (a caller that needs one reads it by id). */
async function* onlyIn(db: Db, inId: string, notInId: string | undefined, change: 'added' | 'removed'): AsyncIterable<EntityDelta> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('version_entities as a')
      .select('a.entity_id')
      .where('a.version_id', '=', inId)
      .where('a.entity_id', '>', after)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('version_entities as b')
              .select('b.entity_id')
              .where('b.version_id', '=', notInId ?? '')
              .whereRef('b.entity_id', '=', 'a.entity_id'),
          ),
        ),
      )
      .orderBy('a.entity_id')
      .limit(PAGE * 5)
      .execute();
    for (const r of rows) yield { entityId: r.entity_id, change };
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < PAGE * 5) return;
    after = lastRow.entity_id;
  }
}

async function* changedBetween(db: Db, fromId: string, toId: string): AsyncIterable<EntityDelta> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('version_entities as n')
      .innerJoin('version_entities as o', (j) => j.onRef('o.entity_id', '=', 'n.entity_id').on('o.version_id', '=', fromId))
      .innerJoin('entity_records as rn', 'rn.hash', 'n.hash')
      .innerJoin('entity_records as ro', 'ro.hash', 'o.hash')
      .select(['n.entity_id', 'rn.data as after', 'ro.data as before'])
      .where('n.version_id', '=', toId)
      .where('n.entity_id', '>', after)
      .whereRef('n.hash', '<>', 'o.hash')
      .orderBy('n.entity_id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      yield { entityId: r.entity_id, change: 'changed', before: JSON.parse(r.before) as Entity, after: JSON.parse(r.after) as Entity };
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < PAGE) return;
    after = lastRow.entity_id;
  }
}

function toVersion(row: Selectable<ListVersionsTable>): ListVersion {
  return {
    id: row.id,
    source: row.source,
    seq: Number(row.seq),
    status: row.status,
    format: row.format,
    contentHash: row.content_hash,
    files: JSON.parse(row.files) as ListVersion['files'],
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    importedAt: row.imported_at,
    entityCount: Number(row.entity_count),
    added: Number(row.added),
    removed: Number(row.removed),
    changed: Number(row.changed),
    warningCount: Number(row.warning_count),
    warnings: JSON.parse(row.warnings) as string[],
  };
}
