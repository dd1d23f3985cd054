import { toRomaji } from 'wanakana';

/**
 * Hiragana and katakana → Latin in Hepburn (through `wanakana`), in two schemes: 0 long vowels
 * written as the kana have them (shinzou, puuchin), 1 long vowels shortened, as passports and
 * the press write them (shinzo, puchin).
 */

/** True for hiragana and katakana, including the prolonged-sound mark ー. */
export function isKana(cp: number): boolean {
  return cp >= 0x3040 && cp <= 0x30ff;
}

/** The two romanisations of one kana word (always two, in scheme order). */
export function romanizeKana(word: string): string[] {
  const hepburn = toRomaji(word).toLowerCase();
  const short = hepburn.replace(/ou/g, 'o').replace(/([aeiou])\1/g, '$1');
  return [hepburn, short];
}
