/**
 * How rare each name part is among the listed names: the document frequency of its phonetic
 * key (all spellings of Mohammad count together), turned into an IDF-like weight. Sharing a
 * rare surname weighs more than sharing "Mohammad" or "Ali". Immutable once built.
 */
export interface TokenStats {
  readonly kind: 'TokenStats';
  /** Names (entities) counted. */
  readonly total: number;
  /** The weight of a part with this key: 1 for the most common parts, up to about 11 for unseen ones. */
  weight(key: string): number;
  /** How many entities have a name part with this key. */
  frequency(key: string): number;
}

/** The weight of parts that are one letter (initials) or unknown to an empty index. */
export const INITIAL_WEIGHT = 1;

/** Counts keys once per entity. Feed `add` one entity's key set at a time, then `build`. */
export class TokenStatsBuilder {
  private readonly counts = new Map<string, number>();
  private entities = 0;

  /** Counts one entity's distinct part keys. */
  add(keys: Iterable<string>): void {
    this.entities++;
    for (const key of new Set(keys)) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The frozen statistics. With no entities, every part weighs the same (1 + ln 1000). */
  build(): TokenStats {
    const counts = this.counts;
    const total = this.entities;
    const base = Math.max(total, 1000);
    const cache = new Map<string, number>();
    return Object.freeze({
      kind: 'TokenStats' as const,
      total,
      frequency: (key: string) => counts.get(key) ?? 0,
      weight(key: string): number {
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
        const df = counts.get(key) ?? 0;
        const w = 1 + Math.log((base + 1) / (df + 1));
        if (cache.size < 200_000) cache.set(key, w);
        return w;
      },
    });
  }
}
