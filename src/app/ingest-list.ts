import * as crypto from 'node:crypto';
import type { Entity } from '../domain/entities/entity.js';
import { ListRejectedError } from '../domain/errors.js';
import { changedFields } from '../domain/lists/entity-diff.js';
import type { AuditStore, Clock, EntityChange, HashedEntity, ListFeed, ListStore, ListVersion } from './ports.js';

/** How far a feed may shrink against the active version before it is rejected (10%). */
export const DEFAULT_MAX_SHRINK = 0.1;
/** Warnings kept verbatim on a version; the rest are counted. */
const KEPT_WARNINGS = 200;
const BATCH = 1000;

/** Options of one ingestion. */
export interface IngestOptions {
  /** Accept a feed that shrinks more than `maxShrink`. */
  readonly force?: boolean;
  /** The largest accepted loss of entities, as a fraction of the active version (0.1 = 10%). */
  readonly maxShrink?: number;
  /** Who asked for the import, for the audit log (`cli`, `schedule`, `key:<id>`). */
  readonly actor?: string;
}

/** What an ingestion did. `unchanged`: the feed holds exactly the active version's content. */
export interface IngestResult {
  readonly source: string;
  readonly status: 'created' | 'unchanged';
  readonly version: ListVersion;
  readonly warnings: readonly string[];
  readonly warningCount: number;
}

/** The dependencies of ingestList. */
export interface IngestDeps {
  readonly listStore: ListStore;
  readonly auditStore: AuditStore;
  readonly clock: Clock;
}

/**
 * Turns a feed into a new immutable list version with its diff against the active one, or
 * reports it unchanged. A feed that does not parse, is cut short, is empty or shrinks by more
 * than `maxShrink` (unless `force`) is rejected with a ListRejectedError; the active version
 * stays active and nothing of the feed is stored (it is all written in one transaction).
 */
export async function ingestList(deps: IngestDeps, feed: ListFeed, options: IngestOptions = {}): Promise<IngestResult> {
  try {
    return await writeVersion(deps, feed, options);
  } catch (err) {
    if (err instanceof ListRejectedError) {
      await deps.auditStore.append(
        {
          actor: options.actor ?? 'system',
          action: 'list.feed.rejected',
          subject: feed.source,
          data: { file: err.file, ...(err.line === undefined ? {} : { line: err.line }), reason: err.reason, files: feed.files.map((f) => f.sha256) },
        },
        deps.clock.now(),
      );
    }
    throw err;
  }
}

async function writeVersion({ listStore, clock }: IngestDeps, feed: ListFeed, options: IngestOptions): Promise<IngestResult> {
  const maxShrink = options.maxShrink ?? DEFAULT_MAX_SHRINK;
  const warnings: string[] = [];
  let warningCount = 0;
  let publishedAt: string | undefined;
  const ctx = {
    warn(message: string): void {
      warningCount += 1;
      if (warnings.length < KEPT_WARNINGS) warnings.push(message);
    },
    setPublishedAt(date: string): void {
      publishedAt = date;
    },
  };

  return listStore.draftVersion(feed.source, async (draft) => {
    let batch: HashedEntity[] = [];
    const add = async (entities: readonly HashedEntity[]): Promise<void> => {
      for (const id of await draft.add(entities)) ctx.warn(`${feed.name}: entity ${id} appears more than once; the first is kept`);
    };
    for await (const entity of feed.entities(ctx)) {
      const json = JSON.stringify(entity);
      batch.push({ entity, json, hash: sha256(json) });
      if (batch.length >= BATCH) {
        await add(batch);
        batch = [];
      }
    }
    await add(batch);

    const count = await draft.count();
    if (count === 0) throw new ListRejectedError(feed.name, 'file holds no records');
    const contentHash = await draft.contentHash();
    const previous = draft.previous;
    if (previous && previous.contentHash === contentHash) {
      return { source: feed.source, status: 'unchanged', version: previous, warnings, warningCount };
    }
    if (previous && !options.force && count < previous.entityCount * (1 - maxShrink)) {
      const lost = Math.round((100 * (previous.entityCount - count)) / previous.entityCount);
      throw new ListRejectedError(
        feed.name,
        `the feed holds ${count} entities, ${lost}% fewer than the active version ${previous.id} (${previous.entityCount}); ` +
          `more than the ${Math.round(maxShrink * 100)}% a feed may shrink (use --force to accept it)`,
      );
    }

    // A first version's diff is "everything added": counted, not stored row by row.
    const tally = { added: previous ? 0 : count, removed: 0, changed: 0 };
    let changes: EntityChange[] = [];
    for await (const delta of previous ? draft.deltas() : []) {
      const fields = delta.before && delta.after ? changedFields(delta.before, delta.after) : [];
      changes.push({ entityId: delta.entityId, change: delta.change, fields });
      tally[delta.change] += 1;
      if (changes.length >= BATCH) {
        await draft.recordChanges(changes);
        changes = [];
      }
    }
    await draft.recordChanges(changes);

    const meta = {
      format: feed.format,
      contentHash,
      files: feed.files,
      ...(publishedAt ? { publishedAt } : {}),
      importedAt: clock.now().toISOString(),
      entityCount: count,
      ...tally,
      warningCount,
      warnings,
    };
    const version = await draft.commit(meta, {
      actor: options.actor ?? 'system',
      action: 'list.version.created',
      subject: `${feed.source}@${(previous?.seq ?? 0) + 1}`,
      data: {
        source: feed.source,
        format: feed.format,
        contentHash,
        files: feed.files,
        publishedAt: publishedAt ?? null,
        entities: count,
        ...tally,
        warnings: warningCount,
      },
    });
    return { source: feed.source, status: 'created', version, warnings, warningCount };
  });
}

/** The SHA-256 of an entity's canonical JSON: equal entities, equal hashes. */
export function hashEntity(entity: Entity): string {
  return sha256(JSON.stringify(entity));
}

/** One-shot `crypto.hash` (Node 20.12+) where there is one: cheaper than a Hash object per entity. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

function sha256(text: string): string {
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
