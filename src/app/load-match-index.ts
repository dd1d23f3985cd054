import type { Entity } from '../domain/entities/entity.js';
import { buildMatchIndex } from '../domain/matching/build-match-index.js';
import type { MatchIndex } from '../domain/matching/match-types.js';
import type { ListStore, ListVersion } from './ports.js';

/** A match index and the list versions it was built from. */
export interface LoadedMatchIndex {
  readonly index: MatchIndex;
  readonly versions: readonly ListVersion[];
}

/**
 * Builds the in-memory match index from every active list version (DESIGN §4: tens of
 * thousands of entities, small). With no lists imported, the index is empty and matches
 * nothing; `compare` still works with uniform name-part rarity.
 *
 * Given the index loaded before (`previous`), it derives the new one from the list diffs
 * instead (`MatchIndex.withChanges`: only the changed entities' names are indexed, so a new
 * version is served in well under a second rather than the seconds a full build takes), and
 * screens exactly as a full build would. A version older than the one indexed (an operator's
 * rollback) is built in full.
 */
export async function loadMatchIndex({ listStore }: { listStore: ListStore }, previous?: LoadedMatchIndex): Promise<LoadedMatchIndex> {
  const versions = await listStore.activeVersions();
  if (previous) {
    const derived = await deriveMatchIndex(listStore, previous, versions);
    if (derived) return derived;
  }
  const entities: Entity[] = [];
  for (const v of versions) for await (const e of listStore.entities(v.id)) entities.push(e);
  return { index: buildMatchIndex(entities), versions };
}

/** The index of `versions` from `previous` and the diffs between them; undefined when only a full build will do. */
async function deriveMatchIndex(listStore: ListStore, previous: LoadedMatchIndex, versions: readonly ListVersion[]): Promise<LoadedMatchIndex | undefined> {
  const before = new Map(previous.versions.map((v) => [v.source, v]));
  const removed = new Set<string>();
  const added: Entity[] = [];
  for (const v of versions) {
    const addedIds: string[] = [];
    const old = before.get(v.source);
    before.delete(v.source);
    if (old?.id === v.id) continue;
    if (old !== undefined && old.seq > v.seq) return undefined;
    for await (const d of listStore.deltas(old?.id, v.id)) {
      if (d.change === 'added') addedIds.push(d.entityId);
      else removed.add(d.entityId);
      if (d.change === 'changed') {
        if (!d.after) return undefined;
        added.push(d.after);
      }
    }
    const found = await listStore.entitiesOf(v.id, addedIds);
    if (found.length !== addedIds.length) return undefined;
    added.push(...found);
  }
  // A source no longer active at all: its entities leave.
  for (const gone of before.values()) for await (const e of listStore.entities(gone.id)) removed.add(e.id);
  if (removed.size === 0 && added.length === 0) return { index: previous.index, versions };
  return { index: previous.index.withChanges(removed, added), versions };
}
