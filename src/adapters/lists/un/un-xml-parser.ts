import type { EntityName, NameKind, NameParts, PartialDate } from '../../../domain/entities/entity.js';
import type { ListParser } from '../list-parser.js';
import { type DraftBag, addAddress, addCountry, countryOf, genderOf, joinParts, newDraft, readDate } from '../xml/entity-draft.js';
import { type XmlNode, nodesAt, textAt, textsAt } from '../xml/xml-node.js';
import { xmlEntities, xmlRoot } from '../xml/xml-records.js';

const NAME_FIELDS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

/**
 * The UN Security Council consolidated list XML: `CONSOLIDATED_LIST` with
 * `INDIVIDUALS/INDIVIDUAL` (→ Person) and `ENTITIES/ENTITY` (→ Organization), streamed. Each
 * record becomes `un:<REFERENCE_NUMBER>` with: the primary name joined from FIRST_NAME…
 * FOURTH_NAME (persons get parts: first, middle, last; a name joining several with `;` also
 * gives each as an alias); NAME_ORIGINAL_SCRIPT as an alias
 * with its script; aliases (Good / a.k.a. → alias, Low → weak, f.k.a. → former; `;`
 * separates several names in one ALIAS_NAME; empty ones skipped); UN_LIST_TYPE as program;
 * LISTED_ON; GENDER; TITLE and DESIGNATION values as titles; NATIONALITY values; dates of
 * birth (EXACT, APPROXIMATELY → circa, BETWEEN → range; alias dates too); places of birth;
 * documents; addresses; COMMENTS1 as remarks. `dateGenerated` is the publication date.
 */
export const unXmlParser: ListParser = {
  format: 'un-xml',
  sniff: (head) => xmlRoot(head)?.name === 'CONSOLIDATED_LIST',
  sourceOf: () => 'un',
  parse(input, ctx) {
    return xmlEntities(input, ctx, {
      records: ['INDIVIDUAL', 'ENTITY'],
      onHeader(path, value) {
        if (path === 'CONSOLIDATED_LIST/@dateGenerated' && /^\d{4}-\d{2}-\d{2}/.test(value)) ctx.setPublishedAt(value.slice(0, 10));
      },
      toDraft: unDraft,
    });
  },
};

function unDraft(node: XmlNode, warn: (message: string) => void): DraftBag | undefined {
  const ref = textAt(node, 'REFERENCE_NUMBER');
  if (!ref) {
    warn(`${node.name} without a REFERENCE_NUMBER: skipped`);
    return undefined;
  }
  const person = node.name === 'INDIVIDUAL';
  const bag = newDraft(`un:${ref}`, 'un', person ? 'Person' : 'Organization');
  const primary = primaryName(node, person);
  if (primary) bag.names.push(primary);
  if (primary?.full.includes(';')) bag.names.push(...splitNames(primary.full, 'alias'));
  for (const original of textsAt(node, 'NAME_ORIGINAL_SCRIPT')) bag.names.push({ full: original, kind: 'alias' });
  for (const alias of nodesAt(node, person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) addAlias(bag, alias, warn);
  bag.programs.push(...textsAt(node, 'UN_LIST_TYPE'));
  const listedOn = readDate(textAt(node, 'LISTED_ON'));
  if (listedOn) bag.listedOn = listedOn.value;
  const gender = genderOf(textAt(node, 'GENDER'));
  if (gender) bag.gender = gender;
  bag.titles.push(...textsAt(node, 'TITLE/VALUE'), ...textsAt(node, 'DESIGNATION/VALUE'));
  for (const n of textsAt(node, 'NATIONALITY/VALUE')) addCountry(bag.nationalities, n);
  for (const dob of nodesAt(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const date = birthDate(dob);
    if (date) bag.birthDates.push(date);
  }
  for (const pob of nodesAt(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const place = joinParts(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((f) => textAt(pob, f)));
    if (place) bag.birthPlaces.push(place);
  }
  for (const doc of nodesAt(node, 'INDIVIDUAL_DOCUMENT')) addDocument(bag, doc);
  for (const a of nodesAt(node, person ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS')) {
    const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE'].map((f) => textAt(a, f));
    addAddress(bag, parts, textAt(a, 'CITY'), textAt(a, 'COUNTRY'));
  }
  bag.remarks.push(...textsAt(node, 'COMMENTS1'));
  return bag;
}

/** The record's name as the list writes it; persons get parts (first, middle…, last). */
function primaryName(node: XmlNode, person: boolean): EntityName | undefined {
  const parts = NAME_FIELDS.map((f) => textAt(node, f)).filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  const full = parts.join(' ');
  if (!person) return { full, kind: 'primary' };
  const [first, ...rest] = parts;
  const last = rest.pop();
  const named: NameParts = {
    ...(first ? { first } : {}),
    ...(rest.length > 0 ? { middle: rest.join(' ') } : {}),
    ...(last ? { last } : {}),
  };
  return { full, kind: 'primary', parts: named };
}

function addAlias(bag: DraftBag, alias: XmlNode, warn: (message: string) => void): void {
  const kind = aliasKind(textAt(alias, 'QUALITY'));
  bag.names.push(...splitNames(textAt(alias, 'ALIAS_NAME') ?? '', kind));
  const dob = textAt(alias, 'DATE_OF_BIRTH');
  if (dob) {
    const date = readDate(dob);
    if (date) bag.birthDates.push(date);
    else warn(`${bag.id}: unreadable alias date of birth "${dob}"`);
  }
  const place = joinParts([textAt(alias, 'CITY_OF_BIRTH'), textAt(alias, 'COUNTRY_OF_BIRTH')]);
  if (place) bag.birthPlaces.push(place);
}

/** The names in a `;`-separated list (the UN writes several aliases, or two names of one entity, so). */
function splitNames(text: string, kind: NameKind): EntityName[] {
  return text
    .split(';')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((full) => ({ full, kind }));
}

function aliasKind(quality: string | undefined): NameKind {
  const q = (quality ?? '').toLowerCase();
  if (q === 'low') return 'weak';
  if (q.startsWith('f.k.a')) return 'former';
  return 'alias';
}

/**
 * An INDIVIDUAL_DATE_OF_BIRTH: EXACT (DATE or YEAR), APPROXIMATELY (circa), BETWEEN
 * (FROM_YEAR to TO_YEAR); a NOTE that is a date (`Nov. 1973`) stands in for a missing one.
 */
function birthDate(dob: XmlNode): PartialDate | undefined {
  const type = (textAt(dob, 'TYPE_OF_DATE') ?? '').toUpperCase();
  if (type === 'BETWEEN') {
    const from = readDate(textAt(dob, 'FROM_YEAR'));
    const to = readDate(textAt(dob, 'TO_YEAR'));
    if (from && to) return { value: from.value, to: to.value };
    return from ?? to;
  }
  const date = readDate(textAt(dob, 'DATE') ?? textAt(dob, 'YEAR') ?? textAt(dob, 'NOTE'));
  if (!date) return undefined;
  return type === 'APPROXIMATELY' ? { ...date, circa: true } : date;
}

function addDocument(bag: DraftBag, doc: XmlNode): void {
  const number = textAt(doc, 'NUMBER');
  if (!number) return;
  const type = (textAt(doc, 'TYPE_OF_DOCUMENT') ?? 'Document').replace(/\s+/g, ' ');
  const country = textAt(doc, 'ISSUING_COUNTRY') ?? textAt(doc, 'COUNTRY_OF_ISSUE');
  const issued = textAt(doc, 'DATE_OF_ISSUE');
  const note = joinParts([
    textAt(doc, 'TYPE_OF_DOCUMENT2'),
    issued ? `issued ${issued}` : undefined,
    textAt(doc, 'CITY_OF_ISSUE'),
    textAt(doc, 'NOTE'),
  ]);
  bag.identifiers.push({ type, value: number, ...(country ? { country: countryOf(country) } : {}), ...(note ? { note } : {}) });
}
