import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { sharedData } from '../../../../test/paths.js';
import { readListHead } from '../open-list-file.js';
import { parseFile } from '../xml/parse-harness.js';
import { ofacEnhancedXmlParser } from './ofac-enhanced-xml-parser.js';
import { ofacSdnXmlParser } from './ofac-sdn-xml-parser.js';

const ZIP = sharedData('ofac', 'consolidated', 'CONS_ENHANCED.ZIP');

test('sniffs the Enhanced XML inside the zip by its root and namespace', async () => {
  const head = (await readListHead({ path: ZIP, name: 'CONS_ENHANCED.ZIP' })).toString('utf8');
  assert.equal(ofacEnhancedXmlParser.sniff(head, 'CONS_ENHANCED.ZIP'), true);
  assert.equal(ofacSdnXmlParser.sniff(head, 'CONS_ENHANCED.ZIP'), false);
  assert.equal(ofacEnhancedXmlParser.sniff('<sdnList xmlns="http://tempuri.org/sdnList.xsd">', 'SDN.XML'), false);
  assert.equal(ofacEnhancedXmlParser.sniff('<sanctionsData xmlns="urn:other">', 'x.xml'), false);
  assert.equal(ofacEnhancedXmlParser.sourceOf(head, 'CONS_ENHANCED.ZIP'), 'ofac-cons');
  assert.equal(ofacEnhancedXmlParser.sourceOf(head, 'SDN_ENHANCED.XML'), 'ofac-sdn');
});

test('reads the 443 entities of CONS_ENHANCED.ZIP, dated by dataAsOf', async () => {
  const { entities, ctx } = await parseFile(ofacEnhancedXmlParser, ZIP);
  assert.equal(entities.length, 443);
  assert.equal(ctx.publishedAt, '2025-01-10');
  assert.deepEqual(ctx.warnings, []);
  assert.equal(entities.filter((e) => e.schema === 'Person').length, 80);
  assert.ok(entities.every((e) => e.source === 'ofac-cons' && e.names[0]?.kind === 'primary' && e.programs.length > 0));

  const vtb = entities.find((e) => e.id === 'ofac-cons:17013');
  assert.equal(vtb?.names[0]?.full, 'VTB BANK PUBLIC JOINT STOCK COMPANY');
  assert.deepEqual(
    vtb?.names.filter((n) => n.script !== undefined).map((n) => [n.full, n.kind, n.script]),
    [
      ['БАНК ВТБ ПАО', 'alias', 'Cyrl'],
      ['БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО', 'alias', 'Cyrl'],
    ],
  );
  assert.ok(entities.some((e) => e.names.some((n) => n.script === 'Hans')), 'Chinese Simplified names keep their script');
  assert.ok(entities.some((e) => e.names.some((n) => n.kind === 'former')), 'F.K.A. names');
  assert.ok(entities.some((e) => e.linkedTo.includes('VTB BANK PUBLIC JOINT STOCK COMPANY')), 'relationships');
});

test('entity ids are the legacy ent_nums, with the primary names of cons_prim.csv', async () => {
  const { entities } = await parseFile(ofacEnhancedXmlParser, ZIP);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const text = readFileSync(sharedData('ofac', 'consolidated', 'cons_prim.csv'), 'latin1').replaceAll('\u001a', '');
  const rows = parseCsv(text, { relax_quotes: true }) as string[][];
  assert.equal(rows.length, 442);
  let same = 0;
  for (const [entNum, name] of rows) {
    const e = byId.get(`ofac-cons:${entNum}`);
    assert.ok(e, `ent_num ${entNum} is in the Enhanced XML`);
    if (e.names[0]?.full === name?.trim()) same++;
  }
  // The CSV is of Dec 2025, the XML of Jan 2025: one entity was renamed in between.
  assert.equal(same, 441);
  for (const [entNum, name] of [
    ['50476', 'MARTELLY, Michel Joseph'],
    ['17013', 'VTB BANK PUBLIC JOINT STOCK COMPANY'],
    ['18284', 'RN-KOMSOMOLSKY REFINERY LLC'],
  ] as const) {
    assert.equal(byId.get(`ofac-cons:${entNum}`)?.names[0]?.full, name);
  }
});

test('MARTELLY, Michel Joseph (50476) in full', async () => {
  const { entities } = await parseFile(ofacEnhancedXmlParser, ZIP);
  const info = 'Executive Order 14059 information: Prohibition on any';
  assert.deepEqual(
    entities.find((e) => e.id === 'ofac-cons:50476'),
    {
      id: 'ofac-cons:50476',
      source: 'ofac-cons',
      schema: 'Person',
      names: [
        { full: 'MARTELLY, Michel Joseph', kind: 'primary', parts: { last: 'Martelly', first: 'Michel', middle: 'Joseph' } },
        { full: 'MARTELLY, Michael', kind: 'alias', parts: { last: 'Martelly', first: 'Michael' } },
        { full: 'Sweet Micky', kind: 'weak' },
      ],
      birthDates: [{ value: '1961-02-12' }],
      birthPlaces: ['Port-au-Prince, Haiti'],
      nationalities: ['HT'],
      citizenships: [],
      countries: ['DO', 'HT', 'US'],
      identifiers: [
        { type: "Driver's License No.", value: 'M634550610520', country: 'US' },
        { type: 'National ID No.', value: '0032768386', country: 'HT' },
      ],
      addresses: [
        { full: 'Dominican Republic', country: 'DO' },
        { full: 'Miami, FL, United States', city: 'Miami', country: 'US' },
        { full: 'Petionville, Ouest, Haiti', city: 'Petionville', country: 'HT' },
        { full: 'Port-au-Prince, Ouest, Haiti', city: 'Port-au-Prince', country: 'HT' },
      ],
      programs: ['ILLICIT-DRUGS-EO14059'],
      titles: [],
      linkedTo: [],
      gender: 'male',
      listedOn: '2024-08-20',
      remarks:
        `${info} transactions in foreign exchange that are subject to the jurisdiction of the United States and in which this target has any interest; ` +
        `${info} United States financial institution from making loans or providing credit to this target; ` +
        `${info} United States person from investing in or purchasing significant amounts of equity or debt instruments of this target`,
    },
  );
});
