/**
 * Cyrillic → Latin in the six schemes that sanctions lists, passports and the press actually
 * use, so a name written in Cyrillic meets every spelling a list may hold for it.
 *
 * Scheme order (most common first): 0 BGN/PCGN-style English (Kadyrov, Yevgeniy), 1 plain
 * English as the press writes it (Kadirov, Ahmatovich, Dmitry), 2 ICAO 9303 passports
 * (Evgenii, Iuliia), 3 scholarly/Slavic without diacritics (Jevgenij, Cajkovskij), 4 German
 * (Wladimir, Chruschtschow), 5 French (Poutine, Tchaikovski).
 */

/** One spelling per scheme, in the order above; a single string serves every scheme. */
type Spellings = string | readonly [string, string, string, string, string, string];

/** Number of schemes; every Cyrillic word yields exactly this many spellings, in order. */
export const CYRILLIC_SCHEMES = 6;

const LETTERS: Readonly<Record<string, Spellings>> = {
  а: 'a', б: 'b', в: ['v', 'v', 'v', 'v', 'w', 'v'], г: 'g', д: 'd', з: 'z', и: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: ['u', 'u', 'u', 'u', 'u', 'ou'],
  ф: 'f', э: 'e', ь: '',
  ж: ['zh', 'zh', 'zh', 'z', 'sch', 'j'],
  й: ['y', 'i', 'i', 'j', 'j', 'i'],
  х: ['kh', 'h', 'kh', 'h', 'ch', 'kh'],
  ц: ['ts', 'ts', 'ts', 'c', 'z', 'ts'],
  ч: ['ch', 'ch', 'ch', 'c', 'tsch', 'tch'],
  ш: ['sh', 'sh', 'sh', 's', 'sch', 'ch'],
  щ: ['shch', 'sch', 'shch', 'sc', 'schtsch', 'chtch'],
  ъ: ['', '', 'ie', '', '', ''],
  ы: ['y', 'i', 'y', 'y', 'y', 'y'],
  ю: ['yu', 'yu', 'iu', 'ju', 'ju', 'iou'],
  я: ['ya', 'ya', 'ia', 'ja', 'ja', 'ia'],
  ё: ['yo', 'yo', 'e', 'jo', 'jo', 'io'],
  // Ukrainian and Belarusian.
  і: 'i', ї: ['yi', 'i', 'i', 'ji', 'ji', 'i'], є: ['ye', 'ye', 'ie', 'je', 'je', 'ie'], ґ: 'g',
  ў: ['w', 'u', 'u', 'w', 'w', 'ou'],
  // Serbian and Macedonian.
  ђ: ['dj', 'dj', 'dj', 'dj', 'dj', 'dj'], ј: ['y', 'j', 'j', 'j', 'j', 'y'], љ: 'lj', њ: 'nj',
  ћ: ['ch', 'c', 'c', 'c', 'tsch', 'tch'], џ: ['dzh', 'dz', 'dz', 'dz', 'dsch', 'dj'],
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Kazakh, Kyrgyz, Tatar, Bashkir, Uzbek.
  ә: ['a', 'a', 'ae', 'a', 'ae', 'a'], ғ: ['gh', 'g', 'g', 'g', 'gh', 'gh'],
  қ: ['q', 'k', 'k', 'q', 'k', 'k'], ң: ['ng', 'n', 'n', 'ng', 'ng', 'ng'],
  ө: ['o', 'o', 'oe', 'o', 'oe', 'o'], ұ: 'u', ү: ['u', 'u', 'ue', 'u', 'ue', 'u'], һ: 'h',
  ҳ: 'h', ӣ: 'i', ӯ: 'u', ҷ: 'j',
};

/** е where it is pronounced "ye": at the start of a word and after a vowel or a hard/soft sign. */
const E_IOTATED: Spellings = ['ye', 'e', 'e', 'je', 'je', 'e'];
const E_PLAIN: Spellings = 'e';
/** Word-final -ий / -ый (Dmitriy, Dmitry, Dmitrii, Dmitrij; Novyy, Novy). */
const ENDING_IY: Spellings = ['iy', 'y', 'ii', 'ij', 'ij', 'i'];
const ENDING_YY: Spellings = ['yy', 'y', 'yi', 'yj', 'yj', 'y'];

const VOWELS = new Set(Array.from('аеёиоуыэюяіїєәөұүъь'));

/** How one Cyrillic language reads the letters whose reading depends on the language. */
export interface CyrillicLanguage {
  readonly overrides: Readonly<Record<string, Spellings>>;
  readonly iotatesE: boolean;
  /** Word-final -ий, where the language spells it its own way. */
  readonly endingIy?: Spellings;
}

const RUSSIAN: CyrillicLanguage = { overrides: {}, iotatesE: true };
/** Ukrainian (і ї є ґ): г is h, и is y; a Russian-reading column (г g, и i) stays in scheme 1. */
const UKRAINIAN: CyrillicLanguage = {
  overrides: { г: ['h', 'g', 'h', 'h', 'h', 'g'], и: ['y', 'i', 'y', 'y', 'y', 'i'], е: 'e' },
  iotatesE: false,
  endingIy: ['yi', 'y', 'yi', 'yj', 'yj', 'i'],
};
/** Belarusian (ў with і): г is h. */
const BELARUSIAN: CyrillicLanguage = { overrides: { г: ['h', 'g', 'h', 'h', 'h', 'g'] }, iotatesE: true };
/** Serbian/Macedonian (ђ ј љ њ ћ џ ѓ ќ ѕ): Gaj's Latin without its diacritics in scheme 1 and 3. */
const SERBIAN: CyrillicLanguage = {
  overrides: {
    ц: ['ts', 'c', 'ts', 'c', 'z', 'ts'], ч: ['ch', 'c', 'ch', 'c', 'tsch', 'tch'],
    ш: ['sh', 's', 'sh', 's', 'sch', 'ch'], ж: ['zh', 'z', 'zh', 'z', 'sch', 'j'],
    х: ['kh', 'h', 'h', 'h', 'ch', 'kh'], е: 'e',
  },
  iotatesE: false,
};
/** Bulgarian (ъ as a vowel before a consonant): ъ is a, щ is sht. */
const BULGARIAN: CyrillicLanguage = {
  overrides: { ъ: ['a', 'a', 'a', 'a', 'a', 'a'], щ: ['sht', 'sht', 'sht', 'st', 'scht', 'cht'], е: 'e' },
  iotatesE: false,
};

/**
 * Which Cyrillic language a whole name is most likely written in, from the letters only some
 * languages use (and Ukrainian's -ськ-/-цьк-, where Russian writes -ск-). Russian is the default: it is what the lists hold most.
 */
export function detectCyrillicLanguage(name: string): CyrillicLanguage {
  if (/[ђјљњћџѓќѕ]/.test(name)) return SERBIAN;
  if (/ў/.test(name)) return BELARUSIAN;
  if ((/[іїєґ]/.test(name) || /[сц]ьк/.test(name)) && !/[ыэъё]/.test(name)) return UKRAINIAN;
  if (/ъ[бвгджзклмнпрстфхцчшщ]/.test(name)) return BULGARIAN;
  return RUSSIAN;
}

function pick(spellings: Spellings, scheme: number): string {
  return typeof spellings === 'string' ? spellings : spellings[scheme] ?? '';
}

/**
 * The romanisations of one lower-case Cyrillic word, one per scheme (always
 * `CYRILLIC_SCHEMES` entries, duplicates included, so words of one name can be zipped
 * scheme by scheme). Letters outside the table pass through unchanged.
 */
export function romanizeCyrillic(word: string, language: CyrillicLanguage = RUSSIAN): string[] {
  const letters = Array.from(word);
  const out: string[] = [];
  for (let scheme = 0; scheme < CYRILLIC_SCHEMES; scheme++) {
    let latin = '';
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i] ?? '';
      const next = letters[i + 1];
      if (i === letters.length - 2 && next === 'й' && (ch === 'и' || ch === 'ы')) {
        latin += pick(ch === 'и' ? (language.endingIy ?? ENDING_IY) : ENDING_YY, scheme);
        break;
      }
      let spellings = language.overrides[ch] ?? LETTERS[ch];
      if (ch === 'е' && spellings === undefined) {
        const prev = letters[i - 1];
        spellings = language.iotatesE && (prev === undefined || VOWELS.has(prev)) ? E_IOTATED : E_PLAIN;
      }
      latin += spellings === undefined ? ch : pick(spellings, scheme);
    }
    out.push(latin);
  }
  return out;
}
