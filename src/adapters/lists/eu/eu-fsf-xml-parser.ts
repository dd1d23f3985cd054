import type { EntityName, PartialDate } from '../../../domain/entities/entity.js';
import type { ListParser } from '../list-parser.js';
import { type DraftBag, addAddress, countryOf, earliest, genderOf, joinParts, newDraft, readDate } from '../xml/entity-draft.js';
import { type XmlNode, attrOf, nodesAt, textsAt } from '../xml/xml-node.js';
import { xmlEntities, xmlRoot } from '../xml/xml-records.js';

/** Flags of an `identification` that qualify the document, with how the note says them. */
const DOCUMENT_FLAGS: readonly (readonly [string, string])[] = [
  ['knownFalse', 'known false'],
  ['knownExpired', 'known expired'],
  ['reportedLost', 'reported lost'],
  ['revokedByIssuer', 'revoked by issuer'],
  ['diplomatic', 'diplomatic'],
];

/**
 * The EU Financial Sanctions Files XML (FSF 1.1): `export/sanctionEntity`, streamed. Each
 * entity becomes `eu:<logicalId>` (subjectType `person` → Person, others → Organization)
 * with: every nameAlias (the first is the primary name, `strong="false"` ones are weak, the
 * rest aliases; parts, title and language kept; `function` and `title` as titles; gender),
 * regulation programmes as programs, `designationDate` (else the earliest regulation
 * publication) as `listedOn`, birthdates (exact, year/month/day, year ranges, circa) and
 * their places, citizenships, identifications (flags such as "known false" in the note),
 * addresses and remarks (the entity's and those on its names, birthdates, citizenships and
 * addresses). `generationDate` is the publication date.
 */
export const euFsfXmlParser: ListParser = {
  format: 'eu-fsf-xml',
  sniff(head) {
    const root = xmlRoot(head);
    if (root?.name !== 'export') return false;
    return root.namespace === undefined ? /<sanctionEntity\b/.test(head) : /fsd\/export/i.test(root.namespace);
  },
  sourceOf: () => 'eu',
  parse(input, ctx) {
    return xmlEntities(input, ctx, {
      records: ['sanctionEntity'],
      onHeader(path, value) {
        if (path === 'export/@generationDate' && /^\d{4}-\d{2}-\d{2}/.test(value)) ctx.setPublishedAt(value.slice(0, 10));
      },
      toDraft: euDraft,
    });
  },
};

function euDraft(node: XmlNode, warn: (message: string) => void): DraftBag | undefined {
  const logicalId = attrOf(node, 'logicalId');
  if (!logicalId) {
    warn('sanctionEntity without a logicalId: skipped');
    return undefined;
  }
  const code = nodesAt(node, 'subjectType').map((s) => attrOf(s, 'code'))[0];
  const bag = newDraft(`eu:${logicalId}`, 'eu', code === 'person' ? 'Person' : 'Organization');
  nodesAt(node, 'nameAlias').forEach((alias, i) => addName(bag, alias, i === 0));
  const regulations = nodesAt(node, 'regulation');
  bag.programs.push(...regulations.map((r) => attrOf(r, 'programme') ?? ''));
  const listedOn = attrOf(node, 'designationDate') ?? earliest(regulations.map((r) => attrOf(r, 'publicationDate')));
  const listed = readDate(listedOn);
  if (listed) bag.listedOn = listed.value;
  for (const b of nodesAt(node, 'birthdate')) {
    const date = birthDate(b);
    if (date) bag.birthDates.push(date);
    else if (attrOf(b, 'birthdate') ?? attrOf(b, 'year')) warn(`${bag.id}: unreadable birthdate`);
    const place = joinParts([given(b, 'place'), given(b, 'city'), given(b, 'region'), countryName(b)]);
    if (place) bag.birthPlaces.push(place);
  }
  for (const c of nodesAt(node, 'citizenship')) {
    const country = countryCode(c);
    if (country) bag.citizenships.push(country);
  }
  for (const id of nodesAt(node, 'identification')) addIdentification(bag, id);
  for (const a of nodesAt(node, 'address')) {
    const parts = ['street', 'poBox', 'zipCode', 'city', 'place', 'region'].map((k) => given(a, k));
    addAddress(bag, parts, given(a, 'city'), countryName(a), countryCode(a));
  }
  for (const path of ['remark', 'nameAlias/remark', 'birthdate/remark', 'citizenship/remark', 'address/remark']) {
    bag.remarks.push(...textsAt(node, path));
  }
  return bag;
}

function addName(bag: DraftBag, alias: XmlNode, first: boolean): void {
  const firstName = given(alias, 'firstName');
  const middle = given(alias, 'middleName');
  const last = given(alias, 'lastName');
  const title = given(alias, 'title');
  const full = given(alias, 'wholeName') ?? [firstName, middle, last].filter(Boolean).join(' ');
  const lang = given(alias, 'nameLanguage')?.toLowerCase();
  if (full) {
    const parts = {
      ...(firstName ? { first: firstName } : {}),
      ...(middle ? { middle } : {}),
      ...(last ? { last } : {}),
      ...(title ? { title } : {}),
    };
    const name: EntityName = {
      full,
      kind: first ? 'primary' : attrOf(alias, 'strong') === 'false' ? 'weak' : 'alias',
      ...(Object.keys(parts).length > 0 ? { parts } : {}),
      ...(lang ? { lang } : {}),
    };
    bag.names.push(name);
  }
  for (const t of [title, given(alias, 'function')]) if (t) bag.titles.push(t);
  const gender = genderOf(given(alias, 'gender'));
  if (gender) bag.gender = gender;
}

/** A birthdate: the full date, else year[/month[/day]], else a year range; `circa` kept. */
function birthDate(b: XmlNode): PartialDate | undefined {
  const circa = attrOf(b, 'circa') === 'true';
  let date = readDate(given(b, 'birthdate'));
  const year = given(b, 'year');
  if (!date && year) {
    const month = given(b, 'monthOfYear')?.padStart(2, '0');
    const day = given(b, 'dayOfMonth')?.padStart(2, '0');
    date = readDate(month ? (day ? `${year}-${month}-${day}` : `${year}-${month}`) : year);
  }
  const from = given(b, 'yearRangeFrom');
  const to = given(b, 'yearRangeTo');
  if (!date && from && to) date = { value: from, to };
  if (!date) return undefined;
  return circa ? { ...date, circa } : date;
}

function addIdentification(bag: DraftBag, id: XmlNode): void {
  const number = given(id, 'number') ?? given(id, 'latinNumber');
  if (!number) return;
  const type = given(id, 'identificationTypeDescription') ?? given(id, 'identificationTypeCode') ?? 'Identification';
  const nameOnDocument = given(id, 'nameOnDocument');
  const note = joinParts([
    given(id, 'issuedBy'),
    nameOnDocument ? `name on document ${nameOnDocument}` : undefined,
    ...DOCUMENT_FLAGS.map(([flag, text]) => (attrOf(id, flag) === 'true' ? text : undefined)),
    ...textsAt(id, 'remark'),
  ]);
  const country = countryCode(id);
  bag.identifiers.push({ type, value: number, ...(country ? { country } : {}), ...(note ? { note } : {}) });
}

/** An attribute as given, with the FSF's placeholders for "none" (`-`) treated as absent. */
function given(node: XmlNode, name: string): string | undefined {
  const v = attrOf(node, name);
  return v === '-' ? undefined : v;
}

/** The element's country as written (`countryDescription`), unless it is `UNKNOWN`. */
function countryName(node: XmlNode): string | undefined {
  const d = given(node, 'countryDescription');
  return d && d.toUpperCase() !== 'UNKNOWN' ? d : undefined;
}

/** The element's country code (`countryIso2Code`, `00` meaning unknown), else its name resolved. */
function countryCode(node: XmlNode): string | undefined {
  const iso = given(node, 'countryIso2Code')?.toUpperCase();
  if (iso && /^[A-Z]{2}$/.test(iso)) return iso;
  const name = countryName(node);
  return name ? countryOf(name) : undefined;
}
