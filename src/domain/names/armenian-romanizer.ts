/**
 * Armenian → Latin in two schemes: 0 Eastern Armenian (Petrosyan, Vardanyan), as Armenia's
 * passports write it, and 1 Western Armenian (Bedrosian, Vartanian), as the diaspora does;
 * they differ in the voiced and voiceless stops and in the -յան ending.
 */

type Two = readonly [string, string];

const LETTERS: Readonly<Record<string, Two>> = {
  ա: ['a', 'a'], բ: ['b', 'p'], գ: ['g', 'k'], դ: ['d', 't'], ե: ['e', 'e'], զ: ['z', 'z'], է: ['e', 'e'],
  ը: ['y', 'e'], թ: ['t', 't'], ժ: ['zh', 'zh'], ի: ['i', 'i'], լ: ['l', 'l'], խ: ['kh', 'kh'], ծ: ['ts', 'dz'],
  կ: ['k', 'g'], հ: ['h', 'h'], ձ: ['dz', 'ts'], ղ: ['gh', 'gh'], ճ: ['ch', 'j'], մ: ['m', 'm'], յ: ['y', 'y'],
  ն: ['n', 'n'], շ: ['sh', 'sh'], ո: ['o', 'o'], չ: ['ch', 'ch'], պ: ['p', 'b'], ջ: ['j', 'ch'], ռ: ['r', 'r'],
  ս: ['s', 's'], վ: ['v', 'v'], տ: ['t', 'd'], ր: ['r', 'r'], ց: ['ts', 'ts'], ւ: ['v', 'v'], փ: ['p', 'p'],
  ք: ['k', 'k'], օ: ['o', 'o'], ֆ: ['f', 'f'], և: ['ev', 'ev'],
};

/** The two romanisations of one lower-case Armenian word (always two, in scheme order). */
export function romanizeArmenian(word: string): string[] {
  const letters = Array.from(word);
  const out: string[] = [];
  for (let s = 0; s < 2; s++) {
    let latin = '';
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i] ?? '';
      const next = letters[i + 1];
      if (ch === 'ո' && next === 'ւ') {
        latin += 'u';
        i++;
      } else if (ch === 'յ' && next === 'ա' && letters[i + 2] === 'ն' && i + 3 === letters.length) {
        latin += s === 0 ? 'yan' : 'ian';
        break;
      } else if (i === 0 && (ch === 'ե' || ch === 'ո')) latin += ch === 'ե' ? 'ye' : 'vo';
      else if (i === 0 && ch === 'յ' && s === 1) latin += 'h';
      else latin += LETTERS[ch]?.[s] ?? ch;
    }
    out.push(latin);
  }
  return out;
}
