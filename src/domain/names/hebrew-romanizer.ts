/**
 * Hebrew → Latin. Like Arabic, Hebrew is written without most vowels; ו and י stand for
 * o/u and i/e between consonants and for v and y elsewhere, and ב כ פ are b/v, k/kh, p/f
 * depending on an unwritten dagesh (hard at the start of a word, soft after a vowel, as a
 * rule). Three schemes: 0 guessed "a" between written consonants, 1 no guessed vowels,
 * 2 guessed "e" and the alternative readings (ח h, צ tz, ש s).
 */

type Three = readonly [string, string, string];

const CONSONANTS: Readonly<Record<string, Three>> = {
  א: ['', '', ''], ג: ['g', 'g', 'g'], ד: ['d', 'd', 'd'], ה: ['h', 'h', 'h'], ז: ['z', 'z', 'z'],
  ח: ['kh', 'kh', 'h'], ט: ['t', 't', 't'], ל: ['l', 'l', 'l'], מ: ['m', 'm', 'm'], ם: ['m', 'm', 'm'],
  נ: ['n', 'n', 'n'], ן: ['n', 'n', 'n'], ס: ['s', 's', 's'], ע: ['', '', ''], צ: ['ts', 'ts', 'tz'],
  ץ: ['ts', 'ts', 'tz'], ק: ['k', 'k', 'k'], ר: ['r', 'r', 'r'], ש: ['sh', 'sh', 's'], ת: ['t', 't', 't'],
  ך: ['kh', 'kh', 'kh'], ף: ['f', 'f', 'f'],
};

/** Letters read hard at the start of a word and soft after it: [hard, soft]. */
const BEGADKEFAT: Readonly<Record<string, readonly [string, string]>> = {
  ב: ['b', 'v'], כ: ['k', 'kh'], פ: ['p', 'f'],
};

const GUESSED_VOWEL = ['a', '', 'e'] as const;

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && (ch in CONSONANTS || ch in BEGADKEFAT);
}

function spell(letters: readonly string[], s: number): string {
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i] ?? '';
    const prev = letters[i - 1];
    const next = letters[i + 1];
    if (ch === 'ו' || ch === 'י') {
      const vav = ch === 'ו';
      if (next === ch) {
        out += vav ? 'v' : 'y';
        i++;
      } else if (i === 0 || !isConsonant(prev) || (next !== undefined && !isConsonant(next))) out += vav ? 'v' : 'y';
      else out += vav ? (s === 2 ? 'u' : 'o') : s === 2 ? 'e' : 'i';
      continue;
    }
    const hardSoft = BEGADKEFAT[ch];
    out += hardSoft ? hardSoft[i === 0 || isConsonant(prev) ? 0 : 1] : (CONSONANTS[ch]?.[s] ?? '');
    if (isConsonant(next) && (hardSoft !== undefined || ch in CONSONANTS)) out += GUESSED_VOWEL[s];
  }
  return out;
}

/** The three romanisations of one Hebrew word (always three, in scheme order). */
export function romanizeHebrew(word: string): string[] {
  const letters = Array.from(word);
  return [spell(letters, 0), spell(letters, 1), spell(letters, 2)];
}
