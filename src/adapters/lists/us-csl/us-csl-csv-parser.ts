import { toCountryCode } from '../../../domain/countries/country-code.js';
import type { Entity, Schema } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListParser, ParseContext } from '../list-parser.js';
import { CsvHeader, readCsvRecords, type CsvRecord } from '../uk/csv-records.js';
import { EntityDraftBuilder } from '../uk/entity-draft.js';
import { groupByKey } from '../uk/grouped-records.js';
import { addressOf, countryOf, firstLine, genderOf, identifierOf, lookup, splitList } from '../uk/list-values.js';

const REQUIRED = ['_id', 'source', 'type', 'name'] as const;

const SCHEMAS: Readonly<Record<string, Schema>> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

/**
 * `ids` entries that state sanctions facts rather than identify (`Secondary sanctions risk:`,
 * `Listing Date (CMIC)`, `Aircraft Model`, `Target Type`...): kept in the remarks.
 */
const FACT_TYPES = /[:-]$|\b(?:date|type|model|operator|flag|issuer name|country|nationality)\b/i;

interface CslRow {
  readonly header: CsvHeader;
  readonly record: CsvRecord;
  readonly id: string;
}

/**
 * The US Consolidated Screening List (trade.gov) as CSV, plain or gzipped: a header row, then
 * one row per listing. Columns are found by name; `_id`, `source`, `type` and `name` are
 * required. An entity is `us-csl:<_id>`; a party on several of the CSL's lists has one row per
 * list under the same `_id`, and those rows are merged (see `groupByKey`). A type-less row
 * (Entity List, DPL, ...) is a LegalEntity. Programs are the row's `programs`, or the source
 * list's abbreviation (`EL`, `DPL`) when it names none; the source list is also kept in the
 * remarks, and `entity_number` as an `OFAC ent_num` identifier.
 */
export const usCslCsvParser: ListParser = {
  format: 'us-csl-csv',
  sniff: (head) => {
    const columns = firstLine(head).split(',').map((c) => c.replace(/"/g, '').trim());
    return columns.includes('_id') && columns.includes('alt_names');
  },
  sourceOf: () => 'us-csl',
  parse: (input, ctx) => parseCsl(input.primary, ctx),
};

async function* parseCsl(file: ListFile, ctx: ParseContext): AsyncGenerator<Entity> {
  const groups = groupByKey(file, () => readRows(file), (row) => (row.id !== '' ? row.id : `\u0000${row.record.line}`));
  for await (const rows of groups) {
    const entity = toEntity(file, rows, ctx);
    if (entity) yield entity;
  }
}

async function* readRows(file: ListFile): AsyncGenerator<CslRow> {
  let header: CsvHeader | undefined;
  let rows = 0;
  for await (const record of readCsvRecords(file)) {
    if (header === undefined) {
      header = CsvHeader.read(file, record, REQUIRED);
      continue;
    }
    header.checkWidth(record);
    rows++;
    yield { header, record, id: header.value(record, '_id') };
  }
  if (rows === 0) throw new ListRejectedError(file.name, 'file holds no records');
}

function toEntity(file: ListFile, rows: readonly CslRow[], ctx: ParseContext): Entity | undefined {
  const first = rows[0];
  if (!first) return undefined;
  if (first.id === '') {
    ctx.warn(file.name, first.record.line, 'row has no _id; skipped');
    return undefined;
  }
  const type = rows.map((r) => r.header.value(r.record, 'type')).find((t) => t !== '') ?? '';
  const schema = type === '' ? 'LegalEntity' : lookup(SCHEMAS, type.toLowerCase());
  if (!schema) ctx.warn(file.name, first.record.line, `unknown type "${type}" for ${first.id}; read as LegalEntity`);
  const draft = new EntityDraftBuilder(`us-csl:${first.id}`, 'us-csl', schema ?? 'LegalEntity');
  for (const row of rows) addRow(file, draft, row, ctx);
  if (draft.names.length === 0) {
    ctx.warn(file.name, first.record.line, `${first.id} has no name; skipped`);
    return undefined;
  }
  return draft.build();
}

function addRow(file: ListFile, draft: EntityDraftBuilder, row: CslRow, ctx: ParseContext): void {
  const get = (name: string): string => row.header.value(row.record, name);
  const warn = (message: string): void => ctx.warn(file.name, row.record.line, message);

  draft.addName(get('name'), 'primary');
  for (const alt of splitList(get('alt_names'))) draft.addName(alt, 'alias');

  const source = get('source');
  const programs = splitList(get('programs'));
  const abbreviation = /\(([^)]+)\)/.exec(source)?.[1];
  draft.programs.push(...(programs.length > 0 ? programs : abbreviation ? [abbreviation] : []));
  if (source !== '') draft.remark(`Source list: ${source}`);
  const entNum = get('entity_number');
  if (entNum !== '') draft.identifiers.push(identifierOf('OFAC ent_num', entNum));

  draft.titles.push(...splitList(get('title')));
  for (const address of splitList(get('addresses'))) {
    const country = address.split(',').pop()?.trim() ?? '';
    const code = toCountryCode(country);
    draft.addresses.push(addressOf(address, code));
    if (code) draft.countries.push(code);
  }
  for (const dob of splitList(get('dates_of_birth'))) {
    const date = parseListDate(dob);
    if (date) draft.birthDates.push(date);
    else warn(`date of birth not understood: "${dob}"`);
  }
  draft.birthPlaces.push(...splitList(get('places_of_birth')));
  draft.nationalities.push(...splitList(get('nationalities')).map(countryOf));
  draft.citizenships.push(...splitList(get('citizenships')).map(countryOf));
  addIds(draft, get('ids'));

  const callSign = get('call_sign');
  if (callSign !== '') draft.identifiers.push(identifierOf('Call Sign', callSign));
  const flag = get('vessel_flag');
  if (flag !== '') draft.countries.push(countryOf(flag));
  const owner = get('vessel_owner');
  if (owner !== '') draft.linkedTo.push(owner);

  const remarks = get('remarks');
  draft.linkedTo.push(...linkedNames(remarks));
  draft.remark(remarks);
  draft.setListedOn(parseListDate(get('start_date'))?.value);
}

/**
 * The `ids` column: `;`-separated entries `[country, ][dates, ]value, type` (`RU, 1027700256297,
 * Registration ID`; `JO, 2014-08-30, 2009-08-31, K475336, Passport`; `Male, Gender`). Gender
 * sets the gender, sanctions facts go to the remarks, the rest become identifiers (dates kept
 * as the note).
 */
function addIds(draft: EntityDraftBuilder, text: string): void {
  for (const entry of splitList(text)) {
    const parts = entry.split(', ').map((p) => p.trim());
    const type = parts.pop() ?? '';
    if (type === 'Gender') {
      draft.gender = genderOf(parts.join(' '));
      continue;
    }
    if (parts.length === 0 || FACT_TYPES.test(type)) {
      draft.remark(parts.length === 0 ? type : `${type} ${parts.join(', ')}`);
      continue;
    }
    const country = parts.length >= 2 && /^[A-Z]{2}$/.test(parts[0] ?? '') && toCountryCode(parts[0] ?? '') ? parts.shift() : undefined;
    const dates = parts.filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p));
    const value = parts.filter((p) => !dates.includes(p)).join(', ');
    if (value === '') draft.remark(entry);
    else draft.identifiers.push(identifierOf(type, value, country, dates.join(', ')));
  }
}

/**
 * The names in OFAC's `(Linked To: A; Linked To: B)` remarks; a name may hold parentheses of
 * its own (`ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE`).
 */
function linkedNames(remarks: string): string[] {
  const names: string[] = [];
  for (const m of remarks.matchAll(/Linked To:\s*/g)) {
    let depth = 0;
    let name = '';
    for (const c of remarks.slice(m.index + m[0].length)) {
      if ((c === ')' && depth === 0) || (c === ';' && depth === 0)) break;
      if (c === '(') depth++;
      if (c === ')') depth--;
      name += c;
    }
    names.push(name.trim());
  }
  return names;
}
