import type { Address, Entity, Identifier, NameParts } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListParser, ParseContext } from '../list-parser.js';
import { EntityDraftBuilder } from '../uk/entity-draft.js';
import { addressOf, countryOf, firstLine, genderOf, identifierOf, lookup } from '../uk/list-values.js';
import { FTM_THING_SCHEMAS, thingSchema } from './ftm-schemas.js';
import { readJsonLines } from './json-lines.js';

/** FollowTheMoney property values: every property is a list of strings. */
type Properties = Readonly<Record<string, readonly string[]>>;

/** Properties that identify a thing, and the identifier type each becomes. */
const IDENTIFIERS: Readonly<Record<string, string>> = {
  idNumber: 'ID Number',
  passportNumber: 'Passport',
  taxNumber: 'Tax ID',
  registrationNumber: 'Registration Number',
  innCode: 'INN',
  ogrnCode: 'OGRN',
  leiCode: 'LEI',
  swiftBic: 'SWIFT/BIC',
  vatCode: 'VAT',
  imoNumber: 'IMO',
  mmsi: 'MMSI',
  callSign: 'Call Sign',
  email: 'Email',
  website: 'Website',
};

/** Link schemas: the two properties that point at the things they tie together. */
const LINKS: Readonly<Record<string, readonly [string, string]>> = {
  Ownership: ['owner', 'asset'],
  Directorship: ['director', 'organization'],
  Family: ['person', 'relative'],
  Associate: ['person', 'associate'],
  Membership: ['member', 'organization'],
  Employment: ['employee', 'employer'],
  Representation: ['agent', 'client'],
  Succession: ['predecessor', 'successor'],
  UnknownLink: ['subject', 'object'],
};

interface Thing {
  readonly id: string;
  readonly line: number;
  readonly caption: string;
  readonly ftmSchema: string;
  readonly props: Record<string, string[]>;
  /** The ids of the source entities OpenSanctions merged into this one. */
  readonly referents: string[];
}

/** What other entities of the file add to a thing. */
interface Enrichment {
  readonly programs: string[];
  readonly listingDates: string[];
  readonly identifiers: Identifier[];
  readonly addressIds: string[];
  readonly linkedIds: string[];
  readonly positionIds: string[];
}

/**
 * OpenSanctions FollowTheMoney JSON lines (`entities.ftm.json`): one entity per line,
 * `{"id","schema","properties":{...}}` with list values. Thing schemas (see
 * `FTM_THING_SCHEMAS`) become entities under their own ids; the others enrich the things they
 * point at: a Sanction adds programs and its listing date, an Identification or Passport an
 * identifier, an Address (through `addressEntity`) an address, an Occupancy the name of its
 * Position as a title, and links (Ownership, Family, Directorship...) the other side's name to
 * `linkedTo`. Because an enricher may come before or after its thing, the things and their
 * enrichments are kept in memory and yielded after the last line: this parser's memory grows
 * with the file (FtM exports Warden reads are small next to memory). Topics are not programs
 * and are left out. A line that is not a JSON object, or a file without entities, is rejected.
 */
export const ftmJsonlParser: ListParser = {
  format: 'ftm-jsonl',
  sniff: (head) => {
    const line = firstLine(head).trim();
    return line.startsWith('{') && /"schema"\s*:/.test(line) && /"properties"\s*:/.test(line);
  },
  sourceOf: () => 'opensanctions',
  parse: (input, ctx) => parseFtm(input.primary, ctx),
};

async function* parseFtm(file: ListFile, ctx: ParseContext): AsyncGenerator<Entity> {
  const things = new Map<string, Thing>();
  const thingByReferent = new Map<string, Thing>();
  const enrichments = new Map<string, Enrichment>();
  const addresses = new Map<string, Address>();
  const positions = new Map<string, string>();
  let records = 0;
  const enrich = (id: string): Enrichment => {
    let e = enrichments.get(id);
    if (!e) enrichments.set(id, (e = { programs: [], listingDates: [], identifiers: [], addressIds: [], linkedIds: [], positionIds: [] }));
    return e;
  };

  for await (const { value, line } of readJsonLines(file)) {
    records++;
    const id = typeof value['id'] === 'string' ? value['id'] : '';
    const schema = typeof value['schema'] === 'string' ? value['schema'] : '';
    if (id === '' || schema === '') {
      ctx.warn(file.name, line, 'entity without an id or schema; skipped');
      continue;
    }
    const props = properties(value['properties']);
    const caption = typeof value['caption'] === 'string' ? value['caption'] : '';
    const referents = Array.isArray(value['referents']) ? value['referents'].filter((r): r is string => typeof r === 'string') : [];
    if (thingSchema(schema)) {
      const known = things.get(id);
      if (known) {
        mergeProps(known.props, props);
        known.referents.push(...referents);
      } else {
        things.set(id, { id, line, caption, ftmSchema: schema, props: { ...props }, referents: [...referents] });
      }
      for (const r of referents) if (!things.has(r)) thingByReferent.set(r, things.get(id) as Thing);
    } else if (schema === 'Sanction') {
      for (const target of props['entity'] ?? []) {
        const e = enrich(target);
        e.programs.push(...((props['programId'] ?? []).length > 0 ? (props['programId'] ?? []) : (props['program'] ?? [])));
        e.listingDates.push(...(props['listingDate'] ?? []), ...(props['startDate'] ?? []));
      }
    } else if (schema === 'Identification' || schema === 'Passport') {
      for (const holder of props['holder'] ?? []) {
        for (const number of props['number'] ?? []) {
          const type = schema === 'Passport' ? 'Passport' : (props['type']?.[0] ?? 'Identification');
          enrich(holder).identifiers.push(identifierOf(type, number, props['country']?.[0]));
        }
      }
    } else if (schema === 'Address') {
      const full = props['full']?.[0] ?? caption;
      const address = addressOf(full, props['country']?.[0], props['city']?.[0]);
      if (full !== '') for (const key of [id, ...referents]) addresses.set(key, address);
    } else if (schema === 'Position') {
      const name = props['name']?.[0] ?? caption;
      if (name !== '') positions.set(id, name);
    } else if (schema === 'Occupancy') {
      for (const holder of props['holder'] ?? []) enrich(holder).positionIds.push(...(props['post'] ?? []));
    } else {
      const link = lookup(LINKS, schema);
      if (!link) continue;
      const [a, b] = link;
      for (const x of props[a] ?? []) for (const y of props[b] ?? []) {
        enrich(x).linkedIds.push(y);
        enrich(y).linkedIds.push(x);
      }
    }
  }
  if (records === 0) throw new ListRejectedError(file.name, 'file holds no records');
  if (things.size === 0) {
    throw new ListRejectedError(file.name, `file holds no entity of a screened schema (${Object.keys(FTM_THING_SCHEMAS).join(', ')})`);
  }

  const thingOf = (id: string): Thing | undefined => things.get(id) ?? thingByReferent.get(id);
  for (const thing of things.values()) {
    const draft = toDraft(file, thing, ctx);
    if (!draft) continue;
    for (const key of new Set([thing.id, ...thing.referents])) {
      const e = enrichments.get(key);
      if (!e) continue;
      draft.programs.push(...e.programs);
      for (const d of e.listingDates) draft.setListedOn(parseListDate(d)?.value);
      draft.identifiers.push(...e.identifiers);
      draft.linkedTo.push(...e.linkedIds.filter((id) => thingOf(id) !== thing).map((id) => primaryOf(thingOf(id))));
      draft.titles.push(...e.positionIds.map((id) => positions.get(id) ?? ''));
    }
    for (const id of thing.props['addressEntity'] ?? []) {
      const address = addresses.get(id);
      if (address) draft.addresses.push(address);
      if (address?.country) draft.countries.push(address.country);
    }
    yield draft.build();
  }
}

/** The thing's own properties as a draft, or undefined (with a warning) when it has no name. */
function toDraft(file: ListFile, thing: Thing, ctx: ParseContext): EntityDraftBuilder | undefined {
  const p = thing.props;
  const get = (name: string): readonly string[] => p[name] ?? [];
  const draft = new EntityDraftBuilder(thing.id, 'opensanctions', thingSchema(thing.ftmSchema) ?? 'LegalEntity');
  const names = get('name');
  const primary = primaryOf(thing);
  if (primary === '') {
    ctx.warn(file.name, thing.line, `${thing.ftmSchema} ${thing.id} has no name; skipped`);
    return undefined;
  }
  draft.addName(primary, 'primary', draft.schema === 'Person' ? { parts: partsIn(primary, p) } : {});
  for (const n of names) draft.addName(n, 'alias');
  for (const n of get('alias')) draft.addName(n, 'alias');
  for (const n of get('previousName')) draft.addName(n, 'former');
  for (const n of get('weakAlias')) draft.addName(n, 'weak');

  for (const d of get('birthDate')) {
    const date = parseListDate(d);
    if (date) draft.birthDates.push(date);
    else ctx.warn(file.name, thing.line, `birthDate of ${thing.id} not understood: "${d}"`);
  }
  draft.birthPlaces.push(...get('birthPlace'));
  draft.nationalities.push(...get('nationality').map(countryOf));
  draft.citizenships.push(...get('citizenship').map(countryOf));
  draft.countries.push(...[...get('country'), ...get('jurisdiction'), ...get('flag')].map(countryOf));
  draft.gender = genderOf(get('gender')[0] ?? '');
  for (const [prop, type] of Object.entries(IDENTIFIERS)) {
    for (const v of get(prop)) draft.identifiers.push(identifierOf(type, v));
  }
  for (const a of get('address')) draft.addresses.push(addressOf(a));
  draft.titles.push(...get('position'));
  draft.programs.push(...(get('programId').length > 0 ? get('programId') : get('program')));
  for (const r of [...get('summary'), ...get('notes')]) draft.remark(r);
  return draft;
}

/** Name parts of a person's name: of each part property, the first value found in the name. */
function partsIn(name: string, p: Properties): NameParts {
  const lower = name.toLowerCase();
  const pick = (prop: string): string | undefined => p[prop]?.find((v) => v.trim() !== '' && lower.includes(v.toLowerCase()));
  return { first: pick('firstName'), middle: pick('middleName'), last: pick('lastName'), patronymic: pick('fatherName') };
}

/**
 * The primary name of a thing: its caption (OpenSanctions' display name, stable from one export
 * to the next) when it is one of its names, else its first name, else its caption or first and
 * last name.
 */
function primaryOf(thing: Thing | undefined): string {
  if (!thing) return '';
  const names = thing.props['name'] ?? [];
  if (thing.caption !== '' && names.includes(thing.caption)) return thing.caption;
  const fallback = thing.caption || [thing.props['firstName']?.[0], thing.props['lastName']?.[0]].filter(Boolean).join(' ');
  return names[0] ?? fallback;
}

function properties(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(value)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (list.length > 0) out[k] = list;
  }
  return out;
}

function mergeProps(into: Record<string, string[]>, from: Properties): void {
  for (const [k, v] of Object.entries(from)) into[k] = [...(into[k] ?? []), ...v];
}
