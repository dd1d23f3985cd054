import { countryValue } from '../../../domain/countries/country-code.js';

/** The final word keeps its period when it is an abbreviation ("S.A.", "C.V.", "M.", "LTDA."). */
const ABBREVIATION_END = /(?:^|[\s,])(?:[A-Za-z]\.|(?:[A-Za-z]{1,4}\.)+[A-Za-z]{1,4}\.|LTDA\.|CIA\.)$|[\s,]CO\.,? LTD\.$|, LTD\.$/i;

/**
 * A fact value without the period OFAC closes its remarks with, unless that period belongs to
 * an abbreviation ending the value ("LINKED CO., LTD.", "BANCO X, S.A.", "SMITH, John M.").
 */
export function dropClosingPeriod(text: string): string {
  const s = text.trim();
  return s.endsWith('.') && !ABBREVIATION_END.test(s) ? s.slice(0, -1).trimEnd() : s;
}

/**
 * A country as OFAC writes it ("Russia", "Korea, North.", "possibly Palestinian") as an ISO
 * 3166-1 alpha-2 code where resolvable, else as written; undefined for an empty,
 * "undetermined", "None Identified" or "unknown" country.
 */
export function ofacCountry(text: string): string | undefined {
  if (COUNTRIES.has(text)) return COUNTRIES.get(text);
  const s = text.trim().replace(/\.$/, '').replace(/^possibly\s+/i, '').trim();
  const country = s === '' || /^(?:undetermined|none identified|unknown)$/i.test(s) ? undefined : countryValue(s);
  if (COUNTRIES.size < COUNTRY_CACHE_LIMIT) COUNTRIES.set(text, country);
  return country;
}

/** Resolved countries by the text as written: a list names a few hundred, thousands of times. */
const COUNTRIES = new Map<string, string | undefined>();
const COUNTRY_CACHE_LIMIT = 10_000;
