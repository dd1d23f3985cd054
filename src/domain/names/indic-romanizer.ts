/**
 * Brahmic scripts of India (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
 * Kannada, Malayalam) → Latin, with one table: Unicode lays these blocks out in parallel
 * (ISCII order), so the same offset in each block is the same letter.
 *
 * Each consonant carries the vowel "a" unless a vowel sign or a virama follows; Hindi and
 * most north Indian names drop the final one (राहुल → rahul, not rahula) unless it ends a
 * consonant cluster (नरेन्द्र → narendra). Two schemes: 0 with that final "a" dropped and long vowels written single (Narendra Modi), 1 with it kept
 * and long vowels doubled (aa, ee, oo), as older and South Indian spellings do.
 */

type Two = readonly [string, string];

/** Independent vowels and vowel signs, by offset in the block. */
const VOWELS: Readonly<Record<number, Two>> = {
  0x05: ['a', 'a'], 0x06: ['a', 'aa'], 0x07: ['i', 'i'], 0x08: ['i', 'ee'], 0x09: ['u', 'u'], 0x0a: ['u', 'oo'],
  0x0b: ['ri', 'ri'], 0x0e: ['e', 'e'], 0x0f: ['e', 'e'], 0x10: ['ai', 'ai'], 0x12: ['o', 'o'], 0x13: ['o', 'o'],
  0x14: ['au', 'au'],
  0x3e: ['a', 'aa'], 0x3f: ['i', 'i'], 0x40: ['i', 'ee'], 0x41: ['u', 'u'], 0x42: ['u', 'oo'], 0x43: ['ri', 'ri'],
  0x46: ['e', 'e'], 0x47: ['e', 'e'], 0x48: ['ai', 'ai'], 0x4a: ['o', 'o'], 0x4b: ['o', 'o'], 0x4c: ['au', 'au'],
};

/** Consonants by offset (nukta forms 0x58–0x5f are Devanagari's q, kh, gh, z, r, rh, f, y). */
const CONSONANTS: Readonly<Record<number, string>> = {
  0x15: 'k', 0x16: 'kh', 0x17: 'g', 0x18: 'gh', 0x19: 'n', 0x1a: 'ch', 0x1b: 'chh', 0x1c: 'j', 0x1d: 'jh',
  0x1e: 'n', 0x1f: 't', 0x20: 'th', 0x21: 'd', 0x22: 'dh', 0x23: 'n', 0x24: 't', 0x25: 'th', 0x26: 'd',
  0x27: 'dh', 0x28: 'n', 0x29: 'n', 0x2a: 'p', 0x2b: 'ph', 0x2c: 'b', 0x2d: 'bh', 0x2e: 'm', 0x2f: 'y',
  0x30: 'r', 0x31: 'r', 0x32: 'l', 0x33: 'l', 0x34: 'l', 0x35: 'v', 0x36: 'sh', 0x37: 'sh', 0x38: 's',
  0x39: 'h', 0x58: 'q', 0x59: 'kh', 0x5a: 'gh', 0x5b: 'z', 0x5c: 'r', 0x5d: 'rh', 0x5e: 'f', 0x5f: 'y',
};

const VIRAMA = 0x4d;
const ANUSVARA = 0x02;
const CANDRABINDU = 0x01;
const VISARGA = 0x03;
const NUKTA = 0x3c;

/** True for code points in the Brahmic blocks this romanizer reads (U+0900–U+0D7F). */
export function isIndic(cp: number): boolean {
  return cp >= 0x0900 && cp <= 0x0d7f;
}

function spell(word: string, s: number): string {
  let out = '';
  let pending = false;
  let joined = false;
  let lastJoined = false;
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isIndic(cp)) {
      if (pending) out += 'a';
      pending = false;
      out += ch;
      continue;
    }
    const offset = cp & 0x7f;
    const consonant = CONSONANTS[offset];
    const vowel = VOWELS[offset];
    if (consonant !== undefined) {
      if (pending) out += 'a';
      out += consonant;
      pending = true;
      lastJoined = joined;
      joined = false;
    } else if (vowel !== undefined) {
      if (pending && offset < 0x3e) out += 'a';
      out += vowel[s];
      pending = false;
    } else if (offset === VIRAMA) {
      pending = false;
      joined = true;
    }
    else if (offset === NUKTA) continue;
    else {
      if (pending) out += 'a';
      pending = false;
      if (offset === ANUSVARA || offset === CANDRABINDU) out += 'n';
      else if (offset === VISARGA) out += 'h';
    }
  }
  if (pending && (s === 1 || lastJoined)) out += 'a';
  return out;
}

/** The two romanisations of one Brahmic-script word (always two, in scheme order). */
export function romanizeIndic(word: string): string[] {
  return [spell(word, 0), spell(word, 1)];
}
