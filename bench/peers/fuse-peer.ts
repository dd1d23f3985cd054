import Fuse from 'fuse.js';
import type { Entity } from '../../src/domain/entities/entity.js';

/**
 * fuse.js as a benchmark peer: one `Fuse` over every listed name of every entity, with the
 * library's default options (threshold 0.6, location 0, distance 100, case-insensitive);
 * `includeScore` is turned on only to read the scores, which does not change what matches.
 * Fuse scores 0 for a perfect match and 1 for none; the benchmark reports `1 - score` so a
 * threshold reads as for the other engines.
 */

interface FuseRecord {
  readonly name: string;
  readonly entity: number;
}

/** One fuse.js hit: the entity and its similarity `1 - fuse score`. */
export interface FuseMatch {
  readonly entityId: string;
  readonly score: number;
}

/** fuse.js over all listed names. */
export class FusePeer {
  private readonly fuse: Fuse<FuseRecord>;
  private readonly ids: string[];

  /** Indexes every name of `entities`. */
  constructor(entities: readonly Entity[]) {
    this.ids = entities.map((e) => e.id);
    const records: FuseRecord[] = [];
    entities.forEach((e, entity) => {
      for (const n of e.names) records.push({ name: n.full, entity });
    });
    this.fuse = new Fuse(records, { keys: ['name'], includeScore: true });
  }

  /** Entities whose best name reaches `minScore` (as `1 - fuse score`), best first. */
  search(query: string, minScore: number): FuseMatch[] {
    const best = new Map<number, number>();
    for (const r of this.fuse.search(query)) {
      const score = 1 - (r.score ?? 1);
      if (score < minScore) continue;
      if (score > (best.get(r.item.entity) ?? -1)) best.set(r.item.entity, score);
    }
    return [...best.entries()].map(([e, score]) => ({ entityId: this.ids[e]!, score })).sort((a, b) => b.score - a.score);
  }
}
