import type { AlignedPart } from './match-types.js';
import type { NameForm } from './name-form.js';
import { NICKNAMES } from './name-words.js';
import { editDistance, isOneEdit, jaroWinkler } from './string-similarity.js';
import { mayJoin, prepareName, type PreparedName } from './prepared-name.js';
import type { TokenStats } from './token-stats.js';

/** How two name parts met, and how alike they are (0..1). */
interface PartSimilarity {
  readonly similarity: number;
  readonly how: AlignedPart['how'];
}

const NONE: PartSimilarity = { similarity: 0, how: 'none' };
const EXACT: PartSimilarity = { similarity: 1, how: 'exact' };

/** The most a phonetic match of parts of three letters or fewer counts (Korean and Chinese syllables collide). */
export const SHORT_PHONETIC_CAP = 0.8;
/**
 * The most a phonetic match counts when the two parts end in different vowels (Mary / Mario,
 * Emily / Emilio, Lisa / Luis, Karimi / Karim): romanisations change the vowels inside a name
 * (Kadyrov / Kadirov, Hussein / Husain), while another ending makes another name, a
 * feminine form or a family name (-i) built on it.
 */
export const OTHER_ENDING_CAP = 0.8;
/**
 * The least a phonetic match counts when one name was written in Arabic or Hebrew letters:
 * their romanised vowels are guesses (فرناندو بيريز → biriz for Pérez), so the consonants that
 * agree count, whatever the vowels say.
 */
export const ABJAD_PHONETIC = 0.88;
/** Similarity of a one-letter part to a name part it is the initial of. */
export const INITIAL_SIMILARITY = 0.6;
/** Similarity of a part one edit away (insert, delete, substitute, transpose) from the listed one, at the least. */
export const ONE_TYPO_SIMILARITY = 0.88;
/** Jaro-Winkler from which two parts starting alike count as partly alike (0.3..0.7). */
export const FUZZY_FLOOR = 0.84;
/** Similarity of a long part two edits away, at the least. */
export const TWO_TYPO_SIMILARITY = 0.74;

/**
 * How alike two parts are that differ by `edits` (1 or 2) typos, the longer being `length`
 * letters: an edit weighs less in a longer word (Khordorovsky / Khodorkovsky is plainly the
 * same name, Sechev / Sechin less so). One edit 1 − 0.7 / length (0.88 to 0.94), two
 * 1 − 1.6 / length (0.74 to 0.88).
 */
export function typoSimilarity(edits: 1 | 2, length: number): number {
  return edits === 1 ? Math.min(0.94, Math.max(ONE_TYPO_SIMILARITY, 1 - 0.7 / length)) : Math.min(0.88, Math.max(TWO_TYPO_SIMILARITY, 1 - 1.6 / length));
}

/**
 * Similarity of a name part and its other-gender form (Luis / Luisa, Mario / Maria, Daniel /
 * Daniela, Ivanov / Ivanova): one letter apart, and often the same family, but another person.
 */
export const GENDER_FORM_SIMILARITY = 0.5;

const INITIAL: PartSimilarity = { similarity: INITIAL_SIMILARITY, how: 'initial' };
const GENDER_FORM: PartSimilarity = { similarity: GENDER_FORM_SIMILARITY, how: 'typo' };
const NICKNAME: PartSimilarity = { similarity: 0.9, how: 'phonetic' };

/**
 * How alike two romanised name parts are: equal (1); an initial of the other (0.6); a
 * nickname of it (Bill = William, 0.9); the same phonetic key, i.e. another romanisation
 * (Kadyrov = Kadirov, Qasem = Ghasem; 0.5 + 0.5 × Jaro-Winkler, at most 0.97); one edit away in
 * parts of four letters or more (0.88), two in parts of seven or more (0.74). Else 0.
 */
export function partSimilarity(a: string, keyA: string, b: string, keyB: string): PartSimilarity {
  return similarityOf(a, keyA, b, keyB, /\d/.test(a) || /\d/.test(b), NICKNAMES.get(a), false);
}

/** `partSimilarity` with the digit test and nickname group already looked up (the hot path). */
function similarityOf(a: string, keyA: string, b: string, keyB: string, isDigits: boolean, nicknames: ReadonlySet<string> | undefined, vowelless: boolean): PartSimilarity {
  if (a === b) return EXACT;
  const la = a.length;
  const lb = b.length;
  if (la === 1 || lb === 1) {
    return la !== lb && a.charCodeAt(0) === b.charCodeAt(0) ? INITIAL : NONE;
  }
  if (nicknames?.has(b) === true) return NICKNAME;
  if (isDigits) return NONE;
  if (isGenderForm(a, b)) return GENDER_FORM;
  const shorter = la < lb ? la : lb;
  const sameStart = a.charCodeAt(0) === b.charCodeAt(0);
  const phonetic = keyA === keyB && keyA.length >= 2;
  if (!phonetic && (shorter < 4 || (!sameStart && (la - lb > 1 || lb - la > 1)))) return NONE;
  let best = NONE;
  if (phonetic) {
    const jw = jaroWinkler(a, b);
    const cap = shorter <= 3 ? SHORT_PHONETIC_CAP : vowelTail(a) !== vowelTail(b) ? OTHER_ENDING_CAP : 0.97;
    if (vowelless && shorter > 3) best = { similarity: Math.min(cap, Math.max(ABJAD_PHONETIC, 0.5 + 0.5 * jw)), how: 'phonetic' };
    else if (jw >= 0.7) best = { similarity: Math.min(cap, 0.5 + 0.5 * jw), how: 'phonetic' };
  }
  const longer = la < lb ? lb : la;
  if (shorter >= 4 && best.similarity < typoSimilarity(1, longer)) {
    if (isOneEdit(a, b)) best = { similarity: typoSimilarity(1, longer), how: 'typo' };
    else if (shorter >= 6 && best.similarity < typoSimilarity(2, longer) && sameStart && editDistance(a, b, 2) === 2) best = { similarity: typoSimilarity(2, longer), how: 'typo' };
  }
  if (best.similarity === 0 && shorter >= 4 && sameStart) {
    const jw = jaroWinkler(a, b);
    if (jw >= FUZZY_FLOOR) best = { similarity: 0.3 + ((jw - FUZZY_FLOOR) / (1 - FUZZY_FLOOR)) * 0.4, how: 'typo' };
  }
  return best;
}

const VOWELS = 'aeiou';

/**
 * A part's closing vowels as romanisations agree on them: y as i, a final h after a vowel
 * dropped (Hamzah = Hamza), doubled letters once, ou and oo as u, ee and ie as i (Aly = Ali,
 * Sergey = Sergei, Zakee = Zaki, Dmitriy = Dmitri); empty when it ends in a consonant or in
 * a lone silent e (Anne = Ann, Merkle = Merkel).
 */
export function vowelTail(part: string): string {
  let end = part.length;
  if (end > 2 && part.charCodeAt(end - 1) === 104 && VOWELS.includes(part[end - 2] ?? '')) end--;
  let i = end;
  while (i > 0 && (VOWELS.includes(part[i - 1] ?? '') || part.charCodeAt(i - 1) === 121)) i--;
  if (i === end) return '';
  const tail = part.slice(i, end).replace(/y/g, 'i').replace(/ou|oo/g, 'u').replace(/ee|ie/g, 'i').replace(/(.)\1+/g, '$1');
  return tail === 'e' ? '' : tail;
}

/**
 * True when one part is the other's feminine form: the masculine form plus "a" (Luisa,
 * Daniela, Ivanova, Aleksandra), or with a final "o" made "a" (Maria / Mario, Carla / Carlo).
 */
export function isGenderForm(a: string, b: string): boolean {
  const aFeminine = a.endsWith('a');
  if (aFeminine === b.endsWith('a')) return false;
  const feminine = aFeminine ? a : b;
  const other = aFeminine ? b : a;
  if (feminine.length < 4) return false;
  const stem = feminine.slice(0, -1);
  return other === stem || (other.length === feminine.length && other.endsWith('o') && other.startsWith(stem));
}

/** The result of aligning a query name with a listed name. Immutable. */
export interface Alignment {
  readonly kind: 'Alignment';
  /** 0..1: the weighted share of both names that met, discounted by how alike the parts are. */
  readonly similarity: number;
  /** Pairs that met on more than an initial. */
  readonly strongPairs: number;
  /** Σ over met pairs of similarity × the lighter part's weight: how much identity the match rests on. */
  readonly evidence: number;
  readonly parts: readonly AlignedPart[];
}

/** Share of an unmatched query part's weight that counts against the match. */
export const QUERY_MISS = 1;
/**
 * Share of an unmatched listed part's weight that counts against a person's name once two
 * parts met and every query part met (middle names). When the query has a part of its own
 * too, the two names disagree on a part (another surname) and the listed part counts in full;
 * so does a listed surname ("SURNAME, Given") none of whose parts met, and any part when
 * either name was written in Han, Hangul or Kana (its syllables are all of the given name).
 */
const LISTED_MISS = 0.06;
/**
 * The same for each further listed part left out once the listed first given name ("SURNAME,
 * Given ...") is among them: dropping middle parts keeps the first given name, but a query
 * that meets two parts of a four-part name elsewhere ("Richard Martinez" against "MARTINEZ
 * ARANGO, Oscar Richard") has left out half of who the listed person is.
 */
const MORE_LISTED_MISS = 0.15;
/** The same for parts shaped like patronymics (Akhmatovich, Ivanovna, Aliyevich, oglu), which profiles leave out. */
export const PATRONYMIC_MISS = 0.005;

/** Patronymic endings of Russian, Ukrainian, Belarusian, Serbian and Turkic names, romanised. */
const PATRONYMIC = /(?:ovich|evich|ovych|evych|ovitch|evitch|ovic|evic|ovna|evna|ivna|ichna|oglu|ogly|uly|kyzy|qizi|gizi)$/;

/** True when a romanised part is shaped like a patronymic. */
export function isPatronymic(token: string): boolean {
  return token.length >= 7 && PATRONYMIC.test(token);
}

/** How two names are compared: a person's name tolerates missing middle parts, others do not. */
export interface AlignOptions {
  readonly isPerson: boolean;
  /**
   * Let a two-letter part meet the initials of two adjacent parts (us = united states): for
   * two organisations' names only, never a person's (Nisha Shanker is not "NS CAPTAIN").
   * Default: `!isPerson`.
   */
  readonly acronyms?: boolean;
  /** Build the per-part alignment for an explanation (skipped while searching, for speed). */
  readonly withParts?: boolean;
}

/**
 * Order-free alignment of two names' parts: every pair of parts is compared
 * (`partSimilarity`), then pairs are taken greedily by similarity × weight, each part used
 * once; a part equal to two or three adjacent parts of the other name joined (abdulrahman =
 * abdul rahman), or to their initials in an organisation's name (us = united states), meets
 * them all. Parts weigh by rarity (`TokenStats`). Unmatched query parts count against the
 * match fully; for people, unmatched listed parts (middle names, patronymics) only lightly once
 * two parts met and no query part is left over, fully otherwise, so a lone shared surname, or
 * two names that differ in one part each, stay low.
 */
export function alignNames(query: NameForm, listed: NameForm, stats: TokenStats, options: AlignOptions): Alignment {
  return alignPrepared(prepareName(query, stats), prepareName(listed, stats), options.isPerson, options.withParts === true, options.acronyms ?? !options.isPerson);
}

/** Parts this short from a Han, Hangul or Kana name are syllables. */
export const SYLLABLE = 5;
/**
 * The most two different syllables count: the romaniser already gave every common spelling
 * of the written name, so another syllable that merely sounds alike (min / man, jun / chun)
 * is another name.
 */
export const SYLLABLE_SIMILARITY = 0.6;
const SYLLABLE_MATCH: PartSimilarity = { similarity: SYLLABLE_SIMILARITY, how: 'phonetic' };
/**
 * Factor on the similarity of names that contradict each other in structure: a name on the
 * other side of "bin" (Salman bin Muhammad / Muhammad bin Salman: son and father swapped).
 * Series numbers (Partners VII / VIII) are not a contradiction: name_bench labels such funds
 * and vessels one family, and they already weigh little (`NUMERAL_WEIGHT`).
 */
const CLASH_FACTOR = 0.8;

/** Most parts a name form has (`MAX_NAME_PARTS`): pairs fit in fixed scratch arrays. */
const MAX_PAIRS = 64;
const pairQ = new Uint8Array(MAX_PAIRS);
const pairL = new Uint8Array(MAX_PAIRS);
const pairValue = new Float64Array(MAX_PAIRS);
const pairSim: PartSimilarity[] = new Array<PartSimilarity>(MAX_PAIRS).fill(NONE);

/** The running totals of one alignment (reused: alignment is synchronous and not reentrant). */
class Tally {
  qUsed = 0;
  lUsed = 0;
  matched = 0;
  mass = 0;
  evidence = 0;
  strongPairs = 0;
  parts: AlignedPart[] | undefined;
  q!: PreparedName;
  l!: PreparedName;
  qw!: Float64Array;
  lw!: Float64Array;

  reset(q: PreparedName, l: PreparedName, isPerson: boolean, withParts: boolean): void {
    this.q = q;
    this.l = l;
    this.qw = isPerson ? q.personWeights : q.otherWeights;
    this.lw = isPerson ? l.personWeights : l.otherWeights;
    this.qUsed = 0;
    this.lUsed = 0;
    this.matched = 0;
    this.mass = 0;
    this.evidence = 0;
    this.strongPairs = 0;
    this.parts = withParts ? [] : undefined;
  }

  /** Takes the parts in the bit masks `qm` and `lm` as met with similarity `sim`. */
  take(qm: number, lm: number, sim: PartSimilarity): void {
    let wq = 0;
    let wl = 0;
    let nq = 0;
    let nl = 0;
    for (let i = 0; i < this.qw.length; i++) {
      if ((qm & (1 << i)) === 0) continue;
      wq += this.qw[i] ?? 0;
      nq++;
    }
    for (let j = 0; j < this.lw.length; j++) {
      if ((lm & (1 << j)) === 0) continue;
      wl += this.lw[j] ?? 0;
      nl++;
    }
    this.qUsed |= qm;
    this.lUsed |= lm;
    const m = sim.how === 'initial' ? Math.min(wq, wl) : (wq + wl) / 2;
    this.matched += sim.similarity * m;
    this.mass += m;
    if (sim.how !== 'initial') {
      this.evidence += sim.similarity * Math.min(wq, wl);
      this.strongPairs += Math.max(nq, nl);
    }
    if (this.parts) {
      const pick = (tokens: readonly string[], mask: number): string => tokens.filter((_, i) => (mask & (1 << i)) !== 0).join(' ');
      this.parts.push({ query: pick(this.q.tokens, qm), listed: pick(this.l.tokens, lm), similarity: sim.similarity, weight: Math.round(m * 100) / 100, how: sim.how });
    }
  }
}

const tally = new Tally();
const NO_PARTS: readonly AlignedPart[] = Object.freeze([]);

/** `alignNames` over prepared names: the screening hot path. */
export function alignPrepared(q: PreparedName, l: PreparedName, isPerson: boolean, withParts = false, acronyms = !isPerson): Alignment {
  const t = tally;
  t.reset(q, l, isPerson, withParts);
  const qt = q.tokens;
  const lt = l.tokens;
  if (mayJoin(q, l, acronyms)) joinAdjacent(qt, lt, acronyms, t);
  let n = 0;
  const syllabic = q.form.syllabic || l.form.syllabic;
  const vowelless = q.form.abjad === true || l.form.abjad === true;
  // Both written in Arabic or Hebrew letters, a word for a part: a typo is one as written too.
  const writtenQ = l.form.writtenParts !== undefined ? q.form.writtenParts : undefined;
  const writtenL = writtenQ !== undefined ? l.form.writtenParts : undefined;
  for (let i = 0; i < qt.length; i++) {
    if ((t.qUsed & (1 << i)) !== 0) continue;
    const a = qt[i] ?? '';
    const keyA = q.keys[i] ?? '';
    const nick = q.nicknames[i];
    const da = q.digit[i] === 1;
    for (let j = 0; j < lt.length; j++) {
      if ((t.lUsed & (1 << j)) !== 0) continue;
      let sim = similarityOf(a, keyA, lt[j] ?? '', l.keys[j] ?? '', da || l.digit[j] === 1, nick, vowelless);
      if (sim.similarity === 0 || n >= MAX_PAIRS) continue;
      if (sim.how === 'typo' && writtenQ !== undefined && writtenL !== undefined && !writtenTypo(writtenQ[i] ?? '', writtenL[j] ?? '')) continue;
      if (syllabic && sim.how !== 'exact' && sim.how !== 'initial' && Math.min(a.length, (lt[j] ?? '').length) <= SYLLABLE) {
        sim = sim.similarity > SYLLABLE_SIMILARITY ? SYLLABLE_MATCH : sim;
      }
      const value = sim.similarity * ((t.qw[i] ?? 0) + (t.lw[j] ?? 0));
      let at = n++;
      while (at > 0 && (pairValue[at - 1] ?? 0) < value) {
        pairQ[at] = pairQ[at - 1] ?? 0;
        pairL[at] = pairL[at - 1] ?? 0;
        pairValue[at] = pairValue[at - 1] ?? 0;
        pairSim[at] = pairSim[at - 1] ?? NONE;
        at--;
      }
      pairQ[at] = i;
      pairL[at] = j;
      pairValue[at] = value;
      pairSim[at] = sim;
    }
  }
  let clash = false;
  for (let k = 0; k < n; k++) {
    const qi = pairQ[k] ?? 0;
    const lj = pairL[k] ?? 0;
    if ((t.qUsed & (1 << qi)) !== 0 || (t.lUsed & (1 << lj)) !== 0) continue;
    t.take(1 << qi, 1 << lj, pairSim[k] ?? NONE);
    if (q.afterBin !== 0 && l.afterBin !== 0 && ((q.afterBin >> qi) & 1) !== ((l.afterBin >> lj) & 1)) clash = true;
  }
  let missQ = 0;
  let leftover = false;
  for (let i = 0; i < qt.length; i++) {
    if ((t.qUsed & (1 << i)) !== 0) continue;
    missQ += t.qw[i] ?? 0;
    if ((qt[i] ?? '').length > 1) leftover = true;
    t.parts?.push({ query: qt[i] ?? '', listed: null, similarity: 0, weight: Math.round((t.qw[i] ?? 0) * 100) / 100, how: 'none' });
  }
  const strong = t.strongPairs;
  const enough = isPerson && !syllabic && !leftover && strong >= Math.min(2, lt.length, qt.length) && strong >= Math.min(2, lt.length);
  let missL = 0;
  const surnameLost = l.surname !== 0 && (l.surname & t.lUsed) === 0;
  const givenLost = l.surname !== 0 && (t.lUsed & (1 << l.form.surnameParts)) === 0;
  let missing = 0;
  for (let j = 0; j < lt.length; j++) {
    if ((t.lUsed & (1 << j)) !== 0) continue;
    const full = !enough || (surnameLost && ((l.surname >> j) & 1) === 1);
    const patronymic = !full && isPatronymic(lt[j] ?? '');
    missL += (t.lw[j] ?? 0) * (full ? 1 : patronymic ? PATRONYMIC_MISS : givenLost && missing++ > 0 ? MORE_LISTED_MISS : LISTED_MISS);
  }
  const denominator = t.mass + QUERY_MISS * missQ + missL;
  const written = q.form.written !== undefined && l.form.written !== undefined ? writtenSimilarity(q.form.written, l.form.written) : 1;
  return {
    kind: 'Alignment' as const,
    similarity: Math.min(written, (denominator > 0 ? t.matched / denominator : 0) * (clash ? CLASH_FACTOR : 1)),
    strongPairs: strong,
    evidence: t.evidence,
    parts: t.parts ?? NO_PARTS,
  };
}

/**
 * True when two written words are at most one letter apart (insert, delete, substitute or swap),
 * or, words of seven letters or more, two: what a typo is as written, whatever the romanisation
 * made of it.
 */
function writtenTypo(a: string, b: string): boolean {
  if (a === b || isOneEdit(a, b)) return true;
  return Math.min(a.length, b.length) >= 7 && editDistance(a, b, 2) <= 2;
}

/**
 * How alike two names written in Han, Hangul or Kana are, character by character (Dice over
 * the characters): a name of three syllables one of which is another character is another
 * name, however alike the romanisations sound (김종은 / 김정은: 0.67).
 */
export function writtenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  let lb = 0;
  for (const ch of b) {
    lb++;
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  const la = [...a].length;
  return la + lb === 0 ? 1 : (2 * common) / (la + lb);
}

/**
 * How many of the adjacent parts `a`, `b` (and `c`) part `s` stands for: 2 or 3 when it is them
 * joined (vanderbilt = van der bilt), or, when `acronyms`, their initials (us = united states,
 * pla = peoples liberation army; parts of one letter have none); 0 when neither.
 */
export function partsJoined(s: string, a: string, b: string, c: string | undefined, acronyms: boolean): 0 | 2 | 3 {
  if (s.length === a.length + b.length && s.startsWith(a) && s.endsWith(b)) return 2;
  if (c !== undefined && s.length === a.length + b.length + c.length && s === a + b + c) return 3;
  if (!acronyms || a.length < 2 || b.length < 2 || s[0] !== a[0] || s[1] !== b[0]) return 0;
  if (s.length === 2) return 2;
  return s.length === 3 && c !== undefined && c.length > 1 && s[2] === c[0] ? 3 : 0;
}

/**
 * Finds parts equal to two or three adjacent parts of the other name joined (vanderbilt = van
 * der bilt, abdulrahman = abdul rahman), in either direction, and in organisations' names
 * parts equal to the initials of two or three adjacent parts (us = united states, pla =
 * peoples liberation army) when `acronyms`.
 */
function joinAdjacent(qt: readonly string[], lt: readonly string[], acronyms: boolean, t: Tally): void {
  let usedQ = 0;
  let usedL = 0;
  const scan = (short: readonly string[], long: readonly string[], flip: boolean): void => {
    for (let i = 0; i + 1 < long.length; i++) {
      const a = long[i] ?? '';
      const b = long[i + 1] ?? '';
      const c = long[i + 2];
      for (let at = 0; at < short.length; at++) {
        const usedShort = flip ? usedL : usedQ;
        const usedLong = flip ? usedQ : usedL;
        if ((usedShort & (1 << at)) !== 0 || (usedLong & (3 << i)) !== 0) continue;
        const n = partsJoined(short[at] ?? '', a, b, c, acronyms);
        if (n === 0 || (n === 3 && (usedLong & (4 << i)) !== 0)) continue;
        const longMask = (n === 2 ? 3 : 7) << i;
        if (flip) {
          usedL |= 1 << at;
          usedQ |= longMask;
          t.take(longMask, 1 << at, EXACT);
        } else {
          usedQ |= 1 << at;
          usedL |= longMask;
          t.take(1 << at, longMask, EXACT);
        }
        break;
      }
    }
  };
  scan(qt, lt, false);
  scan(lt, qt, true);
}
