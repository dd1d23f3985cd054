import type { EntityName, Identifier, NameKind, PartialDate } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { parseIdentifierFact } from './ofac-identifiers.js';
import { dropClosingPeriod, ofacCountry } from './ofac-text.js';

/** What the facts of one OFAC `remarks` field say, as parts of an EntityDraft. */
export interface RemarkFacts {
  birthDates: PartialDate[];
  birthPlaces: string[];
  nationalities: string[];
  citizenships: string[];
  /** Other countries: "Nationality of Registration" of an organisation. */
  countries: string[];
  identifiers: Identifier[];
  /** Weak aliases (a.k.a.), former names (f.k.a.) and new names (n.k.a.). */
  names: EntityName[];
  titles: string[];
  linkedTo: string[];
  gender?: 'male' | 'female';
}

/** How to read a remarks field. */
export interface RemarksOptions {
  /**
   * The field was cut at OFAC's 1,000-character limit and its continuation is missing: the
   * last fact may be cut in the middle, so it is left in the raw text only.
   */
  readonly truncated?: boolean;
}

type FactReader = (body: string, facts: RemarkFacts) => boolean;

const ALIAS_KINDS: Record<string, NameKind> = { a: 'weak', f: 'former', n: 'alias' };
const QUOTE_PAIRS: Record<string, string> = { "'": "'", '"': '"', '\u2018': '\u2019', '\u201c': '\u201d' };
/** Between two quoted names of one a.k.a. fact: `', '`. */
const SEPARATORS = new Map(Object.entries(QUOTE_PAIRS).map(([open, close]) => [open, new RegExp(`${close}\\s*[,;]\\s*${open}`)]));

const DOB = match(/^DOB\b\s*:?\s*(.+)$/i, (m, f) => {
  push(f.birthDates, parseListDate((m[1] ?? '').replace(/\b(\d{4})\s*-\s*(\d{4})\b/, '$1 to $2')));
});
const POB = match(/^POB\b\s*:?\s*(.+)$/i, (m, f) => push(f.birthPlaces, dropClosingPeriod(m[1] ?? '')));
const REGISTRATION = match(/^Nationality of Registration\s*:?\s*(.+)$/i, (m, f) => push(f.countries, ofacCountry(m[1] ?? '')));
const NATIONALITY = match(/^nationality\s*:?\s+(.+)$/i, (m, f) => push(f.nationalities, ofacCountry(m[1] ?? '')));
const CITIZEN = match(/^citizen(?:ship)?\s*:?\s+(.+)$/i, (m, f) => push(f.citizenships, ofacCountry(m[1] ?? '')));
const GENDER = match(/^Gender\b\s*:?\s*(male|female)\.?$/i, (m, f) => {
  f.gender = (m[1] ?? '').toLowerCase() === 'male' ? 'male' : 'female';
});
const ALIAS = match(/^([afn])\.k\.a\.?\s*[:,]?\s*(.+)$/i, (m, f) => {
  const kind = ALIAS_KINDS[(m[1] ?? '').toLowerCase()] ?? 'weak';
  for (const full of quotedNames(m[2] ?? '')) f.names.push({ full, kind });
});
const LINKED = match(/^Linked\s+To\s*:?\s*(.+)$/i, (m, f) => push(f.linkedTo, dropClosingPeriod(m[1] ?? '')));
const TITLE = match(/^(?:Alternate\s+)?Title\b\s*[,:]?\s*(.+)$/i, (m, f) => {
  for (const title of (m[1] ?? '').split(/\s*,?\s*Alternate\s+Title\s*[,:]?\s*/i)) push(f.titles, dropClosingPeriod(title));
});

/**
 * Readers by a fact's first word (lower case, after any "alt."), each tried before the
 * identifier reader; the first that recognises the fact takes it.
 */
const READERS = new Map<string, readonly FactReader[]>([
  ['dob', [DOB]],
  ['pob', [POB]],
  ['nationality', [REGISTRATION, NATIONALITY]],
  ['citizen', [CITIZEN]],
  ['citizenship', [CITIZEN]],
  ['gender', [GENDER]],
  ...['a', 'f', 'n'].flatMap((c) => [`${c}.k.a.`, `${c}.k.a`].map((key): [string, FactReader[]] => [key, [ALIAS]])),
  ['linked', [LINKED]],
  ['title', [TITLE]],
  ['alternate', [TITLE]],
]);

/** Facts kept in the raw remarks only: sanctions notes and descriptions, not identifiers. */
const TEXT_ONLY =
  /^(?:Additional Sanctions|Secondary sanctions|Transactions Prohibited|Organization (?:Established|Type)|Target Type|Executive Order|Listing Date|Effective Date|CAATSA|IFCA|For more information|Aircraft (?:Model|Operator|Manufacture Date)|Vessel Year of Build|(?:Former|Other) Vessel (?:Flag|Type)|Member of)\b/i;

const readIdentifier: FactReader = (body, f) => !TEXT_ONLY.test(body) && push(f.identifiers, parseIdentifierFact(body));

/**
 * Reads OFAC's `remarks` field (with any continuation from the comments file already
 * appended) into parts of an EntityDraft. The field is a `;`-separated list of facts:
 * `DOB 05 Oct 1976` / `alt. DOB circa 1960` / `DOB 1968 to 1970` (birthDates), `POB …`
 * (birthPlaces), `nationality Russia` (nationalities, ISO code where resolvable), `citizen …`
 * (citizenships), `Gender Male`, `a.k.a. 'ABU X'` (weak aliases; several may share a fact),
 * `f.k.a. '…'` (former names), `n.k.a. '…'` (aliases), `Linked To: NAME` (linkedTo), `Title …`
 * (titles), and documents such as `Passport 008827 (Iran) issued 1999` (identifiers). Facts it
 * does not recognise ("Additional Sanctions Information - …") are left out of the result: the
 * caller keeps the whole raw text as the entity's remarks. Pure; never throws.
 */
export function parseOfacRemarks(remarks: string, options: RemarksOptions = {}): RemarkFacts {
  const facts: RemarkFacts = {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    countries: [],
    identifiers: [],
    names: [],
    titles: [],
    linkedTo: [],
  };
  const list = splitFacts(remarks);
  if (options.truncated) list.pop();
  for (const fact of list) {
    const body = fact.replace(/^alt\.\s*/i, '');
    const word = (/^[a-z.]+/i.exec(body)?.[0] ?? '').toLowerCase();
    if (!(READERS.get(word) ?? []).some((read) => read(body, facts))) readIdentifier(body, facts);
  }
  return facts;
}

/**
 * The facts of a remarks field: split on `;` outside parentheses, trimmed, blanks dropped.
 * Unbalanced parentheses fall back to a plain split so one stray `(` cannot swallow the rest.
 */
export function splitFacts(remarks: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < remarks.length; i++) {
    const c = remarks.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (c === 59 && depth === 0) {
      parts.push(remarks.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(remarks.slice(start));
  const facts = depth === 0 ? parts : remarks.split(';');
  return facts.map((f) => (/\s\s|[\t\r\n]/.test(f) ? f.replace(/\s+/g, ' ') : f).trim()).filter((f) => f !== '' && f !== '.');
}

/**
 * The names an a.k.a. fact gives after its label: `'ABU X'`, `"X"`, several as
 * `'A', 'B'`; apostrophes inside a name (`'ABU 'ABD AL-'AZIZ'`) are kept.
 */
function quotedNames(text: string): string[] {
  let s = text.trim();
  const open = s.charAt(0);
  const close = QUOTE_PAIRS[open];
  if (!close) {
    const name = dropClosingPeriod(s);
    return name === '' ? [] : [name];
  }
  if (s.endsWith(`${close}.`)) s = s.slice(0, -1);
  const separator = SEPARATORS.get(open) ?? /'\s*[,;]\s*'/;
  return s
    .split(separator)
    .map((part, i, all) => {
      let name = part;
      if (i === 0) name = name.slice(1);
      if (i === all.length - 1 && name.endsWith(close)) name = name.slice(0, -1);
      if (name.length > 1 && name.startsWith(open) && name.endsWith(close) && !name.slice(1, -1).includes(close)) {
        name = name.slice(1, -1);
      }
      return name.trim();
    })
    .filter((name) => name !== '');
}

/** A reader that takes every fact `pattern` matches, even one whose value turns out empty. */
function match(pattern: RegExp, read: (m: RegExpExecArray, facts: RemarkFacts) => unknown): FactReader {
  return (body, facts) => {
    const m = pattern.exec(body);
    if (!m) return false;
    read(m, facts);
    return true;
  };
}

function push<T>(list: T[], value: T | undefined): boolean {
  if (value === undefined || value === '') return false;
  list.push(value);
  return true;
}
