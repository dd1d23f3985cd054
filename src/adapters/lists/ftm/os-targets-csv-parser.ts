import type { Entity } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListParser, ParseContext } from '../list-parser.js';
import { CsvHeader, readCsvRecords, type CsvRecord } from '../uk/csv-records.js';
import { EntityDraftBuilder } from '../uk/entity-draft.js';
import { addressOf, countryOf, firstLine, identifierOf } from '../uk/list-values.js';
import { thingSchema } from './ftm-schemas.js';

const REQUIRED = ['id', 'schema', 'name'] as const;

/**
 * OpenSanctions `targets.simple.csv`: one row per target, header `id, schema, name, aliases,
 * birth_date, countries, addresses, identifiers, sanctions, phones, emails, [program_ids,]
 * dataset, first_seen, last_seen, last_change`, multiple values joined by `;` (a value holding
 * `;` or `"` is quoted inside the field). Columns are found by name; `id`, `schema` and `name`
 * are required. Entities keep their OpenSanctions ids; `name` is the primary name and every
 * alias an alias (the file does not tell weak or former names apart); `countries` mixes
 * nationality and jurisdiction and goes to `countries`; an identifier `Q<digits>` is a
 * Wikidata id. Programs come from `program_ids`; the sanctions' descriptions and the datasets
 * are kept in the remarks. Rows stream one by one.
 */
export const osTargetsCsvParser: ListParser = {
  format: 'os-targets-csv',
  sniff: (head) => firstLine(head).replace(/"/g, '').startsWith('id,schema,name,aliases'),
  sourceOf: () => 'opensanctions',
  parse: (input, ctx) => parseTargets(input.primary, ctx),
};

async function* parseTargets(file: ListFile, ctx: ParseContext): AsyncGenerator<Entity> {
  let header: CsvHeader | undefined;
  let rows = 0;
  for await (const record of readCsvRecords(file)) {
    if (header === undefined) {
      header = CsvHeader.read(file, record, REQUIRED);
      continue;
    }
    header.checkWidth(record);
    rows++;
    const entity = toEntity(file, header, record, ctx);
    if (entity) yield entity;
  }
  if (rows === 0) throw new ListRejectedError(file.name, 'file holds no records');
}

function toEntity(file: ListFile, header: CsvHeader, record: CsvRecord, ctx: ParseContext): Entity | undefined {
  const get = (name: string): string => header.value(record, name);
  const values = (name: string): string[] => splitValues(get(name));
  const id = get('id');
  const schema = thingSchema(get('schema'));
  if (id === '' || !schema) {
    ctx.warn(file.name, record.line, id === '' ? 'row has no id; skipped' : `schema "${get('schema')}" of ${id} is not screened; skipped`);
    return undefined;
  }
  const draft = new EntityDraftBuilder(id, 'opensanctions', schema);
  draft.addName(get('name'), 'primary');
  for (const alias of values('aliases')) draft.addName(alias, 'alias');
  if (draft.names.length === 0) {
    ctx.warn(file.name, record.line, `${id} has no name; skipped`);
    return undefined;
  }
  for (const d of values('birth_date')) {
    const date = parseListDate(d);
    if (date) draft.birthDates.push(date);
    else ctx.warn(file.name, record.line, `birth_date of ${id} not understood: "${d}"`);
  }
  draft.countries.push(...values('countries').map(countryOf));
  draft.addresses.push(...values('addresses').map((a) => addressOf(a)));
  draft.identifiers.push(...values('identifiers').map((v) => identifierOf(/^Q\d+$/.test(v) ? 'Wikidata' : 'Identifier', v)));
  draft.identifiers.push(...values('phones').map((v) => identifierOf('Phone', v)));
  draft.identifiers.push(...values('emails').map((v) => identifierOf('Email', v)));
  draft.programs.push(...values('program_ids'));
  for (const s of values('sanctions')) draft.remark(`Sanction: ${s}`);
  for (const d of values('dataset')) draft.remark(`Dataset: ${d}`);
  return draft.build();
}

/**
 * A multi-valued field: values joined by `;`, written as a CSV row (quotes around a value
 * that holds `;` or `"`, inner quotes doubled). Values are trimmed, blanks dropped.
 */
export function splitValues(text: string): string[] {
  if (!text.includes('"')) return text.split(';').map((v) => v.trim()).filter((v) => v !== '');
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"' && (quoted || current.trim() === '')) {
      quoted = !quoted;
    } else if (c === ';' && !quoted) {
      values.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  values.push(current);
  return values.map((v) => v.trim()).filter((v) => v !== '');
}
