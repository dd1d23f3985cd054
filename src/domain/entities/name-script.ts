/**
 * Non-Latin scripts by ISO 15924 code. Kana and Hangul come before Han, so Japanese and
 * Korean names that also hold Han characters are not taken for Chinese.
 */
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Sinh', /\p{Script=Sinhala}/u],
  ['Tibt', /\p{Script=Tibetan}/u],
  ['Mong', /\p{Script=Mongolian}/u],
  ['Thaa', /\p{Script=Thaana}/u],
];

const LATIN_ONLY = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;

/**
 * The ISO 15924 code of the non-Latin script a name is written in (`Cyrl`, `Arab`, `Hani`,
 * `Jpan` when kana occur...), or undefined for Latin text, text without letters and scripts
 * not in the table. Mixed text reports the first non-Latin script of the table found.
 */
export function scriptOf(text: string): string | undefined {
  if (LATIN_ONLY.test(text)) return undefined;
  return SCRIPTS.find(([, re]) => re.test(text))?.[0];
}
