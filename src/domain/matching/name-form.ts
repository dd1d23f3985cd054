import { normalizeName, phoneticKey, romanizations } from '../names/index.js';
import { CANONICAL_PARTS, CONNECTIVES, HONORIFICS, LEGAL_FORMS, SHORT_LEGAL_FORMS } from './name-words.js';

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
}

/** A word mixing letters with digits that stand for letters (Ig0r Sech1n, I9or). */
const LEET = /^(?=.*[a-z])(?=.*[0134579])[a-z0-9]+$/;
const LEET_DIGITS = /[0134579]/g;
const LEET_LETTERS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };

/** The phonetic key matching uses for one token: `phoneticKey`, or the token when that is empty. */
export function tokenKey(token: string): string {
  const key = phoneticKey(token);
  return key === '' ? token : key;
}

/**
 * The parts of a romanised name that carry identity. Legal forms (LLC, OOO, GmbH...),
 * honorifics (Sheikh, General, Dr...) and connectives ("and", "of": "&" is already a gap) go;
 * for organisations, also the short legal forms that are name parts elsewhere (AO, SA, Co), and
 * runs of single letters join into one acronym (L.X.C. → lxc). A name made only of such words
 * keeps them all.
 */
export function identityTokens(tokens: readonly string[], isOrganization: boolean): string[] {
  const kept: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '' && !LEGAL_FORMS.has(run) && !SHORT_LEGAL_FORMS.has(run)) kept.push(run);
    run = '';
  };
  for (const raw of tokens) {
    const plain = LEET.test(raw) ? raw.replace(LEET_DIGITS, (d) => LEET_LETTERS[d] ?? d) : raw;
    const token = CANONICAL_PARTS.get(plain) ?? plain;
    if (LEGAL_FORMS.has(token) || HONORIFICS.has(token) || CONNECTIVES.has(token)) continue;
    if (isOrganization && SHORT_LEGAL_FORMS.has(token)) continue;
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

/** Builds a NameForm from a romanised spelling's tokens. */
export function nameForm(text: string, tokens: readonly string[], surnameParts = 0, syllabic = false, script: { written?: string; abjad?: boolean } = {}): NameForm {
  return Object.freeze({ kind: 'NameForm', text, tokens: Object.freeze([...tokens]), keys: Object.freeze(tokens.map(tokenKey)), surnameParts, syllabic, ...script });
}

const SYLLABIC = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;
const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

function scriptOf(form: NameForm): { written?: string; abjad?: boolean } {
  return { ...(form.written !== undefined ? { written: form.written } : {}), ...(form.abjad === true ? { abjad: true } : {}) };
}

/**
 * Every romanised form of a name as written in any script: `normalizeName`, then each of its
 * `romanizations` (several where standards differ), cut by `identityTokens`. Forms with the same
 * parts are given once. A name with no letters or digits gives [].
 */
export function nameForms(name: string, isOrganization: boolean): NameForm[] {
  const comma = isOrganization ? -1 : name.indexOf(',');
  const forms = formsOfNormal(normalizeName(name), isOrganization);
  if (comma <= 0 || forms.length !== 1) return forms;
  const head = formsOfNormal(normalizeName(name.slice(0, comma)), false)[0];
  const form = forms[0] as NameForm;
  const n = head?.tokens.length ?? 0;
  if (n === 0 || n >= form.tokens.length || head?.tokens.some((t, i) => form.tokens[i] !== t) === true) return forms;
  return [nameForm(form.text, form.tokens, n, form.syllabic, scriptOf(form))];
}

/** `nameForms` for text already through `normalizeName`. */
export function formsOfNormal(normal: string, isOrganization: boolean): NameForm[] {
  const out: NameForm[] = [];
  const seen = new Set<string>();
  const syllabic = SYLLABIC.test(normal);
  const script = { ...(syllabic ? { written: normal.replace(/ /g, '') } : {}), ...(ABJAD.test(normal) ? { abjad: true } : {}) };
  for (const text of romanizations(normal)) {
    const tokens = identityTokens(text.split(' '), isOrganization);
    const id = tokens.join(' ');
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    out.push(nameForm(text, tokens, 0, syllabic, script));
  }
  return out;
}
