/**
 * Khmer → Latin, after the UNGEGN system as Cambodian names are commonly written in Latin
 * letters (Pol Pot, Hun Sen, Kim, Hun Manet), without its diacritics.
 *
 * Khmer writes syllables: an initial consonant, perhaps with subscript consonants (a coeng
 * ្ before each), a vowel sign, and perhaps a final consonant. Each consonant belongs to one of
 * two series, and a vowel sign reads differently after each (ុ is o after ប, u after ព); the
 * signs ៉ and ៊ move a consonant to the other series (ប៉ is p). A syllable without a vowel
 * sign has the series' inherent vowel (a or o: ពត is pot). A bare consonant after a vowel is
 * the syllable's final when the word ends or another consonant follows; one followed by a
 * vowel sign begins the next syllable. These are the rules that decide the consonants and the
 * vowels' quality, which is what the phonetic keys and the alignment read; finer points of
 * vowel length are left out.
 */

/** A consonant: its series (1 or 2), how it is read as an initial, and as a final. */
type Consonant = readonly [series: 1 | 2, initial: string, final: string];

const CONSONANTS: Readonly<Record<string, Consonant>> = {
  ក: [1, 'k', 'k'], ខ: [1, 'kh', 'kh'], គ: [2, 'k', 'k'], ឃ: [2, 'kh', 'kh'], ង: [2, 'ng', 'ng'],
  ច: [1, 'ch', 'ch'], ឆ: [1, 'chh', 'chh'], ជ: [2, 'ch', 'ch'], ឈ: [2, 'chh', 'chh'], ញ: [2, 'nh', 'nh'],
  ដ: [1, 'd', 't'], ឋ: [1, 'th', 't'], ឌ: [2, 'd', 't'], ឍ: [2, 'th', 't'], ណ: [1, 'n', 'n'],
  ត: [1, 't', 't'], ថ: [1, 'th', 't'], ទ: [2, 't', 't'], ធ: [2, 'th', 't'], ន: [2, 'n', 'n'],
  ប: [1, 'b', 'b'], ផ: [1, 'ph', 'p'], ព: [2, 'p', 'p'], ភ: [2, 'ph', 'p'], ម: [2, 'm', 'm'],
  យ: [2, 'y', 'y'], រ: [2, 'r', 'r'], ល: [2, 'l', 'l'], វ: [2, 'v', 'v'], ឝ: [1, 's', 's'],
  ឞ: [1, 's', 's'], ស: [1, 's', 's'], ហ: [1, 'h', 'h'], ឡ: [1, 'l', 'l'], អ: [1, '', ''],
};

/** Vowel signs, as read after a first-series and after a second-series consonant. */
const VOWEL_SIGNS: Readonly<Record<string, readonly [string, string]>> = {
  'ា': ['a', 'ea'], 'ិ': ['e', 'i'], 'ី': ['ei', 'i'], 'ឹ': ['oe', 'ue'], 'ឺ': ['eu', 'eu'],
  'ុ': ['o', 'u'], 'ូ': ['ou', 'u'], 'ួ': ['uo', 'uo'], 'ើ': ['aeu', 'eu'], 'ឿ': ['oea', 'oea'],
  'ៀ': ['ie', 'ie'], 'េ': ['e', 'e'], 'ែ': ['ae', 'ae'], 'ៃ': ['ai', 'ey'], 'ោ': ['ao', 'o'],
  'ៅ': ['au', 'ov'],
};

/** Independent vowels: a syllable's vowel with no consonant before it. */
const INDEPENDENT: Readonly<Record<string, string>> = {
  ឣ: 'a', ឤ: 'a', ឥ: 'e', ឦ: 'ei', ឧ: 'o', ឨ: 'ou', ឩ: 'ou', ឪ: 'au', ឫ: 'rue', ឬ: 'rueu',
  ឭ: 'lue', ឮ: 'lueu', ឯ: 'ae', ឰ: 'ai', ឱ: 'ao', ឲ: 'ao', ឳ: 'au',
};

const COENG = '្';
const MUUSIKATOAN = '៉'; // to the first series (on ប: p)
const TRIISAP = '៊'; // to the second series
const NIKAHIT = 'ំ';
const REAHMUK = 'ះ';
const TOANDAKHIAT = '៍'; // the letter under it is silent

const DIGITS = '០១២៣៤៥៦៧៨៩';

/** Whether a Khmer letter or sign (U+1780–U+17FF, and the Khmer symbols block). */
export function isKhmer(cp: number): boolean {
  return (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff);
}

/** The romanisation of one Khmer word (one scheme, so a list of one). */
export function romanizeKhmer(word: string): string[] {
  const chars = Array.from(word);
  let out = '';
  let i = 0;
  /** A sign that belongs to the consonant before it (a vowel, a series sign): that consonant is an initial. */
  const takesSign = (ch: string | undefined): boolean =>
    ch !== undefined && (ch in VOWEL_SIGNS || ch === MUUSIKATOAN || ch === TRIISAP || ch === NIKAHIT || ch === REAHMUK);
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    const digit = DIGITS.indexOf(ch);
    if (digit >= 0) {
      out += String(digit);
      i++;
      continue;
    }
    if (ch in INDEPENDENT) {
      out += INDEPENDENT[ch];
      i++;
      i = final(i);
      continue;
    }
    const consonant = CONSONANTS[ch];
    if (!consonant) {
      i++; // other signs on their own (bantoc, robat, punctuation) are not read
      continue;
    }
    // The initial, its series signs, its subscripts.
    let [series, initial] = consonant;
    i++;
    for (;;) {
      const next = chars[i];
      if (next === MUUSIKATOAN) {
        if (ch === 'ប') initial = 'p';
        series = 1;
      } else if (next === TRIISAP) series = 2;
      else if (next === COENG && CONSONANTS[chars[i + 1] ?? ''] !== undefined) {
        initial += (CONSONANTS[chars[i + 1] ?? ''] as Consonant)[1];
        i++;
      } else break;
      i++;
    }
    if (chars[i] === TOANDAKHIAT) {
      i++;
      continue;
    }
    out += initial;
    // The vowel: a sign, or the inherent one.
    const sign = VOWEL_SIGNS[chars[i] ?? ''];
    if (sign) {
      out += sign[series - 1];
      i++;
      if (chars[i] === NIKAHIT) {
        out += 'm';
        i++;
      }
    } else if (chars[i] === NIKAHIT) {
      out += series === 1 ? 'am' : 'um';
      i++;
    } else out += series === 1 ? 'a' : 'o';
    if (chars[i] === REAHMUK) {
      out += 'h';
      i++;
    }
    i = final(i);
  }
  return [out];

  /** Reads a final consonant at `at`, if there is one there; the position after it. */
  function final(at: number): number {
    const f = CONSONANTS[chars[at] ?? ''];
    if (!f) return at;
    const after = chars[at + 1];
    if (after === TOANDAKHIAT) return at + 2; // a silent final
    if (takesSign(after)) return at; // the next syllable's initial
    // Two bare consonants ending the word are a syllable of their own (សុផល: so-phal), not a
    // final and a lone consonant.
    if (after !== undefined && CONSONANTS[after] !== undefined && at + 2 === chars.length) return at;
    out += f[2];
    // Mid-word, a consonant with a subscript after it closes this syllable and the subscript
    // opens the next (អង្គរ: ang-kor).
    return after === COENG ? at + 2 : at + 1;
  }
}
