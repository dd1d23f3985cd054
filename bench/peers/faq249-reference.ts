import type { Entity } from '../../src/domain/entities/entity.js';
import { editSimilarity, jaroWinkler, soundex } from './string-metrics.js';

/**
 * A reference implementation of OFAC's Sanctions List Search method as its FAQ 249 describes
 * it (https://ofac.treasury.gov/faqs/249), the baseline of the matching benchmark:
 *
 * 1. Names are normalised to Latin letters only: compatibility-decomposed, accents dropped,
 *    upper-cased, everything but A-Z becomes a separator. A name in another script keeps no
 *    letters and finds nothing.
 * 2. Pre-filter: a listed name is a candidate when one of its parts starts with the same letter
 *    as a part of the search term and is at least 50% similar to it by edit distance.
 * 3. Score, 0..1, the higher of two techniques: the Jaro-Winkler similarity of the whole name
 *    strings, and a composite over the parts entered: each entered part takes its best listed
 *    part, scored as the mean of their Jaro-Winkler similarity and Soundex agreement (1 when
 *    the codes are equal, else 0), and the composite is the mean over the entered parts.
 * 4. A name matches at or above the slider's minimum score.
 *
 * FAQ 249 does not say how Jaro-Winkler and Soundex are combined per part or how the part
 * scores are composed; the mean of each is our reading, stated here so the figures can be
 * judged. Every name of every entity is searched (primary, aliases, weak aliases).
 */

/** One reference match: the entity, its best score and the listed name that gave it. */
export interface ReferenceMatch {
  readonly entityId: string;
  readonly score: number;
  readonly name: string;
}

interface IndexedName {
  readonly entity: number;
  readonly full: string;
  readonly written: string;
  readonly parts: readonly string[];
  readonly soundex: readonly string[];
  /** Letter counts A-Z of `full`, for an upper bound of its Jaro-Winkler similarity. */
  readonly letters: Uint8Array;
}

interface IndexedToken {
  readonly token: string;
  readonly names: number[];
}

/** Splits a text into its Latin name parts: accents dropped, upper case, A-Z only. */
export function latinParts(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((p) => p.length > 0);
}

/** The FAQ-249 reference searcher over a fixed set of entities. */
export class Faq249Reference {
  /** The slider's default in the benchmark. */
  static readonly DEFAULT_THRESHOLD = 0.85;

  private readonly ids: string[] = [];
  private readonly names: IndexedName[] = [];
  private readonly byLetter = new Map<string, IndexedToken[]>();
  private stamp = new Uint32Array(0);
  private round = 0;

  private constructor(entities: readonly Entity[]) {
    const tokens = new Map<string, IndexedToken>();
    entities.forEach((e, entity) => {
      this.ids.push(e.id);
      for (const n of e.names) {
        const parts = latinParts(n.full);
        if (parts.length === 0) continue;
        const index = this.names.length;
        const full = parts.join(' ');
        this.names.push({ entity, full, written: n.full, parts, soundex: parts.map(soundex), letters: letterCounts(full) });
        for (const p of new Set(parts)) {
          let t = tokens.get(p);
          if (!t) {
            t = { token: p, names: [] };
            tokens.set(p, t);
            const letter = p[0]!;
            const list = this.byLetter.get(letter) ?? [];
            list.push(t);
            this.byLetter.set(letter, list);
          }
          t.names.push(index);
        }
      }
    });
    this.stamp = new Uint32Array(this.names.length);
  }

  /** Builds the searcher over all names of the given entities. */
  static build(entities: readonly Entity[]): Faq249Reference {
    return new Faq249Reference(entities);
  }

  /** How many listed names hold at least one Latin letter (the searchable names). */
  get nameCount(): number {
    return this.names.length;
  }

  /** Entities whose best name scores at least `minScore` against `query`, best first. */
  search(query: string, minScore: number = Faq249Reference.DEFAULT_THRESHOLD): ReferenceMatch[] {
    const q = latinParts(query);
    if (q.length === 0) return [];
    const qFull = q.join(' ');
    const qSoundex = q.map(soundex);
    const partCache = q.map(() => new Map<string, number>());
    const qLetters = letterCounts(qFull);
    const best = new Map<number, ReferenceMatch>();
    for (const index of this.candidates(q)) {
      const n = this.names[index]!;
      const composite = this.composite(q, qSoundex, partCache, n);
      const floor = Math.max(composite, minScore);
      // The whole-name score is computed only when its upper bound can beat the part score.
      const whole = jaroWinklerBound(qFull, qLetters, n) >= floor ? jaroWinkler(qFull, n.full) : 0;
      const score = Math.max(whole, composite);
      if (score < minScore) continue;
      const prior = best.get(n.entity);
      if (!prior || score > prior.score) best.set(n.entity, { entityId: this.ids[n.entity]!, score, name: n.written });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : 1));
  }

  /** The best score of `query` at or above `minScore`, or 0 when no listed name reaches it. */
  bestScore(query: string, minScore: number = Faq249Reference.DEFAULT_THRESHOLD): number {
    return this.search(query, minScore)[0]?.score ?? 0;
  }

  /** Listed names sharing a first letter with an entered part and at least 50% edit-similar to it. */
  private candidates(q: readonly string[]): number[] {
    this.round += 1;
    if (this.round === 0xffffffff) {
      this.stamp.fill(0);
      this.round = 1;
    }
    const out: number[] = [];
    for (const part of new Set(q)) {
      for (const t of this.byLetter.get(part[0]!) ?? []) {
        const longer = Math.max(part.length, t.token.length);
        if (Math.abs(part.length - t.token.length) > longer / 2) continue;
        if (editSimilarity(part, t.token) < 0.5) continue;
        for (const index of t.names) {
          if (this.stamp[index] === this.round) continue;
          this.stamp[index] = this.round;
          out.push(index);
        }
      }
    }
    return out;
  }

  /**
   * The per-part technique: each entered part's best listed part, averaged over entered parts.
   * A part pair is scored once per search (`cache`), as listed parts repeat across names.
   */
  private composite(q: readonly string[], qSoundex: readonly string[], cache: readonly Map<string, number>[], n: IndexedName): number {
    let sum = 0;
    for (let i = 0; i < q.length; i++) {
      const seen = cache[i]!;
      let bestPart = 0;
      for (let j = 0; j < n.parts.length; j++) {
        const part = n.parts[j]!;
        let s = seen.get(part);
        if (s === undefined) {
          s = (jaroWinkler(q[i]!, part) + (qSoundex[i] === n.soundex[j] ? 1 : 0)) / 2;
          seen.set(part, s);
        }
        if (s > bestPart) bestPart = s;
      }
      sum += bestPart;
    }
    return sum / q.length;
  }
}

function letterCounts(full: string): Uint8Array {
  const counts = new Uint8Array(27);
  for (let i = 0; i < full.length; i++) {
    const c = full.charCodeAt(i) - 65;
    const k = c >= 0 && c < 26 ? c : 26;
    counts[k] = counts[k]! + 1;
  }
  return counts;
}

/**
 * An upper bound of Jaro-Winkler(query, name): the Jaro matches cannot exceed the common
 * characters of the two strings, and the prefix bonus cannot exceed four characters.
 */
function jaroWinklerBound(qFull: string, qLetters: Uint8Array, n: IndexedName): number {
  let common = 0;
  for (let c = 0; c < 27; c++) common += Math.min(qLetters[c]!, n.letters[c]!);
  if (common === 0) return 0;
  const j = (common / qFull.length + common / n.full.length + 1) / 3;
  return j <= 0.7 ? j : j + 0.4 * (1 - j);
}
