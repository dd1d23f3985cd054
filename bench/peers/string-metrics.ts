/**
 * The classic string metrics the FAQ-249 reference uses: Levenshtein edit distance,
 * Jaro-Winkler similarity and American Soundex. Written plainly (no bit-parallel tricks), with
 * reused buffers so the reference is not slowed by allocation.
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance (insert, delete, substitute, each cost 1) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Edit-distance similarity: 1 - distance / longer length (1 for two empty strings). */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity, 0..1. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la || flagsB.length < lb) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ch) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity, 0..1: Jaro raised for a common prefix of up to four characters
 * (scaling factor 0.1), applied when Jaro is above 0.7 as Winkler proposed.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

const SOUNDEX_CODES: Readonly<Record<string, string>> = (() => {
  const map: Record<string, string> = {};
  const groups: [string, string][] = [
    ['BFPV', '1'],
    ['CGJKQSXZ', '2'],
    ['DT', '3'],
    ['L', '4'],
    ['MN', '5'],
    ['R', '6'],
  ];
  for (const [letters, code] of groups) for (const l of letters) map[l] = code;
  return map;
})();

/**
 * American Soundex of an upper-case A-Z word: its first letter and three digits (zero-padded);
 * H and W do not separate letters of the same code, vowels do. Empty for an empty word.
 */
export function soundex(word: string): string {
  if (word.length === 0) return '';
  const first = word[0]!;
  let out = first;
  let last = SOUNDEX_CODES[first] ?? '';
  for (let i = 1; i < word.length && out.length < 4; i++) {
    const ch = word[i]!;
    const code = SOUNDEX_CODES[ch];
    if (code === undefined) {
      if (ch !== 'H' && ch !== 'W') last = '';
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}
