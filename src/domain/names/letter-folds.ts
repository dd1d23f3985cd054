/**
 * Per-letter folds applied by `normalizeName` after case folding: Latin (and Greek) letters
 * lose their diacritics, decorative letters that NFKC leaves alone become plain Latin, and
 * Arabic-script letter variants collapse onto one form.
 *
 * Built once when the module loads, from Unicode's own decompositions where they exist
 * (é = e + U+0301), plus the letters that have no decomposition (ø, ł, ß, đ, ı...).
 */

/** Letters with no canonical decomposition, and what a name-matcher should read them as. */
const EXPLICIT: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't',
  þ: 'th', ð: 'd', ŋ: 'n', ĸ: 'k', ſ: 's', ƒ: 'f', ɨ: 'i', ə: 'e', ɛ: 'e', ʉ: 'u', ȥ: 'z',
  ɗ: 'd', ɓ: 'b', ƙ: 'k', ƴ: 'y', ɲ: 'n', ɔ: 'o', ʋ: 'v', ɣ: 'g', ȸ: 'db', ĳ: 'ij',
  ǆ: 'dz', ǉ: 'lj', ǌ: 'nj', ǳ: 'dz', ŀ: 'l', ɑ: 'a', ɡ: 'g', ʒ: 'z',
  // Small capitals: "ʀᴀᴍᴢᴀɴ" is a common decorative style, and Unicode does not decompose it.
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k',
  ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ꞯ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v',
  ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
  // Arabic script: hamza carriers and wasla read as their base letter; Persian/Urdu yeh and
  // keheh as the Arabic ones, so the same name typed on either keyboard is one string.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ی': 'ي', 'ې': 'ي', 'ک': 'ك',
  'ۀ': 'ه', 'ە': 'ه',
  // Greek final sigma is the same letter as sigma.
  ς: 'σ',
};

/** Ranges whose letters lose their combining marks (Latin, Greek). Cyrillic keeps й, ё, ї, ў. */
const STRIP_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
  [0x0370, 0x03ff],
  [0x1f00, 0x1fff],
];

/** Cyrillic letters whose mark is only a stress or a Bulgarian grave: ѐ → е, ѝ → и. */
const CYRILLIC_ACCENTED: Readonly<Record<string, string>> = { ѐ: 'е', ѝ: 'и', Ѐ: 'е', Ѝ: 'и' };

function buildFolds(): Map<number, string> {
  const folds = new Map<number, string>();
  for (const [from, to] of STRIP_RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f\u0345]/g, '').toLowerCase();
      if (base !== ch && base.length > 0 && /^\p{L}+$/u.test(base)) folds.set(cp, base);
    }
  }
  for (const [ch, to] of Object.entries({ ...EXPLICIT, ...CYRILLIC_ACCENTED })) {
    folds.set(ch.codePointAt(0) ?? 0, to);
  }
  // Negative circled 🅐–🅩 and negative squared 🅰–🆉 letters (NFKC leaves both as symbols).
  for (let i = 0; i < 26; i++) {
    const letter = String.fromCharCode(0x61 + i);
    folds.set(0x1f150 + i, letter);
    folds.set(0x1f170 + i, letter);
  }
  // Arabic-Indic and Persian digits as ASCII digits.
  for (let i = 0; i < 10; i++) {
    folds.set(0x0660 + i, String(i));
    folds.set(0x06f0 + i, String(i));
  }
  return folds;
}

/**
 * Code point → replacement text, for letters (already lower-cased) that a name comparison
 * should read as another letter or letters. Frozen in spirit: never mutated after load.
 */
export const LETTER_FOLDS: ReadonlyMap<number, string> = buildFolds();
