import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import countries from 'i18n-iso-countries';
import type { Entity, EntityName, PartialDate, Schema } from '../../src/domain/entities/entity.js';

/**
 * Writes entities as an OFAC SDN.XML file (`sdnList` / `sdnEntry` with `uid`, `firstName`,
 * `lastName`, `sdnType`, `programList`, `idList`, `akaList`, `dateOfBirthList`,
 * `nationalityList`), one element per line as OFAC publishes it, so peers that read SDN.XML
 * (the npm package `ofac`) can be run on the same entities as Warden.
 */

const SDN_TYPES: Readonly<Record<Schema, string>> = {
  Person: 'Individual',
  Organization: 'Entity',
  Company: 'Entity',
  LegalEntity: 'Entity',
  Vessel: 'Vessel',
  Aircraft: 'Aircraft',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Escapes text for XML element content. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An ISO date as OFAC writes it: `05 Oct 1976`, `Oct 1976` or `1976`. */
export function ofacDate(d: PartialDate): string {
  const [y, m, day] = d.value.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const parts = [day, month, y].filter((p): p is string => p !== undefined && p !== '');
  const text = parts.join(' ');
  return d.to ? `${text} to ${ofacDate({ value: d.to })}` : d.circa ? `circa ${text}` : text;
}

/**
 * The first and last name of a listed name as SDN.XML splits them: a person's parts where the
 * list gives them, else "LAST, First Middle" split at the first comma; an organisation's
 * whole name is its `lastName`.
 */
export function sdnNameParts(name: EntityName, schema: Schema): { firstName?: string; lastName: string } {
  if (schema !== 'Person') return { lastName: name.full };
  if (name.parts?.last) {
    const first = [name.parts.first, name.parts.middle, name.parts.patronymic].filter(Boolean).join(' ');
    return first ? { firstName: first, lastName: name.parts.last } : { lastName: name.parts.last };
  }
  const comma = name.full.indexOf(',');
  if (comma < 0) return { lastName: name.full };
  const first = name.full.slice(comma + 1).trim();
  const last = name.full.slice(0, comma).trim();
  return first ? { firstName: first, lastName: last } : { lastName: last };
}

function countryName(code: string): string {
  return (code.length === 2 ? countries.getName(code, 'en') : undefined) ?? code;
}

/** The SDN uid of an entity: the native part of `ofac-sdn:<uid>`, else its position. */
function uidOf(e: Entity, position: number): string {
  const native = e.id.slice(e.id.indexOf(':') + 1);
  return /^\d+$/.test(native) ? native : String(position + 1);
}

function entryXml(e: Entity, uid: string, nextUid: () => number): string {
  const primary = e.names[0];
  if (!primary) return '';
  const name = sdnNameParts(primary, e.schema);
  const lines = ['  <sdnEntry>', `    <uid>${esc(uid)}</uid>`];
  if (name.firstName) lines.push(`    <firstName>${esc(name.firstName)}</firstName>`);
  lines.push(`    <lastName>${esc(name.lastName)}</lastName>`, `    <sdnType>${SDN_TYPES[e.schema]}</sdnType>`);
  lines.push('    <programList>', ...e.programs.map((p) => `      <program>${esc(p)}</program>`), '    </programList>');
  if (e.identifiers.length > 0) {
    lines.push('    <idList>');
    for (const id of e.identifiers) {
      lines.push('      <id>', `        <uid>${nextUid()}</uid>`, `        <idType>${esc(id.type)}</idType>`, `        <idNumber>${esc(id.value)}</idNumber>`);
      if (id.country) lines.push(`        <idCountry>${esc(countryName(id.country))}</idCountry>`);
      lines.push('      </id>');
    }
    lines.push('    </idList>');
  }
  const akas = e.names.slice(1);
  if (akas.length > 0) {
    lines.push('    <akaList>');
    for (const aka of akas) {
      const parts = sdnNameParts(aka, e.schema);
      lines.push('      <aka>', `        <uid>${nextUid()}</uid>`, `        <type>${aka.kind === 'former' ? 'f.k.a.' : 'a.k.a.'}</type>`);
      lines.push(`        <category>${aka.kind === 'weak' ? 'weak' : 'strong'}</category>`, `        <lastName>${esc(parts.lastName)}</lastName>`);
      if (parts.firstName) lines.push(`        <firstName>${esc(parts.firstName)}</firstName>`);
      lines.push('      </aka>');
    }
    lines.push('    </akaList>');
  }
  if (e.birthDates.length > 0) {
    lines.push('    <dateOfBirthList>');
    e.birthDates.forEach((d, i) => {
      lines.push('      <dateOfBirthItem>', `        <uid>${nextUid()}</uid>`, `        <dateOfBirth>${esc(ofacDate(d))}</dateOfBirth>`);
      lines.push(`        <mainEntry>${i === 0}</mainEntry>`, '      </dateOfBirthItem>');
    });
    lines.push('    </dateOfBirthList>');
  }
  if (e.nationalities.length > 0) {
    lines.push('    <nationalityList>');
    e.nationalities.forEach((c, i) => {
      lines.push('      <nationality>', `        <uid>${nextUid()}</uid>`, `        <country>${esc(countryName(c))}</country>`);
      lines.push(`        <mainEntry>${i === 0}</mainEntry>`, '      </nationality>');
    });
    lines.push('    </nationalityList>');
  }
  lines.push('  </sdnEntry>', '');
  return lines.join('\n');
}

/**
 * Writes `entities` to `path` as SDN.XML and returns how many entries it wrote. Sub-element
 * uids are numbered from 1,000,000,000 so they never collide with entry uids.
 */
export async function writeSdnXml(entities: readonly Entity[], path: string, publishDate = '01/01/2025'): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let sub = 1_000_000_000;
  const nextUid = (): number => ++sub;
  await write(
    '<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">\n' +
      `  <publshInformation>\n    <Publish_Date>${publishDate}</Publish_Date>\n    <Record_Count>${entities.length}</Record_Count>\n  </publshInformation>\n`,
  );
  let written = 0;
  for (const [i, e] of entities.entries()) {
    const xml = entryXml(e, uidOf(e, i), nextUid);
    if (xml === '') continue;
    await write(xml);
    written += 1;
  }
  await write('</sdnList>\n');
  out.end();
  await once(out, 'finish');
  return written;
}
