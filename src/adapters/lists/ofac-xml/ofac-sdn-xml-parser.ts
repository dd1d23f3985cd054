import type { EntityName, NameKind } from '../../../domain/entities/entity.js';
import type { ListParser } from '../list-parser.js';
import { type DraftBag, addAddress, addCountry, joinParts, newDraft } from '../xml/entity-draft.js';
import { type XmlNode, nodesAt, textAt, textsAt } from '../xml/xml-node.js';
import { baseNameHas, xmlEntities, xmlRoot } from '../xml/xml-records.js';
import { applyOfacFact, linkedToIn, ofacBirthDate, ofacFullName, ofacSchema } from './ofac-facts.js';

/** The source of an OFAC SDN.XML-format file: `ofac-cons` when its name contains `cons`, else `ofac-sdn`. */
function sourceOf(_head: string, fileName: string): string {
  return baseNameHas(fileName, 'cons') ? 'ofac-cons' : 'ofac-sdn';
}

/**
 * OFAC's classic XML (`SDN.XML`, `CONSOLIDATED.XML`): `sdnList/sdnEntry`, streamed. Each
 * entry becomes `<source>:<uid>` with its names (persons as `LAST, First` with parts; a.k.a.
 * strong → alias, weak → weak, f.k.a. → former), programs, title, ids (Gender → gender,
 * Email Address / Website / Vessel Registration Identification... → identifiers, secondary
 * sanctions notes → remarks), addresses, nationalities, citizenships, dates and places of
 * birth, vessel call sign / flag / owner, and `Linked To:` names from the remarks.
 * `Publish_Date` (MM/DD/YYYY) is reported as the publication date.
 */
export const ofacSdnXmlParser: ListParser = {
  format: 'ofac-sdn-xml',
  sniff: (head) => xmlRoot(head)?.name === 'sdnList',
  sourceOf,
  parse(input, ctx) {
    const source = sourceOf('', input.primary.name);
    return xmlEntities(input, ctx, {
      records: ['sdnEntry'],
      onHeader(path, value) {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
        if (path.endsWith('/Publish_Date') && m?.[1] && m[2] && m[3]) {
          ctx.setPublishedAt(`${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`);
        }
      },
      toDraft: (node, warn) => sdnEntryDraft(node, source, warn),
    });
  },
};

function sdnEntryDraft(node: XmlNode, source: string, warn: (message: string) => void): DraftBag | undefined {
  const uid = textAt(node, 'uid');
  if (!uid) {
    warn('sdnEntry without a uid: skipped');
    return undefined;
  }
  const bag = newDraft(`${source}:${uid}`, source, ofacSchema(textAt(node, 'sdnType')));
  const person = bag.schema === 'Person';
  const primary = sdnName(node, 'primary', person);
  if (primary) bag.names.push(primary);
  for (const aka of nodesAt(node, 'akaList/aka')) {
    const name = sdnName(aka, akaKind(aka), person);
    if (name) bag.names.push(name);
  }
  bag.programs.push(...textsAt(node, 'programList/program'));
  bag.titles.push(...textsAt(node, 'title'));
  const remarks = textAt(node, 'remarks');
  if (remarks) bag.remarks.push(remarks);
  bag.linkedTo.push(...linkedToIn(remarks));
  for (const id of nodesAt(node, 'idList/id')) {
    const type = textAt(id, 'idType');
    const value = textAt(id, 'idNumber');
    if (!type || !value) continue;
    const note = joinParts([dated('issued', textAt(id, 'issueDate')), dated('expires', textAt(id, 'expirationDate'))]);
    applyOfacFact(bag, type, value, textAt(id, 'idCountry'), note || undefined);
  }
  for (const a of nodesAt(node, 'addressList/address')) {
    const city = textAt(a, 'city');
    const parts = ['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'region'].map((p) => textAt(a, p));
    addAddress(bag, parts, city, textAt(a, 'country'));
  }
  for (const c of textsAt(node, 'nationalityList/nationality/country')) addCountry(bag.nationalities, c);
  for (const c of textsAt(node, 'citizenshipList/citizenship/country')) addCountry(bag.citizenships, c);
  for (const text of textsAt(node, 'dateOfBirthList/dateOfBirthItem/dateOfBirth')) {
    const date = ofacBirthDate(text);
    if (date) bag.birthDates.push(date);
    else warn(`${bag.id}: unreadable date of birth "${text}"`);
  }
  bag.birthPlaces.push(...textsAt(node, 'placeOfBirthList/placeOfBirthItem/placeOfBirth'));
  addVesselInfo(bag, node);
  return bag;
}

function sdnName(node: XmlNode, kind: NameKind, person: boolean): EntityName | undefined {
  const last = textAt(node, 'lastName');
  const first = textAt(node, 'firstName');
  const full = ofacFullName(last, first);
  if (full === '') return undefined;
  if (!person || !first) return { full, kind };
  return { full, kind, parts: { first, ...(last ? { last } : {}) } };
}

function akaKind(aka: XmlNode): NameKind {
  const type = (textAt(aka, 'type') ?? '').toLowerCase();
  if (type.startsWith('f.k.a')) return 'former';
  return (textAt(aka, 'category') ?? '').toLowerCase() === 'weak' ? 'weak' : 'alias';
}

function addVesselInfo(bag: DraftBag, node: XmlNode): void {
  const info = nodesAt(node, 'vesselInfo')[0];
  if (!info) return;
  const callSign = textAt(info, 'callSign');
  if (callSign) bag.identifiers.push({ type: 'Call Sign', value: callSign });
  addCountry(bag.countries, textAt(info, 'vesselFlag'));
  const owner = textAt(info, 'vesselOwner');
  if (owner) bag.linkedTo.push(owner);
}

function dated(label: string, date: string | undefined): string | undefined {
  return date ? `${label} ${date}` : undefined;
}
