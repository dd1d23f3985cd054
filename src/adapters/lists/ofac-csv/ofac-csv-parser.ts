import { basename } from 'node:path';
import { buildEntity } from '../../../domain/entities/build-entity.js';
import type { Address, Entity, EntityDraft, EntityName, Identifier, NameKind, Schema } from '../../../domain/entities/entity.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListInput, ListParser, ParseContext } from '../list-parser.js';
import { readOfacCsvBatches, type OfacCsvRow } from './ofac-csv-reader.js';
import { parseOfacRemarks } from './ofac-remarks.js';
import { ofacCountry } from './ofac-text.js';

/** OFAC cuts `remarks` at this many characters and goes on in the comments file. */
const REMARKS_LIMIT = 1000;

const SDN_COMPANIONS = Object.freeze({ add: 'add.csv', alt: 'alt.csv', comments: 'sdn_comments.csv' });
const CONS_COMPANIONS = Object.freeze({ add: 'cons_add.csv', alt: 'cons_alt.csv', comments: 'cons_comments.csv' });
const COMPANION_NAMES: ReadonlySet<string> = new Set([...Object.values(SDN_COMPANIONS), ...Object.values(CONS_COMPANIONS)]);

const SCHEMAS: Record<string, Schema> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Aircraft', '': 'Organization' };
const ALT_KINDS: Record<string, NameKind> = { aka: 'alias', fka: 'former', nka: 'alias' };

/** The first record of a primary file: ent_num, a quoted name, then a type (`-0-` or quoted). */
const FIRST_RECORD = /^\s*\d+,"(?:[^"\r\n]|"")*",(?:-0- ?|"[^"\r\n]*"),/;

/** A companion's rows by ent_num, with the line of the first. */
interface Companion<T> {
  readonly file: ListFile;
  readonly byEntNum: Map<string, { line: number; items: T[] }>;
}

/**
 * The OFAC legacy CSV set (`sdn.csv` / `cons_prim.csv` with the `add`, `alt` and `comments`
 * companions): persons, organisations, vessels and aircraft with their strong aliases
 * (alt), addresses (add) and the facts of their remarks (continued in comments).
 */
export const ofacCsvParser: ListParser = {
  format: 'ofac-csv',
  sniff: (head, fileName) => FIRST_RECORD.test(head) && head.includes('-0-') && !isCompanionName(fileName),
  sourceOf: (_head, fileName) => sourceOfName(fileName),
  companionsOf: (primaryName) => (isConsolidatedName(primaryName) ? CONS_COMPANIONS : SDN_COMPANIONS),
  parse: parseOfacCsv,
};

/**
 * Reads an OFAC CSV set into entities `<source>:<ent_num>`: companions first (into maps by
 * ent_num), then the primary file streamed record by record. Companion rows for ent_nums the
 * primary file lacks, and remarks cut at 1,000 characters with no continuation, are warnings;
 * a malformed, empty or cut-short file is a ListRejectedError.
 */
async function* parseOfacCsv(input: ListInput, ctx: ParseContext): AsyncGenerator<Entity> {
  const primaryBase = basename(input.primary.name);
  const source = sourceOfName(primaryBase);
  const alt = await readCompanion(input.companions.get('alt'), 5, (f) => altName(f.map((v) => v.trim())));
  const add = await readCompanion(input.companions.get('add'), 6, (f) => address(f.map((v) => v.trim())));
  const comments = await readCompanion(input.companions.get('comments'), 2, (f) => f[1] ?? '');
  const seen = new Set<string>();
  for await (const rows of readOfacCsvBatches(input.primary, { columns: 12, requireRecords: true })) for (const row of rows) {
    const entNum = entNumOf(input.primary, row);
    if (seen.has(entNum)) {
      ctx.warn(input.primary.name, row.line, `ent_num ${entNum} appears again; this record is ignored`);
      continue;
    }
    seen.add(entNum);
    const f = row.fields.map((v, i) => (i === 11 ? v : v.trim()));
    const continuation = comments?.byEntNum.get(entNum)?.items.join('') ?? '';
    const remarks = (f[11] ?? '') + continuation;
    const truncated = continuation === '' && (f[11] ?? '').length >= REMARKS_LIMIT;
    if (truncated) {
      const where = comments ? basename(comments.file.name) : 'a comments file';
      ctx.warn(input.primary.name, row.line, `remarks of ent_num ${entNum} stop at ${REMARKS_LIMIT} characters with no continuation in ${where}`);
    }
    yield buildEntity(draftOf(source, entNum, f, remarks, truncated, alt?.byEntNum.get(entNum)?.items ?? [], add?.byEntNum.get(entNum)?.items ?? []));
  }
  for (const companion of [add, alt, comments]) {
    if (!companion) continue;
    for (const [entNum, { line }] of companion.byEntNum) {
      if (!seen.has(entNum)) ctx.warn(companion.file.name, line, `ent_num ${entNum} is not in ${primaryBase}`);
    }
  }
}

function draftOf(
  source: string,
  entNum: string,
  f: readonly string[],
  remarks: string,
  truncated: boolean,
  altNames: readonly EntityName[],
  addresses: readonly Address[],
): EntityDraft {
  const [, name = '', type = '', programs = '', title = '', callSign = '', vesselType = '', tonnage = '', grt = '', flag = '', owner = ''] = f;
  const schema = SCHEMAS[type.toLowerCase()] ?? 'Organization';
  const facts = parseOfacRemarks(remarks, { truncated });
  const flagCountry = ofacCountry(flag);
  const vessel: Identifier[] =
    callSign + vesselType + tonnage + grt + owner === ''
      ? []
      : [
          { type: 'Call Sign', value: callSign },
          { type: 'Vessel Type', value: vesselType },
          { type: 'Tonnage', value: tonnage },
          { type: 'Gross Registered Tonnage', value: grt },
          { type: 'Vessel Owner', value: owner },
        ].filter((i) => i.value !== '');
  return {
    id: `${source}:${entNum}`,
    source,
    schema,
    names: [primaryName(name, schema), ...altNames, ...facts.names],
    birthDates: facts.birthDates,
    birthPlaces: facts.birthPlaces,
    nationalities: facts.nationalities,
    citizenships: facts.citizenships,
    countries: [
      ...facts.countries,
      ...addresses.flatMap((a) => (a.country ? [a.country] : [])),
      ...(flagCountry ? [flagCountry] : []),
    ],
    identifiers: [...vessel, ...facts.identifiers],
    addresses,
    programs: splitPrograms(programs),
    titles: [title, ...facts.titles],
    linkedTo: facts.linkedTo,
    ...(facts.gender ? { gender: facts.gender } : {}),
    ...(remarks !== '' ? { remarks } : {}),
  };
}

/** The list's name as written; a person's "LAST, First Middle" also gives its parts. */
function primaryName(full: string, schema: Schema): EntityName {
  const comma = full.indexOf(', ');
  if (schema !== 'Person' || comma <= 0) return { full, kind: 'primary' };
  const last = full.slice(0, comma).trim();
  const first = full.slice(comma + 2).trim();
  return { full, kind: 'primary', parts: first === '' ? { last } : { last, first } };
}

/** `SDGT] [IRGC] [IFSR` → ['SDGT', 'IRGC', 'IFSR']. */
function splitPrograms(programs: string): string[] {
  return programs
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter((p) => p !== '');
}

function altName(f: readonly string[]): EntityName | undefined {
  const [, , altType = '', full = '', altRemarks = ''] = f;
  if (full === '') return undefined;
  const kind = /\bweak\b/i.test(altRemarks) ? 'weak' : (ALT_KINDS[altType.toLowerCase()] ?? 'alias');
  return { full, kind };
}

function address(f: readonly string[]): Address | undefined {
  const [, , street = '', cityStatePostal = '', countryText = ''] = f;
  const country = ofacCountry(countryText);
  const parts = [street, cityStatePostal, country ? countryText : ''].filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  return {
    full: parts.join(', '),
    ...(cityStatePostal !== '' ? { city: cityStatePostal } : {}),
    ...(country ? { country } : {}),
  };
}

/** Reads a companion file into its rows' values by ent_num (undefined when not given). */
async function readCompanion<T>(
  file: ListFile | undefined,
  columns: number,
  read: (fields: readonly string[]) => T | undefined,
): Promise<Companion<T> | undefined> {
  if (!file) return undefined;
  const byEntNum = new Map<string, { line: number; items: T[] }>();
  for await (const rows of readOfacCsvBatches(file, { columns, requireRecords: false })) {
    for (const row of rows) {
      const entNum = entNumOf(file, row);
      let entry = byEntNum.get(entNum);
      if (!entry) byEntNum.set(entNum, (entry = { line: row.line, items: [] }));
      const value = read(row.fields);
      if (value !== undefined) entry.items.push(value);
    }
  }
  return { file, byEntNum };
}

function entNumOf(file: ListFile, row: OfacCsvRow): string {
  const entNum = (row.fields[0] ?? '').trim();
  if (!/^\d+$/.test(entNum)) {
    throw new ListRejectedError(file.name, `ent_num must be a number, found "${entNum.slice(0, 40)}"`, row.line);
  }
  return entNum.replace(/^0+(?=\d)/, '');
}

function sourceOfName(fileName: string): string {
  return isConsolidatedName(fileName) ? 'ofac-cons' : 'ofac-sdn';
}

function isConsolidatedName(fileName: string): boolean {
  return /^cons/i.test(basename(fileName));
}

function isCompanionName(fileName: string): boolean {
  return COMPANION_NAMES.has(basename(fileName).toLowerCase());
}
