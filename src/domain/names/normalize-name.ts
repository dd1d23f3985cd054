import { CONFUSABLE_TO_CYRILLIC, CONFUSABLE_TO_LATIN } from './confusable-letters.js';
import { LETTER_FOLDS } from './letter-folds.js';

/** What `normalizeName` does with one code point, decided once per BMP code point. */
const enum Kind {
  Unknown = 0,
  Keep = 1,
  Join = 2,
  Space = 3,
  Fold = 4,
}

/**
 * Characters dropped without a space, so the two sides join: apostrophes of all kinds
 * (O'Brien → obrien, Ma'ruf → maruf), Arabic tatweel, zero-width joiners, soft hyphens and
 * variation selectors (emoji presentation).
 */
const JOIN = new Set([
  0x27, 0x2019, 0x2018, 0x2bc, 0x2bb, 0x60, 0xb4, 0x2b9, 0x2032, 0x2be, 0x2bf, 0x640, 0x200b, 0x200c, 0x200d,
  0x2060, 0xad,
]);

function joins(cp: number): boolean {
  return JOIN.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/**
 * Marks dropped from the letter they sit on: Latin/Greek/Cyrillic combining diacritics
 * (stress marks such as Влади́мир), Arabic harakat and Hebrew points. The marks that carry
 * meaning in other scripts (Devanagari vowel signs, viramas, Thai vowels) are kept.
 */
const DROPPED_MARK = /^[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]$/u;

/** Letters, the marks that remain part of a letter, and digits survive; anything else is a gap. */
const KEEP = /^[\p{L}\p{M}\p{Nd}]$/u;

const bmpKinds = new Uint8Array(0x10000);

function classify(cp: number): Kind {
  if (LETTER_FOLDS.has(cp)) return Kind.Fold;
  const ch = String.fromCodePoint(cp);
  if (joins(cp) || DROPPED_MARK.test(ch)) return Kind.Join;
  return KEEP.test(ch) ? Kind.Keep : Kind.Space;
}

function kindOf(cp: number): Kind {
  if (cp >= 0x10000) return classify(cp);
  let kind = bmpKinds[cp] as Kind;
  if (kind === Kind.Unknown) {
    kind = classify(cp);
    bmpKinds[cp] = kind;
  }
  return kind;
}

/** Symbols NFKC would spell out as letters (™ → TM, № → No): they are not part of a name. */
const ABBREVIATION_SYMBOLS = /[\u2116\u2120-\u2122\u33c7\u33d8\u33da]/g;

const HAS_LATIN = /[A-Za-z\u00c0-\u024f\u1d00-\u1d2b]/;
const HAS_CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u052f]/;
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

/**
 * Folds the look-alike letters of a word that mixes Latin with Cyrillic or Greek onto the
 * script most of its letters are in (ties go to Latin; a mostly Greek word is left as it is,
 * since Greek has few look-alikes to fold onto). A word wholly in one script is left alone, so
 * "Кадыров" stays Cyrillic for the transliterator while "Kаdyrоv" becomes Latin.
 */
function foldMixedWord(word: string): string {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  for (const ch of word) {
    if (LATIN.test(ch)) latin++;
    else if (CYRILLIC.test(ch)) cyrillic++;
    else if (GREEK.test(ch)) greek++;
  }
  const scripts = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0);
  if (scripts < 2 || (greek > latin && greek > cyrillic)) return word;
  const toCyrillic = cyrillic > latin && cyrillic >= greek;
  let out = '';
  for (const ch of word) {
    if (toCyrillic) out += CONFUSABLE_TO_CYRILLIC.get(ch) ?? (GREEK.test(ch) ? CONFUSABLE_TO_LATIN.get(ch) ?? ch : ch);
    else out += LATIN.test(ch) ? ch : CONFUSABLE_TO_LATIN.get(ch) ?? ch;
  }
  return out;
}

/**
 * A display or list name reduced to the form every comparison in Warden starts from:
 * lower-case words separated by single spaces, in their own script.
 *
 * - Unicode NFKC, so decorative mathematical letters (𝐑𝐚𝐦𝐳𝐚𝐧, 𝓚𝓪𝓭𝔂𝓻𝓸𝓿), fullwidth
 *   (Ｋａｄｙｒｏｖ), circled and squared letters become plain letters; negative circled and
 *   squared letters and small capitals, which NFKC leaves alone, are mapped too.
 * - Words mixing Latin with Cyrillic or Greek look-alikes (UTS #39 confusables) are folded onto
 *   their majority script; a word wholly in Cyrillic, Greek or any other script is kept, for
 *   `romanizations` to transliterate.
 * - Case folding, then Latin and Greek diacritics removed (é → e, ø → o, ß → ss, ł → l, ı → i);
 *   Cyrillic keeps й/ё/ї/ў but loses stress marks; Arabic harakat and Hebrew points are removed
 *   and Arabic/Persian letter variants unified (أ → ا, ی → ي, ک → ك).
 * - Apostrophes join (O'Brien → obrien); other punctuation, symbols and emoji become spaces;
 *   whitespace collapses. Digits are kept (vessel and company names carry them).
 *
 * Pure and allocation-light: it runs for every account screened.
 *
 * @example normalizeName('𝐑𝐚𝐦𝐳𝐚𝐧 𝓚𝓪𝓭𝔂𝓻𝓸𝓿 🇷🇺') === 'ramzan kadyrov'
 */
export function normalizeName(text: string): string {
  let s = (ABBREVIATION_SYMBOLS.test(text) ? text.replace(ABBREVIATION_SYMBOLS, ' ') : text).normalize('NFKC');
  if (HAS_LATIN.test(s) && HAS_CYRILLIC_OR_GREEK.test(s)) s = s.replace(WORD, foldMixedWord);
  s = s.toLowerCase();
  let out = '';
  let gap = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const kind = kindOf(cp);
    if (kind === Kind.Join) continue;
    if (kind === Kind.Space) {
      gap = out.length > 0;
      continue;
    }
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += kind === Kind.Fold ? (LETTER_FOLDS.get(cp) ?? ch) : ch;
  }
  return out;
}
