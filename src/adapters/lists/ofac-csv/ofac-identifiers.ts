import type { Identifier } from '../../../domain/entities/entity.js';
import { ofacCountry } from './ofac-text.js';

/** Facts whose value is everything after a fixed label (contacts, vessels, crypto, banks). */
const LABELLED: readonly (readonly [RegExp, string | ((m: RegExpExecArray) => string)])[] = [
  [/^(?:Vessel Registration Identification|Identification Number|Vessel)?\s*IMO\s*:?\s*(\d{7})\b/i, 'IMO'],
  [/^Vessel Registration Identification\s+(\d{7})\b/i, 'IMO'],
  [/^Company Number IMO\s*:?\s*(\d+)/i, 'IMO Company Number'],
  [/^MMSI\s*:?\s*(\S+)/i, 'MMSI'],
  [/^SWIFT(?:\/BIC)?\s*:?\s*(\S+)/i, 'SWIFT/BIC'],
  [/^E-?mail(?:\s+Address)?\s*:?\s*(\S+@\S+)/i, 'Email Address'],
  [/^Website\s*:?\s*(\S+)/i, 'Website'],
  [/^(\S+@\S+)\s+\(e-?mail\)/i, 'Email Address'],
  [/^(\S+)\s+\(website\)/i, 'Website'],
  [/^(?:Phone|Telephone)(?:\s+Number|\s+No\.?)?\s*:?\s*(.*\d.*)$/i, 'Phone'],
  [/^Fax(?:\s+Number|\s+No\.?)?\s*:?\s*(.*\d.*)$/i, 'Fax'],
  [/^(Digital Currency Address\s*-\s*[A-Za-z0-9]+)\s*:?\s+(\S+)/i, (m) => (m[1] ?? '').replace(/\s*-\s*/, ' - ')],
  [/^Equity Ticker\s*:?\s*(.+)$/i, 'Equity Ticker'],
];

/** Whether a fact may be one of LABELLED (a cheap test before trying each). */
const LABELLED_HEAD = /^(?:Vessel|Identification Number IMO|IMO|Company Number IMO|MMSI|SWIFT|E-?mail|Website|Phone|Telephone|Fax|Digital Currency|Equity Ticker|\S+\s+\((?:website|e-?mail)\))/i;

/**
 * Words a document type ends with ("Tax ID No.", "Registration Number", "Passport"), so the
 * value starts after the last of them (an optional gloss such as "(MSN)" may follow).
 */
const TYPE_END =
  /^([^\d]*(?:^|\s)(?:No\.?|Nr\.|#|[Nn]umber|ID|Code|Card|Certificate|Licen[cs]e|Passport|Booklet|Registry|Register|Registration|Identification|Identidad|Permit|Document|Call Sign)(?:\s+\([^()\d]*\))?)\s*:?\s+(.+)$/;

/** Types written as a bare acronym ("C.U.R.P.", "SSN", "BIK (RU)", "US FEIN") or named here. */
const ACRONYM = /^(?:(?:[A-Z]\.){2,}[A-Z]?|[A-Z]{2,6}|\([A-Z]{2,6}\))$/;
const OTHER_TYPES = new Set(['credencial electoral', 'cartilla de servicio militar nacional', 'visanumberid', 'romanian c.r.']);

/** "2nd Vice President" is a rank, not a number. */
const ORDINAL = /^\d+(?:st|nd|rd|th)\b/i;

/** "issued 1999", "expires 27 Feb 2001": kept as the identifier's note. */
const NOTE = /\s*,?\s+((?:issued|expires|expiring|expiration|valid)\b.*)$/i;
/** The country of issue in parentheses closing the fact: "(Iran)", "(Korea, North)". */
const COUNTRY = /\s+\((\p{L}[\p{L} .,'-]*)\)$/u;

/**
 * Reads one remarks fact (without any leading "alt.") as a document or registration number:
 * `Passport 008827 (Iran) issued 1999` → {type 'Passport', value '008827', country 'IR', note
 * 'issued 1999'}; `Tax ID No. …`, `Cedula No. …`, `NIT # …`, `C.U.R.P. …`, `Vessel Registration
 * Identification IMO 1234567` (type IMO), `MMSI …`, `SWIFT/BIC …`, `Email Address …`,
 * `Website …`, `Digital Currency Address - XBT …` and generally `<Type> [No.|#|Number] <value>
 * [(<country>)] [issued …]`. Returns undefined for any other fact.
 */
export function parseIdentifierFact(fact: string): Identifier | undefined {
  const text = fact.trim();
  if (LABELLED_HEAD.test(text)) return parseLabelledFact(text);
  return /\d/.test(text) || text.includes('Number') ? parseNumberedFact(text) : undefined;
}

function parseLabelledFact(text: string): Identifier | undefined {
  for (const [pattern, type] of LABELLED) {
    const m = pattern.exec(text);
    if (!m) continue;
    const value = cleanValue(m[m.length - 1] ?? '');
    if (value === '') return undefined;
    return { type: typeof type === 'string' ? type : type(m), value };
  }
  return parseNumberedFact(text);
}

function parseNumberedFact(fact: string): Identifier | undefined {
  let text = fact;
  let note: string | undefined;
  const noteMatch = /issued|expir|valid/i.test(text) ? NOTE.exec(text) : null;
  if (noteMatch && noteMatch.index > 0) {
    note = (noteMatch[1] ?? '').replace(/\.$/, '');
    text = text.slice(0, noteMatch.index);
  }
  text = text.replace(/\.$/, '').trimEnd();
  let country: string | undefined;
  const countryMatch = COUNTRY.exec(text);
  if (countryMatch && countryMatch.index > 0) {
    country = ofacCountry(countryMatch[1] ?? '');
    text = text.slice(0, countryMatch.index).replace(/\.$/, '').trimEnd();
  }
  const split = splitTypeAndValue(text);
  if (!split) return undefined;
  const id: Identifier = { type: split.type, value: split.value };
  return { ...id, ...(country ? { country } : {}), ...(note ? { note } : {}) };
}

function splitTypeAndValue(text: string): { type: string; value: string } | undefined {
  const m = TYPE_END.exec(text);
  let rawType: string;
  let value: string;
  if (m) {
    rawType = m[1] ?? '';
    value = cleanValue(m[2] ?? '');
  } else {
    const tokens = text.split(/\s+/);
    const firstDigit = tokens.findIndex((t) => /\d/.test(t));
    if (firstDigit < 1) return undefined;
    rawType = tokens.slice(0, firstDigit).join(' ');
    const typeTokens = rawType.split(' ');
    if (!typeTokens.every((t) => ACRONYM.test(t)) && !OTHER_TYPES.has(rawType.toLowerCase())) return undefined;
    value = cleanValue(tokens.slice(firstDigit).join(' '));
  }
  const type = normaliseType(rawType);
  if (type === '' || value === '' || ORDINAL.test(value)) return undefined;
  if (!/\d/.test(value) && !(/Number$/.test(type) && /^[A-Z0-9][A-Z0-9-]{2,}$/.test(value))) return undefined;
  return { type, value };
}

/** "Tax ID No." → "Tax ID"; "NIT #" → "NIT"; a long gloss "(also called L/N or S/N)" goes. */
function normaliseType(raw: string): string {
  let type = raw.replace(/\s+\([^()]*\s[^()]*\)$/, '').trim();
  for (;;) {
    const next = type.replace(/\s*(?:No\.?|Nr\.|#|:)$/, '').trim();
    if (next === type || next === '') break;
    type = next;
  }
  return type;
}

function cleanValue(raw: string): string {
  return raw.trim().replace(/^[:#]\s*/, '').replace(/[.,;]+$/, '').trim();
}
