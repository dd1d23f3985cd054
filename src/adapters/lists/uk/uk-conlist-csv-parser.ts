import type { Entity, NameKind, Schema } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListParser, ParseContext } from '../list-parser.js';
import { CsvHeader, readCsvRecords, type CsvRecord } from './csv-records.js';
import { EntityDraftBuilder } from './entity-draft.js';
import { groupByKey } from './grouped-records.js';
import { addressOf, countryOf, countryValues, firstLine, identifierOf, lookup, splitNumbered } from './list-values.js';
import { scriptOf } from '../../../domain/entities/name-script.js';

const REQUIRED = ['Name 6', 'Group Type', 'Group ID'] as const;

const SCHEMAS: Readonly<Record<string, Schema>> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

/** `Non-Latin Script Type` values as OFSI writes them, to ISO 15924 (used when the text itself does not tell). */
const SCRIPT_TYPES: Readonly<Record<string, string>> = {
  arabic: 'Arab', persian: 'Arab', cyrillic: 'Cyrl', russian: 'Cyrl', ukrainian: 'Cyrl', belarusian: 'Cyrl',
  chinese: 'Hani', korean: 'Hang', japanese: 'Jpan', hebrew: 'Hebr', greek: 'Grek', georgian: 'Geor',
};

/** `Non-Latin Script Language` values to ISO 639-1 (others are left out). */
const LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar', persian: 'fa', farsi: 'fa', russian: 'ru', ukrainian: 'uk', belarusian: 'be', chinese: 'zh',
  korean: 'ko', japanese: 'ja', hebrew: 'he', greek: 'el', georgian: 'ka', urdu: 'ur', pashto: 'ps', dari: 'fa',
  burmese: 'my', serbian: 'sr', bulgarian: 'bg', kurdish: 'ku', tamil: 'ta', armenian: 'hy',
};

interface UkRow {
  readonly header: CsvHeader;
  readonly record: CsvRecord;
  readonly groupId: string;
}

/**
 * HM Treasury OFSI's consolidated list in its native CSV (`ConList.csv`): a `Last Updated,
 * dd/mm/yyyy` line (reported as the publication date), a header row, then one row per name.
 * Rows with the same `Group ID` are one entity `uk:<Group ID>`; they need not be adjacent
 * (see `groupByKey`: the file is read twice and each entity is yielded once its last row is
 * read). Columns are found by name. A missing `Name 6`, `Group Type` or `Group ID` column, a
 * malformed or cut-short row, or a file without name rows is rejected.
 */
export const ukConlistCsvParser: ListParser = {
  format: 'uk-conlist-csv',
  sniff: (head) => /^"?Last Updated"?\s*,/i.test(firstLine(head)),
  sourceOf: () => 'uk',
  parse: (input, ctx) => parseConList(input.primary, ctx),
};

async function* parseConList(file: ListFile, ctx: ParseContext): AsyncGenerator<Entity> {
  const groups = groupByKey(file, (pass) => readRows(file, pass === 1 ? ctx : undefined), (row) =>
    row.groupId !== '' ? row.groupId : `\u0000${row.record.line}`,
  );
  for await (const rows of groups) {
    const entity = toEntity(file, rows, ctx);
    if (entity) yield entity;
  }
}

/** The name rows with the header they belong to; reports the publication date when given `ctx`. */
async function* readRows(file: ListFile, ctx: ParseContext | undefined): AsyncGenerator<UkRow> {
  let header: CsvHeader | undefined;
  let rows = 0;
  for await (const record of readCsvRecords(file)) {
    if (header === undefined) {
      if (record.line === 1 && /^last updated$/i.test(record.fields[0]?.trim() ?? '')) {
        if (ctx) reportPublished(file, record, ctx);
        continue;
      }
      header = CsvHeader.read(file, record, REQUIRED);
      continue;
    }
    header.checkWidth(record);
    rows++;
    yield { header, record, groupId: header.value(record, 'Group ID') };
  }
  if (rows === 0) throw new ListRejectedError(file.name, 'file holds no records');
}

function reportPublished(file: ListFile, record: CsvRecord, ctx: ParseContext): void {
  const text = record.fields[1]?.trim() ?? '';
  const date = parseListDate(text);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) ctx.setPublishedAt(date.value);
  else ctx.warn(file.name, record.line, `"Last Updated" date not understood: "${text}"`);
}

function toEntity(file: ListFile, rows: readonly UkRow[], ctx: ParseContext): Entity | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const line = first.record.line;
  if (first.groupId === '') {
    ctx.warn(file.name, line, 'row has no Group ID; skipped');
    return undefined;
  }
  const groupType = rows.map((r) => r.header.value(r.record, 'Group Type')).find((t) => t !== '') ?? '';
  let schema = lookup(SCHEMAS, groupType.toLowerCase());
  if (!schema) {
    ctx.warn(file.name, line, `unknown Group Type "${groupType}" for group ${first.groupId}; read as LegalEntity`);
    schema = 'LegalEntity';
  }
  const draft = new EntityDraftBuilder(`uk:${first.groupId}`, 'uk', schema);
  for (const row of rows) addRow(file, draft, row, ctx);
  if (draft.names.length === 0) {
    ctx.warn(file.name, line, `group ${first.groupId} has no name; skipped`);
    return undefined;
  }
  if (!draft.hasPrimary()) ctx.warn(file.name, line, `group ${first.groupId} has no primary name; its first name is used`);
  return draft.build();
}

function addRow(file: ListFile, draft: EntityDraftBuilder, row: UkRow, ctx: ParseContext): void {
  const get = (...names: string[]): string => row.header.value(row.record, ...names);
  const kind = nameKind(get('Alias Type'), get('Alias Quality'));
  const given = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'].map((n) => get(n));
  const last = get('Name 6');
  const full = [...given, last].filter((p) => p !== '').join(' ');
  const parts = { first: given[0], middle: given.slice(1).join(' '), last, title: get('Title') };
  draft.addName(full, kind, draft.schema === 'Person' ? { parts } : {});

  const nonLatin = get('Name Non-Latin Script');
  if (nonLatin !== '') {
    const script = scriptOf(nonLatin) ?? lookup(SCRIPT_TYPES, get('Non-Latin Script Type').toLowerCase());
    const lang = lookup(LANGUAGES, get('Non-Latin Script Language').toLowerCase());
    draft.addName(nonLatin, kind === 'primary' ? 'alias' : kind, { ...(script ? { script } : {}), ...(lang ? { lang } : {}) });
  }

  const dob = get('DOB');
  if (dob !== '') {
    const date = parseListDate(dob);
    if (date) draft.birthDates.push(date);
    else ctx.warn(file.name, row.record.line, `DOB not understood: "${dob}"`);
  }
  const birthPlace = [get('Town of Birth'), get('Country of Birth')].filter((p) => p !== '').join(', ');
  if (birthPlace !== '') draft.birthPlaces.push(birthPlace);
  draft.nationalities.push(...countryValues(get('Nationality')));

  pairNumbered(get('Passport Number'), get('Passport Details')).forEach(([value, note]) =>
    draft.identifiers.push(identifierOf('Passport', value, undefined, note)),
  );
  pairNumbered(get('National Identification Number'), get('National Identification Details', 'NI Details')).forEach(
    ([value, note]) => draft.identifiers.push(identifierOf('National ID', value, undefined, note)),
  );
  draft.titles.push(...splitNumbered(get('Position')));

  const country = get('Country');
  const lines = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code'].map((n) => get(n));
  if (lines.some((l) => l !== '')) {
    draft.addresses.push(addressOf([...lines, country].filter((l) => l !== '').join(', '), country));
  }
  if (country !== '') draft.countries.push(countryOf(country));

  draft.remark(get('Other Information'));
  const regime = get('Regime');
  if (regime !== '') draft.programs.push(regime);
  draft.setListedOn(parseListDate(get('Listed On') || get('UK Sanctions List Date Designated'))?.value);
}

/**
 * The kind of a ConList name: `Primary Name` (older files: `Prime Alias`) is primary, `F.K.A.`
 * and `Prev...` former, anything else (`AKA`, `Primary Name Variation`) an alias; an alias of
 * `Low` quality is weak.
 */
function nameKind(aliasType: string, quality: string): NameKind {
  const t = aliasType.toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'primaryname' || t === 'primealias') return 'primary';
  if (quality.trim().toLowerCase().startsWith('low')) return 'weak';
  if (t === 'fka' || t.startsWith('prev') || t.startsWith('former')) return 'former';
  return 'alias';
}

/** Numbered numbers paired with their numbered details when the counts agree, else all details as the note. */
function pairNumbered(numbers: string, details: string): [string, string][] {
  const values = splitNumbered(numbers);
  const notes = splitNumbered(details);
  return values.map((v, i) => [v, notes.length === values.length ? (notes[i] ?? '') : details]);
}
