import type { NameForm } from './name-form.js';
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
  /** Per part, the set of letters a–z it contains, as bits (for cheap similarity bounds). */
  readonly letters: Int32Array;
  /** Bit n set when some part is n letters long (n ≥ 31 share bit 31). */
  readonly lengthMask: number;
  /** Bit n set when two or three adjacent parts joined are n letters long. */
  readonly joinMask: number;
  /** True when some part is two letters long (a possible acronym of two parts). */
  readonly hasPair: boolean;
  /** Bit i set when part i follows "bin" (ibn, bn): the father's name in an Arabic nasab chain. */
  readonly afterBin: number;
  /** Bit i set for the listed surname's parts (`NameForm.surnameParts`). */
  readonly surname: number;
  /** The total person weight of the parts: the name's identity mass. */
  readonly mass: number;
}

const bit = (n: number): number => 1 << Math.min(n, 31);

/** Prepares a name form for alignment against the given part rarity. */
export function prepareName(form: NameForm, stats: TokenStats): PreparedName {
  const tokens = form.tokens;
  const n = tokens.length;
  const digit = new Uint8Array(n);
  const numeral = new Uint8Array(n);
  const personWeights = new Float64Array(n);
  const otherWeights = new Float64Array(n);
  const nicknames: (ReadonlySet<string> | undefined)[] = [];
  const letters = new Int32Array(n);
  let lengthMask = 0;
  let joinMask = 0;
  let hasPair = false;
  let mass = 0;
  let afterBin = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && tokens[i - 1] === 'bin' && tokens[i] !== 'bin') afterBin |= 1 << i;
    const t = tokens[i] ?? '';
    digit[i] = DIGIT.test(t) ? 1 : 0;
    numeral[i] = NUMERAL.test(t) ? 1 : 0;
    const w = t.length === 1 ? INITIAL_WEIGHT : stats.weight(form.keys[i] ?? t);
    personWeights[i] = w;
    otherWeights[i] = t.length > 1 && numeral[i] === 1 ? NUMERAL_WEIGHT : w;
    mass += w;
    nicknames.push(NICKNAMES.get(t));
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k) - 97;
      if (c >= 0 && c < 26) letters[i] = (letters[i] ?? 0) | (1 << c);
    }
    lengthMask |= bit(t.length);
    if (t.length === 2) hasPair = true;
    const next = tokens[i + 1];
    if (next !== undefined) {
      joinMask |= bit(t.length + next.length);
      const third = tokens[i + 2];
      if (third !== undefined) joinMask |= bit(t.length + next.length + third.length);
    }
  }
  return { form, tokens, keys: form.keys, digit, numeral, personWeights, otherWeights, nicknames, letters, lengthMask, joinMask, hasPair, afterBin, surname: (1 << form.surnameParts) - 1, mass };
}

/** True when a part of one name may equal adjacent parts of the other joined, or their initials. */
export function mayJoin(a: PreparedName, b: PreparedName, acronyms: boolean): boolean {
  return (a.lengthMask & b.joinMask) !== 0 || (b.lengthMask & a.joinMask) !== 0 || (acronyms && (a.hasPair || b.hasPair));
}
