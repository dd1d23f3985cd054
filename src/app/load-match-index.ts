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
 */
export async function loadMatchIndex({ listStore }: { listStore: ListStore }): Promise<LoadedMatchIndex> {
  const versions = await listStore.activeVersions();
  const entities: Entity[] = [];
  for (const v of versions) for await (const e of listStore.entities(v.id)) entities.push(e);
  return { index: buildMatchIndex(entities), versions };
}
