import { pinyin } from 'pinyin-pro';

/**
 * Han characters → Latin: Hanyu Pinyin without tones (through `pinyin-pro`, with its
 * family-name readings, so 单 as a family name reads shan), and Wade–Giles without
 * apostrophes for the spellings Taiwan and older sources use (Tsai Ing-wen, Chiang Kai-shek).
 *
 * Chinese writes a name without spaces and family name first; a word of two to four
 * characters is read as family name (one character, or two for a compound family name such as
 * 欧阳) + given name, whose syllables lists join (Xi Jinping). Longer words are foreign names
 * written phonetically (弗拉基米尔 → fulajimier) and stay one run. Japanese names written in
 * kanji come out in Mandarin readings here, which is of little use; see `romanizations`.
 * Four schemes: 0 pinyin, given name joined; 1 pinyin, syllables spaced; 2 Wade–Giles,
 * given-name syllables joined; 3 Wade–Giles spaced.
 */

const COMPOUND_FAMILY_NAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '令狐', '端木', '轩辕', '歐陽', '諸葛', '東方', '長孫', '司馬', '尉遲', '軒轅',
]);

const WG_INITIALS: readonly (readonly [string, string])[] = [
  ['zh', 'ch'], ['ch', 'ch'], ['sh', 'sh'], ['b', 'p'], ['p', 'p'], ['d', 't'], ['t', 't'], ['g', 'k'],
  ['k', 'k'], ['j', 'ch'], ['q', 'ch'], ['x', 'hs'], ['r', 'j'], ['z', 'ts'], ['c', 'ts'],
];

/** One toneless pinyin syllable in Wade–Giles without apostrophes or umlauts. */
function wadeGiles(syllable: string): string {
  const special: Readonly<Record<string, string>> = {
    zi: 'tzu', ci: 'tzu', si: 'ssu', zhi: 'chih', chi: 'chih', shi: 'shih', ri: 'jih', you: 'yu',
    yan: 'yen', yong: 'yung', ye: 'yeh', e: 'o', er: 'erh',
  };
  const whole = special[syllable];
  if (whole !== undefined) return whole;
  let initial = '';
  let final = syllable;
  for (const [py, wg] of WG_INITIALS) {
    if (syllable.startsWith(py)) {
      initial = wg;
      final = syllable.slice(py.length);
      break;
    }
  }
  if (initial !== '') {
    if (final === 'e') final = 'o';
    else if (final === 'uo' && !/^(k|h|sh)$/.test(initial)) final = 'o';
  }
  final = final
    .replace(/ong$/, 'ung')
    .replace(/ian$/, 'ien')
    .replace(/ie$/, 'ieh')
    .replace(/^ui$/, 'uei');
  return initial + final;
}

/** True for CJK unified ideographs (the main block and extensions A–F). */
export function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ebef);
}

/** The four romanisations of one word of Han characters (always four, in scheme order). */
export function romanizeHan(word: string): string[] {
  const chars = Array.from(word);
  const syllables = pinyin(word, { toneType: 'none', type: 'array', surname: 'head' }).map((s) =>
    s.replace(/ü/g, 'u').toLowerCase(),
  );
  const wg = syllables.map(wadeGiles);
  if (chars.length < 2 || chars.length > 4) {
    return [syllables.join(''), syllables.join(' '), wg.join(''), wg.join(' ')];
  }
  const family = COMPOUND_FAMILY_NAMES.has(chars.slice(0, 2).join('')) && chars.length > 2 ? 2 : 1;
  const split = (parts: readonly string[], joinGiven: string): string =>
    `${parts.slice(0, family).join('')} ${parts.slice(family).join(joinGiven)}`;
  return [split(syllables, ''), split(syllables, ' '), split(wg, ''), split(wg, ' ')];
}
