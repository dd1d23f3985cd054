import {
  FUZZY_FLOOR, INITIAL_SIMILARITY, partsJoined, PATRONYMIC_MISS, QUERY_MISS, SHORT_PHONETIC_CAP, SYLLABLE, SYLLABLE_SIMILARITY, typoSimilarity,
} from './align-names.js';
import { mayJoin, PART_DIGIT, PART_KEYED, PART_LENGTH, PART_STRIDE, sharesPart, type PreparedName } from './prepared-name.js';
import { isOneEdit } from './string-similarity.js';

/**
 * A cheap upper bound of `alignPrepared(q, l, isPerson).similarity`, for skipping hopeless
 * candidates before the full alignment (most candidates of a screening). Each part is credited
 * with the best similarity it could reach (`similarityBound`) as if no other part competed for
 * it, seen from the query side and from the listed side (the smaller bound wins); a part that
 * can meet nothing, and parts left over because the other name has too few, are charged as
 * alignment charges them. Returns 1 when parts may be joined (abdul rahman), which it does not
 * model. Between names one of which was written in syllables (Han, Hangul, Kana), another
 * syllable counts at most `SYLLABLE_SIMILARITY`, as in alignment: when no query part is longer
 * than a syllable or met exactly, that is the bound, found without comparing parts pairwise.
 * Given `need`, it may stop as soon as the bound is sure to fall below it, and return a looser
 * bound, still below `need`. Never below the true similarity: pruning on it loses no match.
 */
export function alignBound(q: PreparedName, l: PreparedName, isPerson: boolean, need = 0): number {
  const nq = q.parts;
  const nl = l.parts;
  if (mayJoin(q, l, !isPerson) && (joinsAny(q.tokens, l.tokens, isPerson) || joinsAny(l.tokens, q.tokens, isPerson))) return 1;
  const syllabic = q.syllabic || l.syllabic;
  if (syllabic && q.longest <= SYLLABLE && !sharesPart(q, l)) return SYLLABLE_SIMILARITY;
  const qw = isPerson ? q.personWeights : q.otherWeights;
  const lw = isPerson ? l.personWeights : l.otherWeights;
  const qp = q.packed;
  const lp = l.packed;
  let missQ = 0;
  let leftover = false;
  let reached = 0;
  let strong = 0;
  let initials = 0;
  let strongReach = 0;
  let heaviestListed = 0;
  for (let j = 0; j < nl; j++) {
    listedU[j] = 0;
    listedLo[j] = Infinity;
    listedHi[j] = 0;
    if ((lw[j] as number) > heaviestListed) heaviestListed = lw[j] as number;
  }
  let queryWeight = 0;
  for (let i = 0; i < nq; i++) queryWeight += qw[i] as number;
  let unreached = 0;
  let minMiss = Infinity;
  let n = 0;
  const order = q.heavyFirst;
  for (let k = 0; k < nq; k++) {
    const i = order[k] as number;
    const wq = qw[i] as number;
    const la = (qp[i * PART_STRIDE + 2] as number) & PART_LENGTH;
    let best = 0;
    let lo = Infinity;
    let hi = 0;
    let isStrong = false;
    let reach = 0;
    for (let j = 0; j < nl; j++) {
      const u = similarityBound(q, i, l, j);
      if (u === 0) continue;
      const lb = (lp[j * PART_STRIDE + 2] as number) & PART_LENGTH;
      reach |= 1 << j;
      const wl = lw[j] as number;
      // One-letter parts meet as initials, unless equal (r = r, 2 = 2): that is an exact, strong pair.
      const initial = (la === 1 || lb === 1) && u < 1;
      const m = initial ? Math.min(wq, wl) : (wq + wl) / 2;
      if (u > (listedU[j] as number)) listedU[j] = u;
      if (m < (listedLo[j] as number)) listedLo[j] = m;
      if (m > (listedHi[j] as number)) listedHi[j] = m;
      if (!initial) isStrong = true;
      if (u > best) best = u;
      if (m < lo) lo = m;
      if (m > hi) hi = m;
    }
    if (best === 0) {
      missQ += wq;
      if (la > 1) leftover = true;
      unreached++;
      if (need > 0) {
        // Every other part meeting at best, each pair weighing at most (its weight + the
        // heaviest listed part's) / 2: when even that falls short of `need`, stop here.
        const mass = (queryWeight - missQ + (nq - unreached) * heaviestListed) / 2;
        const most = mass / (mass + QUERY_MISS * missQ);
        if (most < need) return most;
      }
      continue;
    }
    reached |= reach;
    if (isStrong) {
      strong++;
      strongReach |= reach;
    }
    if (wq < minMiss) minMiss = wq;
    if (la === 1) initials++;
    boundU[n] = best;
    boundLo[n] = lo;
    boundHi[n] = hi;
    boundMiss[n] = wq;
    n++;
  }
  // At most `pairs` query parts meet: the rest are left over, each weighing at least minMiss.
  const pairs = Math.min(n, popcount(reached));
  const unpaired = (n - pairs) * minMiss;
  if (n - pairs > initials) leftover = true;
  const strongPairs = Math.min(strong, popcount(strongReach));
  let missL = 0;
  const enoughPossible = isPerson && !syllabic && !leftover && strongPairs >= Math.min(2, nl, nq) && strongPairs >= Math.min(2, nl);
  const share = enoughPossible ? PATRONYMIC_MISS : 1;
  for (let j = 0; j < nl; j++) if ((reached & (1 << j)) === 0) missL += (lw[j] ?? 0) * share;
  const byQuery = bestRatio(n, QUERY_MISS * missQ + missL, pairs);
  // With no more listed parts in reach than query parts, each listed part left out leaves a query part out too.
  const tight = popcount(reached) <= n;
  let k = 0;
  for (let j = 0; j < nl; j++) {
    if ((reached & (1 << j)) === 0) continue;
    boundU[k] = listedU[j] ?? 0;
    boundLo[k] = listedLo[j] ?? 0;
    boundHi[k] = listedHi[j] ?? 0;
    boundMiss[k] = (lw[j] ?? 0) * (enoughPossible ? PATRONYMIC_MISS : 1) + (tight ? minMiss : 0);
    k++;
  }
  return Math.min(byQuery, bestRatio(k, QUERY_MISS * (missQ + unpaired) + missL, k));
}

/**
 * An upper bound of `similarityOf` for query part `i` and listed part `j` that computes no
 * Jaro-Winkler or edit distance: same phonetic key counts its cap, typos `typoSimilarity`, and
 * a fuzzy match 0.7 only when the letters the two parts share leave Jaro-Winkler room to reach
 * `FUZZY_FLOOR`. It reads the parts' packed numbers, and their strings only to confirm an
 * equal hash, a nickname or one edit.
 */
function similarityBound(q: PreparedName, i: number, l: PreparedName, j: number): number {
  const qp = q.packed;
  const lp = l.packed;
  const at = i * PART_STRIDE;
  const bt = j * PART_STRIDE;
  if (qp[at] === lp[bt] && q.tokens[i] === l.tokens[j]) return 1;
  const ma = qp[at + 2] as number;
  const mb = lp[bt + 2] as number;
  const la = ma & PART_LENGTH;
  const lb = mb & PART_LENGTH;
  const sameStart = ((ma ^ mb) & FIRST_LETTER) === 0;
  if (la === 1 || lb === 1) return la !== lb && sameStart ? INITIAL_SIMILARITY : 0;
  const nicknames = q.nicknames[i];
  if (nicknames !== undefined && nicknames.has(l.tokens[j] as string)) return 0.9;
  if (((ma | mb) & PART_DIGIT) !== 0) return 0;
  const shorter = la < lb ? la : lb;
  if ((ma & PART_KEYED) !== 0 && qp[at + 1] === lp[bt + 1] && q.keys[i] === l.keys[j]) return shorter <= 3 ? SHORT_PHONETIC_CAP : 0.97;
  if (shorter < 4) return 0;
  const longer = la < lb ? lb : la;
  const diff = longer - shorter;
  const lettersA = qp[at + 3] as number;
  const lettersB = lp[bt + 3] as number;
  // One edit leaves each part at most one letter the other has not: test that before the strings.
  const onlyA = lettersA & ~lettersB;
  const onlyB = lettersB & ~lettersA;
  if (diff <= 1 && (onlyA & (onlyA - 1)) === 0 && (onlyB & (onlyB - 1)) === 0 && isOneEdit(q.tokens[i] as string, l.tokens[j] as string)) return typoSimilarity(1, longer);
  if (!sameStart) return 0;
  // Two edits leave each part at most two letters the other has not.
  if (shorter >= 6 && diff <= 2 && popcount(onlyA) <= 2 && popcount(onlyB) <= 2) return typoSimilarity(2, longer);
  const common = shorter - popcount((la <= lb ? onlyA : onlyB) >>> 0);
  if (common <= 0) return 0;
  const jaro = (common / la + common / lb + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= FUZZY_FLOOR ? 0.7 : 0;
}

/** The first letter's field of a part's third packed number. */
const FIRST_LETTER = 0xffff << 12;

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

const listedU = new Float64Array(8);
const listedLo = new Float64Array(8);
const listedHi = new Float64Array(8);
const boundU = new Float64Array(8);
const boundLo = new Float64Array(8);
const boundHi = new Float64Array(8);
const boundMiss = new Float64Array(8);

const gains = new Float64Array(8);
const byGain = new Uint8Array(8);

/**
 * The largest Σ numerator / (Σ denominator + rest) when at most `limit` of `n` parts meet (each
 * adds u × m and m, m anywhere in [lo, hi]) and the others do not (adding their weight below):
 * Dinkelbach's iteration, each step meeting the `limit` parts that gain most at the current
 * ratio; exact in a few steps because every part's best choice only flips at its own u.
 */
function bestRatio(n: number, rest: number, limit: number): number {
  let r = 0;
  for (let step = 0; step < 12; step++) {
    let den = rest;
    let gaining = 0;
    for (let k = 0; k < n; k++) {
      const u = boundU[k] ?? 0;
      const m = u > r ? (boundHi[k] ?? 0) : (boundLo[k] ?? 0);
      // Meeting part k instead of missing it changes Σ num − r Σ den by this much.
      const gain = (u - r) * m + r * (boundMiss[k] ?? 0);
      den += boundMiss[k] ?? 0;
      if (gain < 0) continue;
      gains[k] = gain;
      let at = gaining++;
      for (; at > 0 && (gains[byGain[at - 1] ?? 0] ?? 0) < gain; at--) byGain[at] = byGain[at - 1] ?? 0;
      byGain[at] = k;
    }
    let num = 0;
    for (let t = 0; t < gaining && t < limit; t++) {
      const k = byGain[t] ?? 0;
      const u = boundU[k] ?? 0;
      const m = u > r ? (boundHi[k] ?? 0) : (boundLo[k] ?? 0);
      num += u * m;
      den += m - (boundMiss[k] ?? 0);
    }
    const next = den > 0 ? num / den : 0;
    if (next <= r + 1e-12) return next > r ? next : r;
    r = next;
  }
  return r;
}

/** True when some part of `short` equals two or three adjacent parts of `long` joined, or (organisations) their initials. */
function joinsAny(short: readonly string[], long: readonly string[], isPerson: boolean): boolean {
  for (let i = 0; i + 1 < long.length; i++) {
    const a = long[i] ?? '';
    const b = long[i + 1] ?? '';
    const c = long[i + 2];
    for (const s of short) if (partsJoined(s, a, b, c, !isPerson) !== 0) return true;
  }
  return false;
}
