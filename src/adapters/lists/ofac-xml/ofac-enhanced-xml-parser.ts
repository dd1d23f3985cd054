import type { EntityName, NameKind, NameParts, PartialDate } from '../../../domain/entities/entity.js';
import type { ListParser } from '../list-parser.js';
import { type DraftBag, addAddress, earliest, joinParts, newDraft } from '../xml/entity-draft.js';
import { scriptCodeOf } from '../xml/script.js';
import { type XmlNode, attrOf, flagAt, nodesAt, textAt, textsAt } from '../xml/xml-node.js';
import { baseNameHas, xmlEntities, xmlRoot } from '../xml/xml-records.js';
import { applyOfacFact, ofacBirthDate, ofacSchema } from './ofac-facts.js';

/** Name part types of the Enhanced XML, as NameParts keys. */
const NAME_PARTS: Readonly<Record<string, keyof NameParts>> = {
  'first name': 'first',
  'middle name': 'middle',
  'last name': 'last',
  patronymic: 'patronymic',
  matronymic: 'patronymic',
  title: 'title',
};

/** Address part types in the order an address is written. */
const ADDRESS_ORDER = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'CITY', 'STATE/PROVINCE', 'POSTAL CODE', 'REGION'];

/** The source of an Enhanced XML file: `ofac-cons` when its name contains `cons`, else `ofac-sdn`. */
function sourceOf(_head: string, fileName: string): string {
  return baseNameHas(fileName, 'cons') ? 'ofac-cons' : 'ofac-sdn';
}

/**
 * OFAC Sanctions List Service "Enhanced XML" (`SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`, also
 * zipped): `sanctionsData/entities/entity`, streamed. Each entity becomes `<source>:<id>`
 * (the id is the legacy ent_num) with every name translation (the primary name's primary
 * translation is the primary name; other scripts are aliases carrying their ISO 15924 code;
 * low-quality names are weak, F.K.A. former), name parts, programs, the earliest list
 * publication as `listedOn`, features (birthdate, place of birth, nationality, citizenship,
 * gender, title, email, website, flag... as `applyOfacFact` files them), identity documents,
 * addresses, related entities as `linkedTo`, and the remarks. `dataAsOf` is the publication date.
 */
export const ofacEnhancedXmlParser: ListParser = {
  format: 'ofac-enhanced-xml',
  sniff(head) {
    const root = xmlRoot(head);
    return root?.name === 'sanctionsData' && (root.namespace === undefined || /ENHANCED_XML/i.test(root.namespace));
  },
  sourceOf,
  parse(input, ctx) {
    const source = sourceOf('', input.primary.name);
    return xmlEntities(input, ctx, {
      records: ['entity'],
      onHeader(path, value) {
        if (path.endsWith('/publicationInfo/dataAsOf') && /^\d{4}-\d{2}-\d{2}/.test(value)) ctx.setPublishedAt(value.slice(0, 10));
      },
      toDraft: (node, warn) => entityDraft(node, source, warn),
    });
  },
};

function entityDraft(node: XmlNode, source: string, warn: (message: string) => void): DraftBag | undefined {
  const id = attrOf(node, 'id');
  if (!id) {
    warn('entity without an id attribute: skipped');
    return undefined;
  }
  const bag = newDraft(`${source}:${id}`, source, ofacSchema(textAt(node, 'generalInfo/entityType')));
  for (const name of nodesAt(node, 'names/name')) bag.names.push(...names(name));
  bag.programs.push(...textsAt(node, 'sanctionsPrograms/sanctionsProgram'));
  const listedOn = earliest(nodesAt(node, 'sanctionsLists/sanctionsList').map((l) => attrOf(l, 'datePublished')?.slice(0, 10)));
  if (listedOn) bag.listedOn = listedOn;
  bag.remarks.push(...textsAt(node, 'generalInfo/remarks'));
  for (const feature of nodesAt(node, 'features/feature')) {
    const type = textAt(feature, 'type');
    const value = textAt(feature, 'value');
    if (!type || !value) continue;
    if (/^birth ?date$/i.test(type)) {
      const date = birthDate(feature, value);
      if (date) bag.birthDates.push(date);
      else warn(`${bag.id}: unreadable birthdate "${value}"`);
    } else {
      applyOfacFact(bag, type, value, undefined, textAt(feature, 'comments'));
    }
  }
  for (const doc of nodesAt(node, 'identityDocuments/identityDocument')) {
    const type = textAt(doc, 'type');
    const number = textAt(doc, 'documentNumber');
    if (!type || !number) continue;
    const valid = textAt(doc, 'isValid')?.toLowerCase() !== 'false';
    const note = joinParts([textAt(doc, 'issuingAuthority'), textAt(doc, 'issuingLocation'), valid ? undefined : 'not valid']);
    applyOfacFact(bag, type, number, textAt(doc, 'issuingCountry'), note || undefined);
  }
  for (const address of nodesAt(node, 'addresses/address')) addAddresses(bag, address);
  bag.linkedTo.push(...textsAt(node, 'relationships/relationship/relatedEntity'));
  return bag;
}

/** Every translation of one `name`, each an EntityName. */
function names(name: XmlNode): EntityName[] {
  const out: EntityName[] = [];
  const primary = flagAt(name, 'isPrimary');
  const alias = textAt(name, 'aliasType')?.toUpperCase() ?? '';
  const baseKind: NameKind = flagAt(name, 'isLowQuality') ? 'weak' : alias.startsWith('F.K.A') ? 'former' : 'alias';
  for (const t of nodesAt(name, 'translations/translation')) {
    const full = textAt(t, 'formattedFullName');
    if (!full) continue;
    const kind: NameKind = primary && flagAt(t, 'isPrimary') ? 'primary' : baseKind;
    const script = scriptCodeOf(textAt(t, 'script') ?? '');
    const parts: Record<string, string> = {};
    for (const part of nodesAt(t, 'nameParts/namePart')) {
      const key = NAME_PARTS[(textAt(part, 'type') ?? '').toLowerCase()];
      const value = textAt(part, 'value');
      if (key && value) parts[key] = parts[key] ? `${parts[key]} ${value}` : value;
    }
    out.push({
      full,
      kind,
      ...(Object.keys(parts).length > 0 ? { parts } : {}),
      ...(script && script !== 'Latn' ? { script } : {}),
    });
  }
  return out;
}

/** A birthdate feature: its text as written (`12 Feb 1961`, `1962`), else its structured range. */
function birthDate(feature: XmlNode, value: string): PartialDate | undefined {
  const approximate = flagAt(feature, 'valueDate/isApproximate');
  const parsed = ofacBirthDate(value);
  if (parsed) return approximate && !parsed.circa ? { ...parsed, circa: true } : parsed;
  const from = textAt(feature, 'valueDate/fromDateBegin')?.slice(0, 10);
  if (!from) return undefined;
  const to = flagAt(feature, 'valueDate/isDateRange') ? textAt(feature, 'valueDate/toDateEnd')?.slice(0, 10) : undefined;
  return { value: from, ...(to && to !== from ? { to } : {}), ...(approximate ? { circa: true } : {}) };
}

/** One address per translation, its parts in writing order, then the country. */
function addAddresses(bag: DraftBag, address: XmlNode): void {
  const country = textAt(address, 'country');
  const translations = nodesAt(address, 'translations/translation');
  let added = false;
  for (const t of translations) {
    const parts = new Map<string, string>();
    for (const part of nodesAt(t, 'addressParts/addressPart')) {
      const type = textAt(part, 'type')?.toUpperCase();
      const value = textAt(part, 'value');
      if (type && value) parts.set(type, parts.has(type) ? `${parts.get(type)} ${value}` : value);
    }
    if (parts.size === 0) continue;
    const ordered = [...ADDRESS_ORDER.map((k) => parts.get(k)), ...[...parts].filter(([k]) => !ADDRESS_ORDER.includes(k)).map(([, v]) => v)];
    addAddress(bag, ordered, parts.get('CITY'), country);
    added = true;
  }
  if (!added) addAddress(bag, [], undefined, country);
}
