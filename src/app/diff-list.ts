import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { changedFields } from '../domain/lists/entity-diff.js';
import type { EntityChange, ListStore, ListVersion } from './ports.js';

/** A diff between two versions of one source. */
export interface ListDiff {
  readonly source: string;
  /** Absent when `to` is the first version (everything in it was added). */
  readonly from?: ListVersion;
  readonly to: ListVersion;
  readonly changes: readonly EntityChange[];
}

/**
 * The differences between two versions of a source. By default `to` is the active version
 * and `from` the one before `to`; versions are given by their number (`3`) or id
 * (`ofac-sdn@3`). Consecutive versions use the diff stored at import; others are computed.
 */
export async function diffList(
  { listStore }: { listStore: ListStore },
  source: string,
  selection: { from?: string; to?: string } = {},
): Promise<ListDiff> {
  const versions = await listStore.versions(source);
  if (versions.length === 0) throw new NotFoundError('list source', source);
  const to = selection.to ? pick(versions, source, selection.to) : (versions.find((v) => v.status === 'active') ?? versions.at(-1)!);
  const from = selection.from ? pick(versions, source, selection.from) : versions.find((v) => v.seq === to.seq - 1);
  if (from && from.seq === to.seq) throw new InvalidInputError('--from and --to name the same version', { field: 'from' });
  const isStored = from !== undefined && from.seq === to.seq - 1;
  if (isStored) return { source, ...(from ? { from } : {}), to, changes: await listStore.changes(to.id) };
  const changes: EntityChange[] = [];
  for await (const d of listStore.deltas(from?.id, to.id)) {
    changes.push({ entityId: d.entityId, change: d.change, fields: d.before && d.after ? changedFields(d.before, d.after) : [] });
  }
  changes.sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return { source, ...(from ? { from } : {}), to, changes };
}

function pick(versions: readonly ListVersion[], source: string, ref: string): ListVersion {
  const seq = ref.startsWith(`${source}@`) ? ref.slice(source.length + 1) : ref;
  const found = /^\d+$/.test(seq) ? versions.find((v) => v.seq === Number(seq)) : undefined;
  if (!found) throw new NotFoundError('list version', `${source}@${seq}`);
  return found;
}
