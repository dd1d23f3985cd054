import { ARABIC_NAME_WORDS } from './arabic-name-words.js';

/**
 * Arabic-script (Arabic, Persian, Urdu) → Latin. Written Arabic leaves out short vowels, so
 * no letter table can say "Qassem" for قاسم: known name words are looked up in
 * `ARABIC_NAME_WORDS`; other words are spelt letter by letter in three schemes that differ
 * where Arabic-, Persian- and minimal spellings differ (ث th/s, ذ dh/z, ق q/gh, و w/v, short
 * vowels a/e/none). Consonants decide the phonetic key, so the guessed vowels matter little.
 */

/** Per consonant: [Arabic-style, Persian-style, minimal]. */
const CONSONANTS: Readonly<Record<string, readonly [string, string, string]>> = {
  ب: ['b', 'b', 'b'], ت: ['t', 't', 't'], ث: ['th', 's', 's'], ج: ['j', 'j', 'j'], ح: ['h', 'h', 'h'],
  خ: ['kh', 'kh', 'h'], د: ['d', 'd', 'd'], ذ: ['dh', 'z', 'z'], ر: ['r', 'r', 'r'], ز: ['z', 'z', 'z'],
  س: ['s', 's', 's'], ش: ['sh', 'sh', 'sh'], ص: ['s', 's', 's'], ض: ['d', 'z', 'd'], ط: ['t', 't', 't'],
  ظ: ['z', 'z', 'dh'], ع: ['', '', ''], غ: ['gh', 'gh', 'g'], ف: ['f', 'f', 'f'], ق: ['q', 'gh', 'k'],
  ك: ['k', 'k', 'k'], ل: ['l', 'l', 'l'], م: ['m', 'm', 'm'], ن: ['n', 'n', 'n'], ه: ['h', 'h', 'h'],
  ء: ['', '', ''], پ: ['p', 'p', 'p'], چ: ['ch', 'ch', 'ch'], ژ: ['zh', 'zh', 'zh'], گ: ['g', 'g', 'g'],
  ٹ: ['t', 't', 't'], ڈ: ['d', 'd', 'd'], ڑ: ['r', 'r', 'r'], ں: ['n', 'n', 'n'], ھ: ['h', 'h', 'h'],
  ہ: ['h', 'h', 'h'], ڤ: ['v', 'v', 'v'], ۃ: ['h', 'h', 'h'], ے: ['e', 'e', 'e'],
};

/** The short vowel guessed between two written consonants, per scheme. */
const SHORT_VOWEL = ['a', 'e', ''] as const;
const SCHEMES = 3;

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && ch in CONSONANTS;
}

/** One word spelt letter by letter in scheme `s` (0 Arabic-style, 1 Persian-style, 2 minimal). */
function spell(letters: readonly string[], s: number): string {
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i] ?? '';
    const prev = letters[i - 1];
    const next = letters[i + 1];
    const last = i === letters.length - 1;
    if (ch === 'ا') out += 'a';
    else if (ch === 'و') {
      if (i === 0 || prev === 'ا' || prev === 'و' || (next !== undefined && !isConsonant(next))) out += s === 1 ? 'v' : 'w';
      else out += s === 1 ? 'o' : 'u';
    } else if (ch === 'ي') {
      out += i === 0 || prev === 'ا' || (next !== undefined && !isConsonant(next) && next !== 'ي') ? 'y' : 'i';
    } else if (ch === 'ى') out += 'a';
    else if (ch === 'ة' || (ch === 'ه' && last && i > 1)) out += s === 1 ? 'eh' : 'a';
    else {
      const c = CONSONANTS[ch];
      out += c ? c[s] : '';
      const initialGuttural = i === 0 && (ch === 'ع' || ch === 'ء');
      if (isConsonant(next)) out += initialGuttural && s === 2 ? 'a' : SHORT_VOWEL[s];
    }
  }
  return out;
}

function lookUp(word: string): readonly string[] | undefined {
  const direct = ARABIC_NAME_WORDS.get(word);
  if (direct) return direct;
  if (word.endsWith('ي')) return ARABIC_NAME_WORDS.get(word.slice(0, -1) + 'ى');
  if (word.endsWith('ه')) return ARABIC_NAME_WORDS.get(word.slice(0, -1) + 'ة');
  return undefined;
}

function romanizeBare(word: string): readonly string[] {
  const known = lookUp(word);
  if (known) return known;
  if (word.startsWith('عبدال') && word.length > 6) {
    const rest = romanizeBare(word.slice(5));
    return [`abdul${rest[0]}`, `abd al ${rest[0]}`, `abdel ${rest[0]}`, `abdul ${rest[1] ?? rest[0]}`];
  }
  const letters = Array.from(word);
  const out: string[] = [];
  for (let s = 0; s < SCHEMES; s++) out.push(spell(letters, s));
  return out;
}

/**
 * The Latin spellings of one normalised Arabic-script word, most common first (at least one).
 * The article ال becomes "al " (then "el ", then nothing); ابو/بن/عبد words come from the
 * table like any other name word.
 */
export function romanizeArabic(word: string): string[] {
  const known = lookUp(word);
  if (known) return [...known];
  if (word.startsWith('ال') && word.length > 3) {
    const rest = romanizeBare(word.slice(2));
    const first = rest[0] ?? '';
    return [...rest.map((r) => `al ${r}`), `el ${first}`, first];
  }
  return [...romanizeBare(word)];
}

/**
 * Joins a free-standing عبد to the article word after it (عبد الرحمن → عبدالرحمن), so the
 * compound is read as one name, as lists write it.
 */
export function joinArabicCompounds(name: string): string {
  return name.replace(/(^| )عبد ال/g, '$1عبدال');
}
