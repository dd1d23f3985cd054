import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { sharedData } from '../../../../test/paths.js';
import { ListRejectedError } from '../../../domain/errors.js';
import { listInput, parseAll, recordingContext, tempFile } from '../uk/list-test-support.js';
import { usCslCsvParser } from './us-csl-csv-parser.js';

const CSL = sharedData('us_csl', 'consolidated.csv.gz');
const HEADER =
  '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,' +
  'standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,' +
  'vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,' +
  'places_of_birth,source_information_url,ids';

const parsed = parseAll(usCslCsvParser, CSL);

async function rejection(path: string): Promise<ListRejectedError> {
  try {
    for await (const _ of usCslCsvParser.parse(listInput(path), recordingContext())) {
      // drain
    }
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, `expected a ListRejectedError, got ${String(err)}`);
    return err;
  }
  assert.fail('the parse was not rejected');
}

test('sniffs the CSL header (decompressed head)', () => {
  assert.equal(usCslCsvParser.sniff(HEADER + '\n1,x\n', 'consolidated.csv.gz'), true);
  assert.equal(usCslCsvParser.sniff('id,schema,name,aliases\n', 'targets.csv'), false);
  assert.equal(usCslCsvParser.sourceOf(HEADER, 'consolidated.csv'), 'us-csl');
});

test('the real file: 14,160 rows (as MANIFEST says) become one entity per _id', async () => {
  const rows = parse(gunzipSync(readFileSync(CSL)), { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 14160);
  const ids = new Set(rows.map((r) => r['_id']));
  // 71 parties sit on several CSL lists (SDN and SSI, CAP...) with one row per list.
  assert.equal(ids.size, 14048);

  const { entities, ctx } = await parsed;
  assert.equal(entities.length, ids.size);
  assert.equal(new Set(entities.map((e) => e.id)).size, entities.length);
  assert.deepEqual(ctx.warnings, []);
  const bySchema = new Map<string, number>();
  for (const e of entities) bySchema.set(e.schema, (bySchema.get(e.schema) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(bySchema), { LegalEntity: 3625, Person: 5284, Organization: 4423, Vessel: 433, Aircraft: 283 });
});

test('the real file: KADYROV, Ramzan Akhmatovich', async () => {
  const { entities } = await parsed;
  const kadyrov = entities.find((e) => e.names.some((n) => n.full === 'KADYROV, Ramzan Akhmatovich'));
  assert.deepEqual(kadyrov, {
    id: 'us-csl:23343',
    source: 'us-csl',
    schema: 'Person',
    names: [
      { full: 'KADYROV, Ramzan Akhmatovich', kind: 'primary' },
      { full: 'KADYROV, Ramzan', kind: 'alias' },
      { full: 'KADYROW, Ramzan Achmatowisch', kind: 'alias' },
    ],
    birthDates: [{ value: '1976-10-05' }],
    birthPlaces: ['Tsentoroi, Chechen Republic, Russia'],
    nationalities: ['RU'],
    citizenships: [],
    countries: ['RU'],
    identifiers: [{ type: 'OFAC ent_num', value: '23343' }],
    addresses: [{ full: 'RU', country: 'RU' }],
    programs: ['GLOMAG', 'MAGNIT'],
    titles: [],
    linkedTo: [],
    gender: 'male',
    remarks: 'Source list: Specially Designated Nationals (SDN) - Treasury Department',
  });
});

test('the real file: rows of one party on several lists merge; ids, links and list-only parties', async () => {
  const { entities } = await parsed;
  const vtb = entities.find((e) => e.id === 'us-csl:18725');
  assert.equal(vtb?.schema, 'Organization');
  assert.deepEqual(vtb?.programs, ['RUSSIA-EO14024', 'UKRAINE-EO13662']);
  for (const list of ['Capta List (CAP)', 'Specially Designated Nationals (SDN)', 'Sectoral Sanctions Identifications List (SSI)']) {
    assert.ok(vtb?.remarks?.includes(`Source list: ${list}`), list);
  }
  assert.deepEqual(vtb?.identifiers, [
    { type: 'OFAC ent_num', value: '18725' },
    { type: 'SWIFT/BIC', value: 'VTBLAOLU' },
    { type: 'Website', value: 'www.vtb.ao' },
  ]);
  assert.deepEqual(vtb?.linkedTo, ['VTB BANK PUBLIC JOINT STOCK COMPANY']);
  const twoLinks = entities.find((e) => e.linkedTo.includes('LIU, Emily'));
  assert.ok(twoLinks?.linkedTo.includes('SHIRAZ ELECTRONICS INDUSTRIES'));
  assert.ok(entities.some((e) => e.linkedTo.includes('ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE')));

  const dual = entities.find((e) => e.id === 'us-csl:12562');
  assert.deepEqual(
    dual?.identifiers.filter((i) => i.type === 'Passport'),
    [
      { type: 'Passport', value: '4117921', country: 'PK', note: '2013-09-09, 2008-09-09' },
      { type: 'Passport', value: 'OR801168', country: 'AF', note: '2011-02-27, 2006-02-28' },
    ],
  );

  const dpl = entities.find((e) => e.id === 'us-csl:deb7a1d5743a85c354ca1a2c7f2664e2104b32d7');
  assert.equal(dpl?.schema, 'LegalEntity');
  assert.deepEqual(dpl?.names, [{ full: 'I. ASH', kind: 'primary' }]);
  assert.deepEqual(dpl?.programs, ['DPL']);
  assert.equal(dpl?.listedOn, '2003-06-19');
  assert.deepEqual(dpl?.countries, ['US']);
});

test('several dates of birth, a range and circa dates', async () => {
  const path = tempFile(
    'csl.csv',
    `${HEADER}\n` +
      'x1,Specially Designated Nationals (SDN) - Treasury Department,1,Individual,SDGT,"DOE, John",,,,,,,,,,,,,,,,,' +
      '"DOE, Johnny; J. DOE",IR,1958 to 1960; circa 1961; 1962-02-05,"Iran; Iraq",Tehran,,"IMO 1234567, Vessel Registration Identification"\n',
  );
  const { entities } = await parseAll(usCslCsvParser, path);
  assert.deepEqual(entities[0]?.birthDates, [{ value: '1958', to: '1960' }, { value: '1961', circa: true }, { value: '1962-02-05' }]);
  assert.deepEqual(entities[0]?.nationalities, ['IQ', 'IR']);
  assert.deepEqual(entities[0]?.citizenships, ['IR']);
  assert.deepEqual(entities[0]?.identifiers, [
    { type: 'IMO', value: '1234567' },
    { type: 'OFAC ent_num', value: '1' },
  ]);
  assert.deepEqual(entities[0]?.names.map((n) => n.full), ['DOE, John', 'DOE, Johnny', 'J. DOE']);
});

test('a broken quote rejects the file at the line of its row', async () => {
  const row = (id: string): string => `${id},DPL,,,,NAME ${id}` + ','.repeat(23);
  const path = tempFile('csl.csv', [HEADER, row('a'), row('b'), 'c,DPL,,,,"NAME c' + ','.repeat(23), row('d')].join('\n'));
  const err = await rejection(path);
  assert.equal(err.file, 'csl.csv');
  assert.equal(err.line, 4);
  assert.match(err.reason, /malformed CSV/);
});

test('a missing required column is rejected at line 1', async () => {
  const err = await rejection(tempFile('csl.csv', '_id,source,type,alt_names\n1,SDN,Individual,\n'));
  assert.equal(err.line, 1);
  assert.match(err.reason, /"name"/);
});

test('an empty file is rejected', async () => {
  for (const content of ['', `${HEADER}\n`]) {
    const err = await rejection(tempFile('csl.csv', content));
    assert.equal(err.file, 'csl.csv');
    assert.equal(err.reason, 'file holds no records');
  }
});

test('a truncated gzip is rejected naming the file', async () => {
  const whole = readFileSync(CSL);
  const err = await rejection(tempFile('consolidated.csv.gz', whole.subarray(0, Math.floor(whole.length / 2))));
  assert.equal(err.file, 'consolidated.csv.gz');
  assert.match(err.reason, /cannot read/);
});
