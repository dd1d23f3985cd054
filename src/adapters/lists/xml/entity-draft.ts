import { countryValue } from '../../../domain/countries/country-code.js';
import type {
  Address,
  EntityDraft,
  EntityName,
  Identifier,
  PartialDate,
  Schema,
} from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { scriptOf } from '../../../domain/entities/name-script.js';

/**
 * An entity while a parser fills it in from one record: every multi-valued field an array
 * to push to, remarks as separate pieces. `toEntityDraft` turns it into an `EntityDraft`.
 */
export interface DraftBag {
  readonly id: string;
  readonly source: string;
  readonly schema: Schema;
  readonly names: EntityName[];
  readonly birthDates: PartialDate[];
  readonly birthPlaces: string[];
  readonly nationalities: string[];
  readonly citizenships: string[];
  readonly countries: string[];
  readonly identifiers: Identifier[];
  readonly addresses: Address[];
  readonly programs: string[];
  readonly titles: string[];
  readonly linkedTo: string[];
  readonly remarks: string[];
  gender?: 'male' | 'female' | 'other';
  listedOn?: string;
}

/** An empty bag for the entity `id` of `source`. */
export function newDraft(id: string, source: string, schema: Schema): DraftBag {
  return {
    id,
    source,
    schema,
    names: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    countries: [],
    identifiers: [],
    addresses: [],
    programs: [],
    titles: [],
    linkedTo: [],
    remarks: [],
  };
}

/**
 * The bag as an `EntityDraft` for `buildEntity`: remarks joined with `; `, and names the list
 * gave no script for marked with the non-Latin script their characters are in.
 */
export function toEntityDraft(bag: DraftBag): EntityDraft {
  const { remarks, ...rest } = bag;
  const names = bag.names.map((n) => {
    if (n.script !== undefined) return n;
    const script = scriptOf(n.full);
    return script === undefined ? n : { ...n, script };
  });
  const remark = remarks.map((r) => r.trim()).filter((r) => r !== '').join('; ');
  return { ...rest, names, ...(remark === '' ? {} : { remarks: remark }) };
}

/** `male`, `female` or `other` for the ways lists write a gender (`Male`, `F`...); else undefined. */
export function genderOf(value: string | undefined): 'male' | 'female' | 'other' | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'male' || v === 'm') return 'male';
  if (v === 'female' || v === 'f') return 'female';
  if (v === 'other' || v === 'x') return 'other';
  return undefined;
}

/** The non-blank pieces, trimmed and joined with `, ` ('' when none). */
export function joinParts(parts: readonly (string | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p !== '')
    .join(', ');
}

/**
 * Records an address: `full` joins the parts and the country name as written; the country's
 * code also goes into the entity's `countries`. An address with no parts and no country is
 * ignored.
 */
export function addAddress(
  bag: DraftBag,
  parts: readonly (string | undefined)[],
  city: string | undefined,
  country: string | undefined,
  countryCode?: string,
): void {
  const full = joinParts([...parts, country]);
  if (full === '') return;
  const code = countryCode ?? (country ? countryOf(country) : undefined);
  bag.addresses.push({
    full,
    ...(city ? { city: city.trim() } : {}),
    ...(code ? { country: code } : {}),
  });
  if (code) bag.countries.push(code);
}

/** Adds `country`'s ISO code (or the name as written) to `list` when it is not blank. */
export function addCountry(list: string[], country: string | undefined): void {
  if (country && country.trim() !== '') list.push(countryOf(country));
}

/** The earliest of some `YYYY[-MM[-DD]]` dates (undefined when there are none). */
export function earliest(dates: readonly (string | undefined)[]): string | undefined {
  let first: string | undefined;
  for (const d of dates) if (d && (first === undefined || d < first)) first = d;
  return first;
}

/**
 * A date as XML lists write it: an `xs:date` / `xs:dateTime`, also with a time-zone suffix
 * (`2015-03-27-04:00`), or any form `parseListDate` reads. Undefined when it is not a date.
 */
export function readDate(text: string | undefined): PartialDate | undefined {
  const s = (text ?? '').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(s);
  return parseListDate(iso?.[1] ?? s);
}

const COUNTRY_CACHE_LIMIT = 4096;
const countryCache = new Map<string, string>();

/**
 * `countryValue` with a bounded memo: lists repeat a few hundred country spellings, and
 * resolving a name searches the whole ISO registry.
 */
export function countryOf(name: string): string {
  let code = countryCache.get(name);
  if (code === undefined) {
    code = countryValue(name);
    if (countryCache.size >= COUNTRY_CACHE_LIMIT) countryCache.clear();
    countryCache.set(name, code);
  }
  return code;
}
