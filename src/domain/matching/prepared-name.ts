import { hashOf, hashOn } from './blocking-keys.js';
import { tokenKey, type NameForm } from './name-form.js';
import { memoized } from '../names/memo.js';
import { NICKNAMES } from './name-words.js';
import { INITIAL_WEIGHT, type TokenStats } from './token-stats.js';

/** Weight of a series number (2, IV) in an organisation's or vessel's name: funds and ships differ by it, barely. */
export const NUMERAL_WEIGHT = 0.5;

const NUMERAL = /^(?:\d+|[ivx]{1,5})$/;
const DIGIT = /\d/;

/**
 * A name form with everything alignment needs computed once: part weights (for a person and
 * for an organisation), digit flags, nickname groups and the lengths of adjacent parts joined.
 * Listed names are prepared when the index is built and query names once per screening, so
 * the alignment of one pair does no lookups, regex tests or allocations beyond its result.
 * Immutable after `prepareName`.
 */
export interface PreparedName {
  readonly form: NameForm;
  readonly tokens: readonly string[];
  readonly keys: readonly string[];
  /** 1 where the part holds a digit (digits never meet phonetically or by typo). */
  readonly digit: Uint8Array;
  /** 1 where the part is a series number (2, iv). */
  readonly numeral: Uint8Array;
  /** Weights by rarity when the name is compared as a person's name. */
  readonly personWeights: Float64Array;
  /** Weights when compared as an organisation's name (series numbers weigh `NUMERAL_WEIGHT`). */
  readonly otherWeights: Float64Array;
  readonly nicknames: readonly (ReadonlySet<string> | undefined)[];
  /** Bit n set when some part is n letters long (n ≥ 31 share bit 31). */
  readonly lengthMask: number;
  /** Bit n set when two or three adjacent parts joined are n letters long. */
  readonly joinMask: number;
  /** True when some part is two or three letters long (a possible acronym of two or three parts). */
  readonly hasAcronymLength: boolean;
  /** Bit i set when part i follows "bin" (ibn, bn): the father's name in an Arabic nasab chain. */
  readonly afterBin: number;
  /** Bit i set for the listed surname's parts (`NameForm.surnameParts`). */
  readonly surname: number;
  /** The total person weight of the parts: the name's identity mass. */
  readonly mass: number;
  /**
   * String hashes (FNV-1a) of each two and three adjacent parts joined, then (from
   * `acronymsAt`) of each two and three adjacent parts' initials where all are longer than one
   * letter.
   * `mayJoin` compares them with the parts' hashes: a part can equal a join only when their
   * hashes are equal.
   */
  readonly joinHashes: Int32Array;
  readonly acronymsAt: number;
  /**
   * Per part, `PART_STRIDE` numbers in one array, so that bounding a pair of names reads one
   * block of memory per name and no strings until two parts may meet: the part's hash, its
   * phonetic key's hash, its length | first letter | digit and key flags (`PART_*`), and the
   * letters a–z it contains, as bits.
   */
  readonly packed: Int32Array;
  /** The number of parts (`tokens.length`). */
  readonly parts: number;
  /** True when the name was written in syllables (`NameForm.syllabic`). */
  readonly syllabic: boolean;
  /** The length of the longest part. */
  readonly longest: number;
  /** The parts' positions, heaviest first (person weights): the bound meets a missing rare part soonest. */
  readonly heavyFirst: Uint8Array;
}

const bit = (n: number): number => 1 << Math.min(n, 31);

/** Numbers per part in `PreparedName.packed`. */
export const PART_STRIDE = 4;
/** The length field of a part's third number (longer parts count this long). */
export const PART_LENGTH = 0xfff;
/** Flag of the third number: the part holds a digit. */
export const PART_DIGIT = 1 << 28;
/** Flag of the third number: the part's phonetic key has two letters or more. */
export const PART_KEYED = 1 << 29;

/** What `prepareName` computes of one part alone. */
interface Part {
  readonly key: string | undefined;
  readonly digit: number;
  readonly numeral: number;
  readonly weight: number;
  readonly otherWeight: number;
  readonly nicknames: ReadonlySet<string> | undefined;
  /** The part's `PART_STRIDE` numbers of `PreparedName.packed`. */
  readonly packed: Int32Array;
}

function partOf(t: string, key: string | undefined, stats: TokenStats): Part {
  const digit = DIGIT.test(t) ? 1 : 0;
  const numeral = NUMERAL.test(t) ? 1 : 0;
  const weight = t.length === 1 ? INITIAL_WEIGHT : stats.weight(key ?? t);
  let letters = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k) - 97;
    if (c >= 0 && c < 26) letters |= 1 << c;
  }
  const k = key ?? '';
  const packed = Int32Array.of(hashOf(t), hashOf(k), Math.min(t.length, PART_LENGTH) | (t.charCodeAt(0) << 12) | (digit === 1 ? PART_DIGIT : 0) | (k.length >= 2 ? PART_KEYED : 0), letters);
  return { key, digit, numeral, weight, otherWeight: t.length > 1 && numeral === 1 ? NUMERAL_WEIGHT : weight, nicknames: NICKNAMES.get(t), packed };
}

/** Parts by rarity table, memoised (query names repeat the same parts), with the key `tokenKey` gives them. */
const partMemos = new WeakMap<TokenStats, (token: string) => Part>();

function partsMemo(stats: TokenStats): (token: string) => Part {
  let memo = partMemos.get(stats);
  if (memo === undefined) {
    memo = memoized((t) => partOf(t, tokenKey(t), stats), 100_000);
    partMemos.set(stats, memo);
  }
  return memo;
}

/** Prepares a name form for alignment against the given part rarity. */
export function prepareName(form: NameForm, stats: TokenStats): PreparedName {
  const tokens = form.tokens;
  const n = tokens.length;
  const digit = new Uint8Array(n);
  const numeral = new Uint8Array(n);
  const personWeights = new Float64Array(n);
  const otherWeights = new Float64Array(n);
  const nicknames: (ReadonlySet<string> | undefined)[] = [];
  const packed = new Int32Array(n * PART_STRIDE);
  let longest = 0;
  let lengthMask = 0;
  let joinMask = 0;
  let hasAcronymLength = false;
  let mass = 0;
  let afterBin = 0;
  const memo = partsMemo(stats);
  for (let i = 0; i < n; i++) {
    if (i > 0 && tokens[i - 1] === 'bin' && tokens[i] !== 'bin') afterBin |= 1 << i;
    const t = tokens[i] ?? '';
    const key = form.keys[i];
    let part = memo(t);
    if (part.key !== key) part = partOf(t, key, stats);
    digit[i] = part.digit;
    numeral[i] = part.numeral;
    personWeights[i] = part.weight;
    otherWeights[i] = part.otherWeight;
    mass += part.weight;
    nicknames.push(part.nicknames);
    packed.set(part.packed, i * PART_STRIDE);
    if (t.length > longest) longest = t.length;
    lengthMask |= bit(t.length);
    if (t.length === 2 || t.length === 3) hasAcronymLength = true;
    const next = tokens[i + 1];
    if (next !== undefined) {
      joinMask |= bit(t.length + next.length);
      const third = tokens[i + 2];
      if (third !== undefined) joinMask |= bit(t.length + next.length + third.length);
    }
  }
  const hashes = new Int32Array(Math.max(0, 4 * n - 6));
  let h = 0;
  // The joins' hashes continue each part's own (the first number of its block), so no joined text is built.
  for (let i = 0; i + 1 < n; i++) {
    const two = hashOn(packed[i * PART_STRIDE] ?? 0, tokens[i + 1] ?? '');
    hashes[h++] = two;
    if (i + 2 < n) hashes[h++] = hashOn(two, tokens[i + 2] ?? '');
  }
  const acronymsAt = h;
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i] ?? '';
    const b = tokens[i + 1] ?? '';
    if (a.length > 1 && b.length > 1) hashes[h++] = hashOf(`${a[0]}${b[0]}`);
    const c = tokens[i + 2];
    if (c !== undefined && a.length > 1 && b.length > 1 && c.length > 1) hashes[h++] = hashOf(`${a[0]}${b[0]}${c[0]}`);
  }
  return {
    form, tokens, keys: form.keys, digit, numeral, personWeights, otherWeights, nicknames, lengthMask, joinMask, hasAcronymLength, afterBin,
    surname: (1 << form.surnameParts) - 1, mass, joinHashes: h === hashes.length ? hashes : hashes.slice(0, h), acronymsAt, longest, packed, parts: n, syllabic: form.syllabic,
    heavyFirst: Uint8Array.from(tokens.keys()).sort((a, b) => (personWeights[b] ?? 0) - (personWeights[a] ?? 0) || a - b),
  };
}

/** True when some part of `a` may equal some part of `b` (their hashes are equal). */
export function sharesPart(a: PreparedName, b: PreparedName): boolean {
  const ap = a.packed;
  const bp = b.packed;
  for (let i = 0; i < ap.length; i += PART_STRIDE) {
    for (let j = 0; j < bp.length; j += PART_STRIDE) if (ap[i] === bp[j]) return true;
  }
  return false;
}

/** True when one of `a`'s part hashes is among `b`'s join hashes from `from` to `to`. */
function sharesJoin(a: PreparedName, b: PreparedName, from: number, to: number): boolean {
  const ap = a.packed;
  const bh = b.joinHashes;
  for (let i = 0; i < ap.length; i += PART_STRIDE) {
    const x = ap[i];
    for (let j = from; j < to; j++) if (bh[j] === x) return true;
  }
  return false;
}

/** True when a part of one name may equal adjacent parts of the other joined, or their initials. */
export function mayJoin(a: PreparedName, b: PreparedName, acronyms: boolean): boolean {
  if (((a.lengthMask & b.joinMask) !== 0 && sharesJoin(a, b, 0, b.acronymsAt)) || ((b.lengthMask & a.joinMask) !== 0 && sharesJoin(b, a, 0, a.acronymsAt))) return true;
  return acronyms && ((a.hasAcronymLength && sharesJoin(a, b, b.acronymsAt, b.joinHashes.length)) || (b.hasAcronymLength && sharesJoin(b, a, a.acronymsAt, a.joinHashes.length)));
}
