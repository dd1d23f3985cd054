import anyAscii from 'any-ascii';
import { joinArabicCompounds, romanizeArabic } from './arabic-romanizer.js';
import { romanizeArmenian } from './armenian-romanizer.js';
import { detectCyrillicLanguage, romanizeCyrillic, type CyrillicLanguage } from './cyrillic-romanizer.js';
import { romanizeGeorgian } from './georgian-romanizer.js';
import { romanizeGreek } from './greek-romanizer.js';
import { isHan, romanizeHan } from './han-romanizer.js';
import { isHangulSyllable, romanizeHangul } from './hangul-romanizer.js';
import { romanizeHebrew } from './hebrew-romanizer.js';
import { isIndic, romanizeIndic } from './indic-romanizer.js';
import { isKana, romanizeKana } from './kana-romanizer.js';
import { isKhmer, romanizeKhmer } from './khmer-romanizer.js';
import { memoized } from './memo.js';

/** At most this many romanisations per name: enough for the spellings lists use, bounded for blocking. */
export const MAX_ROMANIZATIONS = 8;

type Script = 'latin' | 'cyrillic' | 'greek' | 'hebrew' | 'arabic' | 'armenian' | 'georgian' | 'indic' | 'khmer' | 'hangul' | 'kana' | 'han' | 'other';

function scriptOf(cp: number): Script {
  if (cp < 0x80) return 'latin';
  if (cp >= 0x0400 && cp <= 0x052f) return 'cyrillic';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'greek';
  if (cp >= 0x0590 && cp <= 0x05ff) return 'hebrew';
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff)) return 'arabic';
  if (cp >= 0x0530 && cp <= 0x058f) return 'armenian';
  if ((cp >= 0x10a0 && cp <= 0x10ff) || (cp >= 0x1c90 && cp <= 0x1cbf) || (cp >= 0x2d00 && cp <= 0x2d2f)) return 'georgian';
  if (isIndic(cp)) return 'indic';
  if (isKhmer(cp)) return 'khmer';
  if (isHangulSyllable(cp)) return 'hangul';
  if (isKana(cp)) return 'kana';
  if (isHan(cp)) return 'han';
  return 'other';
}

/** Everything that is not a Latin letter, digit or space, dropped; spaces collapsed. */
function clean(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function romanizeRun(run: string, script: Script, cyrillic: CyrillicLanguage): readonly string[] {
  switch (script) {
    case 'latin':
      return [run];
    case 'cyrillic':
      return romanizeCyrillic(run, cyrillic);
    case 'greek':
      return romanizeGreek(run);
    case 'hebrew':
      return romanizeHebrew(run);
    case 'arabic':
      return romanizeArabic(run);
    case 'armenian':
      return romanizeArmenian(run);
    case 'georgian':
      return romanizeGeorgian(run);
    case 'indic':
      return romanizeIndic(run);
    case 'khmer':
      return romanizeKhmer(run);
    case 'hangul':
      return romanizeHangul(run);
    case 'kana':
      return romanizeKana(run);
    case 'han':
      return romanizeHan(run);
    case 'other':
      return [anyAscii(run)];
  }
}

/**
 * Combines alternatives position by position: the k-th result takes each part's k-th
 * alternative (or its last, when it has fewer). Romanizers list their schemes in the same
 * order for every word, so this keeps one scheme across a whole name instead of mixing schemes
 * word by word, and it stays linear where a cartesian product would explode.
 */
function zip(parts: readonly (readonly string[])[], separator: string): string[] {
  const longest = Math.max(0, ...parts.map((p) => p.length));
  const out: string[] = [];
  for (let k = 0; k < longest; k++) out.push(parts.map((p) => p[Math.min(k, p.length - 1)] ?? '').join(separator));
  return out;
}

/**
 * Words romanised so far, per Cyrillic language (one of a few constant objects) and word:
 * names repeat, and romanising Han or Arabic is costly. Bounded (a few MB).
 */
const romanizedWords = new Map<CyrillicLanguage, (word: string) => readonly string[]>();
/** Words kept per language before its memo starts over. */
const ROMANIZED_WORDS_MAX = 50_000;

/** A word's alternatives: its script runs romanised and zipped (Путин2024 → putin2024). Memoised. */
function romanizeWord(word: string, cyrillic: CyrillicLanguage): readonly string[] {
  let romanize = romanizedWords.get(cyrillic);
  if (romanize === undefined) {
    romanize = memoized((w) => Object.freeze([...romanizeWordAnew(w, cyrillic)]), ROMANIZED_WORDS_MAX);
    romanizedWords.set(cyrillic, romanize);
  }
  return romanize(word);
}

function romanizeWordAnew(word: string, cyrillic: CyrillicLanguage): readonly string[] {
  const runs: (readonly string[])[] = [];
  let run = '';
  let script: Script | undefined;
  for (const ch of word) {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== script && run !== '') {
      runs.push(romanizeRun(run, script ?? 'other', cyrillic));
      run = '';
    }
    script = s;
    run += ch;
  }
  if (run !== '') runs.push(romanizeRun(run, script ?? 'other', cyrillic));
  return runs.length === 1 ? (runs[0] ?? []) : zip(runs, '');
}

const LATIN_ONLY = /^[a-z0-9 ]*$/;

/**
 * The common Latin romanisations of a name, most common first, de-duplicated, at most
 * `MAX_ROMANIZATIONS`, each in `normalizeName` form (a–z, digits, single spaces).
 *
 * Where standards differ the name gets one spelling per standard, so a Cyrillic, Arabic,
 * Chinese or Korean name meets every spelling a list may hold: Кадыров → kadyrov, kadirov;
 * قاسم سليماني → qasem soleimani, qassem suleimani, ...; 习近平 → xi jinping, xi jin ping;
 * 김정은 → kim jong un, kim jongun, gim jeongeun. Scripts: Cyrillic (Russian, Ukrainian,
 * Belarusian, Serbian/Macedonian, Bulgarian, Kazakh letters), Arabic/Persian/Urdu (name table
 * plus a letter fallback), Greek, Hebrew, Armenian, Georgian, Han (pinyin, Wade–Giles),
 * Hangul, Kana, the Brahmic scripts of India; any other script through `any-ascii`.
 *
 * Expects `normalizeName` output (it does not normalise again: it runs on every screening).
 * A name already in Latin is returned as it is, alone.
 */
export function romanizations(name: string): string[] {
  if (name === '') return [];
  if (LATIN_ONLY.test(name)) return [name];
  const text = joinArabicCompounds(name);
  const cyrillic = detectCyrillicLanguage(text);
  const words = text.split(' ').map((w) => romanizeWord(w, cyrillic));
  const out: string[] = [];
  for (const candidate of zip(words, ' ')) {
    const latin = clean(candidate);
    if (latin !== '' && !out.includes(latin)) out.push(latin);
    if (out.length === MAX_ROMANIZATIONS) break;
  }
  return out;
}
