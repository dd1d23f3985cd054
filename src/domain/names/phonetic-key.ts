/**
 * Spelling groups that romanisation standards write differently for the same sound, folded
 * to one letter before classing. Upper-case letters stand for a class decided here: C the
 * affricates ч/ц (ch, tch, tsch, cz, cs, ts, tz), S the sibilant ш (sh, sch, sz, shch),
 * J the ж/дж sounds (zh, dzh, dj). Longest first, so "tsch" wins over "ts".
 */
const GROUPS: Readonly<Record<string, string>> = {
  tsch: 'C', shch: 'S', dzh: 'J', sch: 'S', tch: 'C', gyi: 'di', tyi: 'ti', nyi: 'ni',
  sh: 'S', ch: 'C', zh: 'J', kh: 'h', gh: 'g', ph: 'f', th: 't', dh: 'd', ck: 'k', cz: 'C',
  cs: 'C', sz: 'S', ts: 'C', tz: 'C', dj: 'J', wh: 'w', x: 'ks',
};
const GROUP = /tsch|shch|dzh|sch|tch|gyi|tyi|nyi|sh|ch|zh|kh|gh|ph|th|dh|ck|cz|cs|sz|ts|tz|dj|wh|x|c/g;

/**
 * Consonant classes: letters that name variants swap for one another share a class. All
 * labials are one class because the scripts names travel through lack some of them: Arabic has
 * no p (بوتين → butin), Korean, Bengali and Greek no v or no b (블라디미르 → beulladimireu,
 * ভ্লাদিমির → bhladimir, β = v), and Spanish spelling mixes b and v.
 */
const CLASS: Readonly<Record<string, string>> = {
  b: 'P', p: 'P', f: 'P', v: 'P', w: 'P', d: 'T', t: 'T', g: 'K', k: 'K', q: 'K', s: 'S', z: 'S',
  S: 'S', C: 'C', J: 'J', j: 'J', l: 'L', r: 'R', m: 'M', n: 'N', h: 'H',
};

const VOWEL = /[aeiouy]/;
const NOT_LETTER = /[^a-z]+/g;

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWEL.test(ch);
}

/** A spelling group's folded form; a lone c is s before e/i/y, the affricate at the end, else k. */
function fold(group: string, offset: number, text: string): string {
  if (group !== 'c') return GROUPS[group] ?? group;
  const next = text[offset + 1];
  if (next === undefined) return 'C';
  return next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
}

/**
 * A blocking key for one romanised name part: a consonant skeleton in which the letters
 * romanisation standards swap for one another fall together, so that the spellings of one
 * name get one key and the candidate index finds them all:
 * kadyrov = kadirov = qadyrov = kadyrow (KTRP); soleimani = suleimani = sulaymani (SLMN);
 * qasem = qassem = kasim = ghasem (KSM); mohammad = muhammad = mohammed (MHMT);
 * jon = john (JN); vladimir = wladimir = volodymyr = vlagyimir = bladimir (PLTMR); putin =
 * poutine = butin (PTN).
 *
 * How: (1) spelling groups fold (kh → h, gh → g, ph → f, th → t, ch/tch/tsch/cz/ts → one
 * affricate, sh/sch/sz/shch → one sibilant, zh/dj/dzh → one, x → ks, c → s before e/i/y, else
 * k, and c at the end is the Slavic -ić/-ич); (2) letters fall into classes much as Soundex's,
 * but finer: b/p/f/v/w, d/t, g/k/q, s/z; (3) vowels (with y, and j after a vowel before a
 * consonant or the end: Sergej) are dropped, except that a leading vowel leaves an "A"
 * (Yevgeny = Evgeny = APKN); (4) h counts only between vowels or before one at the start
 * (Muhammad keeps it, John and Ahmad do not); (5) a class repeated without a vowel between
 * is written once (Qassem).
 *
 * We wrote our own instead of Double Metaphone: Metaphone reads English spelling (its
 * "Wladimir" is LTMR, Vladimir FLTMR) and knows none of the romanisation groups. The
 * key is deliberately fuzzy; precision comes from scoring. Non a–z characters are ignored:
 * pass romanised tokens (`romanizations`, `nameTokens`).
 */
export function phoneticKey(token: string): string {
  const t = token.toLowerCase().replace(NOT_LETTER, '').replace(GROUP, fold);
  let key = '';
  let last = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] ?? '';
    const prev = t[i - 1];
    const next = t[i + 1];
    const vowelLike = isVowel(ch) || (ch === 'j' && isVowel(prev) && !isVowel(next));
    if (vowelLike) {
      if (i === 0) key += 'A';
      last = '';
      continue;
    }
    if (ch === 'h' && !(isVowel(next) && (prev === undefined || isVowel(prev)))) continue;
    const cls = CLASS[ch];
    if (cls === undefined || cls === last) continue;
    key += cls;
    last = cls;
  }
  return key;
}
