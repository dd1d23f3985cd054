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

/**
 * IDF-like weights over fixed counts (entities per part key, out of `total`): 1 for the most
 * common parts, up to about 11 for unseen ones. With no counts every part weighs the same
 * (1 + ln 1001).
 */
export function tokenStatsOf(counts: ReadonlyMap<string, number>, total: number): TokenStats {
  const base = Math.max(total, 1000);
  const weights = new Map<string, number>();
  return Object.freeze({
    kind: 'TokenStats' as const,
    total,
    frequency: (key: string) => counts.get(key) ?? 0,
    weight(key: string): number {
      const hit = weights.get(key);
      if (hit !== undefined) return hit;
      const w = 1 + Math.log((base + 1) / ((counts.get(key) ?? 0) + 1));
      if (weights.size < 200_000) weights.set(key, w);
      return w;
    },
  });
}
