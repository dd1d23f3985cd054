import { normalizeName, phoneticKey, romanizations } from '../names/index.js';
import { ABD_FORMS, ARABIC_ARTICLES, CANONICAL_PARTS, CONNECTIVES, HONORIFICS, LEGAL_FORMS, LONG_LEGAL_FORMS, NUMBER_WORDS, ORDINAL_WORDS, SHORT_LEGAL_FORMS, TENS_WORDS } from './name-words.js';
import { memoized } from '../names/memo.js';
import { isOneEdit } from './string-similarity.js';

/** The most parts of one name that matching looks at; longer names keep their first ones. */
export const MAX_NAME_PARTS = 8;

/**
 * One romanised spelling of one name, cut into the parts matching aligns: the words left after
 * legal forms, honorifics and connectives are removed, each with its phonetic key
 * (`phoneticKey`, or the token itself for digits). Immutable.
 */
export interface NameForm {
  readonly kind: 'NameForm';
  /** The romanised spelling the parts come from (before words were removed). */
  readonly text: string;
  readonly tokens: readonly string[];
  readonly keys: readonly string[];
  /**
   * How many leading parts are the surname, when the list wrote "SURNAME, Given" (0 when it
   * did not): a surname left unmatched is another person, not a dropped middle name.
   */
  readonly surnameParts: number;
  /** True when the name was written in Han, Hangul or Kana: its parts are syllables, already romanised every common way. */
  readonly syllabic: boolean;
  /**
   * The name as written (normalised, spaces removed) when it was written in Han, Hangul or
   * Kana: two such names that romanise alike but are other characters (김종은 / 김정은, 高石 /
   * 高市) are other names.
   */
  readonly written?: string;
  /** True when the name was written in Arabic or Hebrew letters, which leave short vowels out. */
  readonly abjad?: boolean;
  /**
   * The written word behind each part, for a name in Arabic or Hebrew letters whose
   * romanisation keeps one part a word: two such parts one letter apart as romanised but more
   * as written (عارف araf / آصف asaf) are other names, not a typo.
   */
  readonly writtenParts?: readonly string[];
  /**
   * True for the reading of a name without what it says in brackets (`nameReadings`): it meets
   * a name that leaves the qualifier out, but two such readings are not compared, since two
   * names that both qualify (Bank of China (Hong Kong) / (Australia)) are told apart by it.
   */
  readonly unbracketed?: boolean;
}

/** A word mixing letters with digits that stand for letters (Ig0r Sech1n, I9or). */
const LEET = /^(?=.*[a-z])(?=.*[0134579])[a-z0-9]+$/;
const LEET_DIGITS = /[0134579]/g;
const LEET_LETTERS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };

/** The phonetic key matching uses for one token: `phoneticKey`, or the token when that is empty. Memoised. */
export const tokenKey: (token: string) => string = memoized((token) => {
  const key = phoneticKey(token);
  return key === '' ? token : key;
}, 100_000);

/**
 * The parts of a romanised name that carry identity. Legal forms (LLC, OOO, GmbH...),
 * honorifics (Sheikh, General, Dr...) and connectives ("and", "of": "&" is already a gap) go;
 * for organisations, also the short legal forms that are name parts elsewhere (AO, SA, Co), and
 * runs of single letters join into one acronym (L.X.C. → lxc). A legal form with a typo or cut
 * short goes too (`isMisspeltLegalForm`). Number words become digits (`numbersAsDigits`). A
 * name made only of removed words keeps them all.
 */
export function identityTokens(tokens: readonly string[], isOrganization: boolean, keepHonorifics = false): string[] {
  const kept: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '' && !LEGAL_FORMS.has(run) && !SHORT_LEGAL_FORMS.has(run)) kept.push(run);
    run = '';
  };
  const words = numbersAsDigits(tokens);
  for (let at = 0; at < words.length; at++) {
    const raw = words[at] ?? '';
    const plain = LEET.test(raw) ? raw.replace(LEET_DIGITS, (d) => LEET_LETTERS[d] ?? d) : raw;
    const token = CANONICAL_PARTS.get(plain) ?? plain;
    if (LEGAL_FORMS.has(token) || (HONORIFICS.has(token) && !keepHonorifics) || CONNECTIVES.has(token)) continue;
    if (isOrganization && SHORT_LEGAL_FORMS.has(token)) continue;
    if (isMisspeltLegalForm(token, isOrganization, at === words.length - 1)) continue;
    if (isOrganization && token.length === 1 && /[a-z]/.test(token)) {
      run += token;
      continue;
    }
    flush();
    kept.push(token);
  }
  flush();
  const result = kept.length > 0 ? kept : [...tokens];
  return result.slice(0, MAX_NAME_PARTS);
}

const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/**
 * Number words and ordinals as digits (forty four → 44, 1st → 1, third → 3), so that a name
 * meets the other way of writing it; a tens word takes a following unit (word or digit).
 * The tokens themselves when they hold none (the common case, without a copy).
 */
export function numbersAsDigits(tokens: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const ordinal = ORDINAL.exec(t);
    let value = ordinal ? Number(ordinal[1]) : (NUMBER_WORDS.get(t) ?? ORDINAL_WORDS.get(t));
    const tens = value === undefined ? TENS_WORDS.get(t) : undefined;
    if (value === undefined && tens === undefined) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    if (tens !== undefined) {
      const next = tokens[i + 1] ?? '';
      const unit = NUMBER_WORDS.get(next) ?? (/^[1-9]$/.test(next) ? Number(next) : undefined);
      value = tens;
      if (unit !== undefined && unit >= 1 && unit <= 9) {
        value += unit;
        i++;
      }
    }
    out.push(String(value));
  }
  return out ?? tokens;
}

/**
 * True when a word is a legal form written with one typo (Aktiengeselschaft, Corporatoin) —
 * for forms of nine letters or more in any name, of seven or more, with the first letter
 * right, in an organisation's — or, at the end of an organisation's name, a legal form cut
 * short to six letters or more (…Joint Stock Compan: registries and payment messages cut names
 * at a fixed length).
 */
function isMisspeltLegalForm(token: string, isOrganization: boolean, last: boolean): boolean {
  const n = token.length;
  if (n >= 8) for (const form of LONG_LEGAL_FORMS) if (isOneEdit(token, form)) return true;
  if (!isOrganization || n < 6) return false;
  for (const form of LEGAL_FORMS) {
    if (last && form.length > n && form.startsWith(token)) return true;
    if (form.length >= 7 && form.length < 9 && form.charCodeAt(0) === token.charCodeAt(0) && isOneEdit(token, form)) return true;
  }
  return false;
}

/** Builds a NameForm from a romanised spelling's tokens. */
export function nameForm(text: string, tokens: readonly string[], surnameParts = 0, syllabic = false, script: Script = {}): NameForm {
  return Object.freeze({ kind: 'NameForm', text, tokens: Object.freeze([...tokens]), keys: Object.freeze(tokens.map(tokenKey)), surnameParts, syllabic, ...script });
}

/** What a form keeps of the script its name was written in. */
type Script = Pick<NameForm, 'written' | 'abjad' | 'writtenParts'>;

const SYLLABIC = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;
const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

function scriptOf(form: NameForm): Script {
  return {
    ...(form.written !== undefined ? { written: form.written } : {}),
    ...(form.abjad === true ? { abjad: true } : {}),
    ...(form.writtenParts !== undefined ? { writtenParts: form.writtenParts } : {}),
  };
}

/**
 * Every romanised form of a name as written in any script: `normalizeName`, then each of its
 * `romanizations` (several where standards differ), cut by `identityTokens`. Forms with the same
 * parts are given once. A name with no letters or digits gives [].
 */
export function nameForms(name: string, isOrganization: boolean): NameForm[] {
  const readings = nameReadings(name);
  if (readings.length === 1) return formsOfReading(name, isOrganization);
  const out: NameForm[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    const unbracketed = reading.bracketed !== reading.text;
    for (const form of formsOfReading(reading.text, isOrganization)) {
      const id = form.tokens.join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(unbracketed ? Object.freeze({ ...form, unbracketed: true }) : form);
    }
  }
  return out;
}

const CAMEL = /(\p{Ll})(\p{Lu})/gu;
const HAS_CAMEL = /\p{Ll}\p{Lu}/u;
/**
 * A word of two or three capital consonants (JC Juncker, JFK) in a name that is not all
 * capitals: initials. Words with a vowel are names (KIM, LI, PAK as lists write surnames).
 */
const CAPITALS = /(?<![\p{L}.])[B-DF-HJ-NP-TV-XZ]{2,3}(?![\p{L}.])/gu;
const HAS_CAPITALS = /(?<![\p{L}.])[B-DF-HJ-NP-TV-XZ]{2,3}(?![\p{L}.])/u;
const HAS_LOWER = /\p{Ll}/u;
const BRACKETED = /\s*[([][^()[\]]*[)\]]/g;

/**
 * The ways a name as written may be read: itself; with words run together at a change of
 * case cut apart (SiemensAG, FridrichBuchenberg); with a word of two or three capital
 * consonants in a name that is not all capitals read as initials (JC Juncker = J. C.
 * Juncker); without what it says in brackets (Deutsche Bank (Schweiz) AG, SANTOS, Ahmad
 * (Ahmed)), which qualifies a name rather than being it.
 * Each reading with the text it was taken from (`bracketed`: itself, unless brackets went).
 */
export function nameReadings(name: string): { text: string; bracketed: string }[] {
  const out = [{ text: name, bracketed: name }];
  if (HAS_CAMEL.test(name)) {
    const cut = name.replace(CAMEL, '$1 $2');
    out.push({ text: cut, bracketed: cut });
  }
  if (HAS_CAPITALS.test(name) && HAS_LOWER.test(name)) {
    const initials = name.replace(CAPITALS, (word) => word.split('').join(' '));
    out.push({ text: initials, bracketed: initials });
  }
  if (name.indexOf('(') >= 0 || name.indexOf('[') >= 0) {
    for (const { text } of [...out]) {
      const bare = text.replace(BRACKETED, ' ').replace(/\s+/g, ' ').trim();
      if (bare !== text && /[\p{L}\p{Nd}]/u.test(bare)) out.push({ text: bare, bracketed: text });
    }
  }
  return out;
}

/** `nameForms` of one reading: the surname of "SURNAME, Given" is marked. */
function formsOfReading(name: string, isOrganization: boolean): NameForm[] {
  const comma = isOrganization ? -1 : name.indexOf(',');
  const forms = formsOfNormal(normalizeName(name), isOrganization);
  // One romanisation only (a Latin name; its abdul form has the same text).
  if (comma <= 0 || forms.length === 0 || forms.some((f) => f.text !== forms[0]?.text)) return forms;
  const heads = formsOfNormal(normalizeName(name.slice(0, comma)), false);
  return forms.map((form) => {
    const head = heads.find((h) => h.tokens.length < form.tokens.length && h.tokens.every((t, i) => form.tokens[i] === t));
    return head ? nameForm(form.text, form.tokens, head.tokens.length, form.syllabic, scriptOf(form)) : form;
  });
}

/** `nameForms` for text already through `normalizeName`. */
export function formsOfNormal(normal: string, isOrganization: boolean): NameForm[] {
  const out: NameForm[] = [];
  const seen = new Set<string>();
  const syllabic = SYLLABIC.test(normal);
  const abjad = ABJAD.test(normal);
  const script = { ...(syllabic ? { written: normal.replace(/ /g, '') } : {}), ...(abjad ? { abjad: true } : {}) };
  const written = abjad ? Object.freeze(normal.split(' ')) : undefined;
  const texts = romanizations(normal);
  // The forms with titles come after all the others: where forms are capped, they go first.
  for (const keepHonorifics of [false, true]) {
    for (const text of texts) {
      const words = text.split(' ');
      // A title is also read as part of the name: some are known by it (Haji Bashir Noorzai).
      if (keepHonorifics && !words.some((w) => HONORIFICS.has(w))) continue;
      const tokens = identityTokens(words, isOrganization, keepHonorifics);
      for (const parts of [tokens, abdulTokens(tokens)]) {
        const id = parts.join(' ');
        if (id === '' || seen.has(id)) continue;
        seen.add(id);
        const oneToOne = written !== undefined && parts.length === written.length && id === text;
        out.push(nameForm(text, parts, 0, syllabic, oneToOne ? { ...script, writtenParts: written } : script));
      }
    }
  }
  return out;
}

/**
 * The parts with Abd al-, Abdel, Abd-ar- written abdul, the article after it gone (Abd
 * al-Aziz = Abdul Aziz = Abdel Aziz): a second form of such names, the first keeping the parts
 * as written for the names that share them (Abd Al-Ghafur / Al-Ghafur, abdallatif). [] when
 * the name has none.
 */
export function abdulTokens(tokens: readonly string[]): string[] {
  let at = tokens.findIndex((t) => ABD_FORMS.has(t));
  if (at < 0) return [];
  const out = tokens.slice(0, at);
  for (; at < tokens.length; at++) {
    const t = tokens[at] ?? '';
    if (!ABD_FORMS.has(t)) {
      out.push(t);
      continue;
    }
    out.push('abdul');
    if (ARABIC_ARTICLES.has(tokens[at + 1] ?? '') && at + 2 < tokens.length) at++;
  }
  return out.join(' ') === tokens.join(' ') ? [] : out;
}
