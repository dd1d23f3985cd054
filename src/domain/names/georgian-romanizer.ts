/**
 * Georgian → Latin in two schemes: 0 the national system without apostrophes (Saakashvili,
 * Ivanishvili), 1 with the aspirated consonants spelt out (ph, th, kh), as older and
 * foreign sources often write them.
 */

type Two = readonly [string, string];

const LETTERS: Readonly<Record<string, Two>> = {
  ა: ['a', 'a'], ბ: ['b', 'b'], გ: ['g', 'g'], დ: ['d', 'd'], ე: ['e', 'e'], ვ: ['v', 'v'], ზ: ['z', 'z'],
  თ: ['t', 'th'], ი: ['i', 'i'], კ: ['k', 'k'], ლ: ['l', 'l'], მ: ['m', 'm'], ნ: ['n', 'n'], ო: ['o', 'o'],
  პ: ['p', 'p'], ჟ: ['zh', 'zh'], რ: ['r', 'r'], ს: ['s', 's'], ტ: ['t', 't'], უ: ['u', 'u'], ფ: ['p', 'ph'],
  ქ: ['k', 'kh'], ღ: ['gh', 'gh'], ყ: ['q', 'k'], შ: ['sh', 'sh'], ჩ: ['ch', 'ch'], ც: ['ts', 'ts'],
  ძ: ['dz', 'dz'], წ: ['ts', 'ts'], ჭ: ['ch', 'ch'], ხ: ['kh', 'kh'], ჯ: ['j', 'j'], ჰ: ['h', 'h'],
};

/** The two romanisations of one Georgian word (always two, in scheme order). */
export function romanizeGeorgian(word: string): string[] {
  const letters = Array.from(word);
  return [0, 1].map((s) => letters.map((ch) => LETTERS[ch]?.[s] ?? ch).join(''));
}
