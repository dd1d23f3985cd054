import { countryValue, toCountryCode } from '../../../domain/countries/country-code.js';
import type { Address, Identifier } from '../../../domain/entities/entity.js';

/** A multi-valued field split on `separator` (default `;`), values trimmed, blanks dropped. */
export function splitList(text: string, separator: string | RegExp = ';'): string[] {
  return text
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * A field holding numbered values as OFSI writes them (`(1) Iranian (2) Iraqi`) split into
 * its values; a field without `(n)` markers is one value.
 */
export function splitNumbered(text: string): string[] {
  return /\(\d+\)/.test(text) ? splitList(text, /\(\d+\)/) : [text.trim()].filter((v) => v !== '');
}

/**
 * Country fields as lists write them, each resolved with `countryValue`: numbered and
 * `;`-separated values are split, and a value that is not a country as a whole is split on
 * commas when every piece is one (`Iran, Iraq`, but not `Korea, North`).
 */
export function countryValues(text: string): string[] {
  return splitNumbered(text)
    .flatMap((v) => splitList(v))
    .flatMap((v) => {
      if (toCountryCode(v) !== undefined || !v.includes(',')) return [v];
      const pieces = splitList(v, ',');
      return pieces.every((p) => toCountryCode(p) !== undefined) ? pieces : [v];
    })
    .map(countryOf);
}

/**
 * One country as written resolved to ISO 3166-1 alpha-2 where possible; a trailing remark in
 * parentheses (`Pakistan (location as at May 2008)`) is ignored when that resolves it.
 */
export function countryOf(text: string): string {
  const bare = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return toCountryCode(text) ?? (bare !== '' ? toCountryCode(bare) : undefined) ?? countryValue(text);
}

/** An address with its country resolved where the list gives one. */
export function addressOf(full: string, country?: string, city?: string): Address {
  const resolved = country && country.trim() !== '' ? countryOf(country) : undefined;
  return {
    full,
    ...(city && city.trim() !== '' ? { city: city.trim() } : {}),
    ...(resolved ? { country: resolved } : {}),
  };
}

/** An identifier, its optional members only when not blank; `IMO 1234567` becomes type `IMO`. */
export function identifierOf(type: string, value: string, country?: string, note?: string): Identifier {
  const imo = /^IMO\s*(\d{7})$/i.exec(value.trim());
  const c = country?.trim() ? countryOf(country) : undefined;
  return {
    type: imo ? 'IMO' : type,
    value: imo?.[1] ?? value.trim(),
    ...(c ? { country: c } : {}),
    ...(note?.trim() ? { note: note.trim() } : {}),
  };
}

/** A gender as lists write it, or undefined when the text is blank. */
export function genderOf(text: string): 'male' | 'female' | 'other' | undefined {
  const g = text.trim().toLowerCase();
  if (g === '') return undefined;
  if (g === 'male' || g === 'm') return 'male';
  if (g === 'female' || g === 'f') return 'female';
  return 'other';
}

/** The first line of a sniffed head, without a BOM or its line break. */
export function firstLine(head: string): string {
  const text = head.replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** `table[key]` when the table itself has that key (never an inherited `constructor`). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
