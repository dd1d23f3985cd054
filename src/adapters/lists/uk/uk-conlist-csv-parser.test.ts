import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedData } from '../../../../test/paths.js';
import { ListRejectedError } from '../../../domain/errors.js';
import { listInput, parseAll, recordingContext, tempFile } from './list-test-support.js';
import { ukConlistCsvParser } from './uk-conlist-csv-parser.js';

const SAMPLE = sharedData('uk', 'ConList_sample_2020-04-27.csv');

const HEADER =
  'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,' +
  'DOB,Town of Birth,Country of Birth,Nationality,Passport Number,Passport Details,National Identification Number,' +
  'National Identification Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,' +
  'Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,' +
  'Last Updated,Group ID';

/** One ConList row: the given columns set, the others empty. */
function row(values: Record<string, string>): string {
  return HEADER.split(',')
    .map((name) => {
      const v = values[name] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

function conList(...rows: string[]): string {
  return ['Last Updated,01/02/2024', HEADER, ...rows].join('\r\n') + '\r\n';
}

async function rejection(path: string): Promise<ListRejectedError> {
  const ctx = recordingContext();
  try {
    for await (const _ of ukConlistCsvParser.parse(listInput(path), ctx)) {
      // drain
    }
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, `expected a ListRejectedError, got ${String(err)}`);
    return err;
  }
  assert.fail('the parse was not rejected');
}

test('sniffs the ConList CSV by its "Last Updated" line', () => {
  assert.equal(ukConlistCsvParser.sniff('\uFEFFLast Updated,27/04/2020,,,\nName 6,Name 1\n', 'ConList.csv'), true);
  assert.equal(ukConlistCsvParser.sniff('Name 6,Name 1,Name 2\n', 'ConList.csv'), false);
  assert.equal(ukConlistCsvParser.sourceOf('', 'ConList.csv'), 'uk');
});

test('the sample: 23 name rows become 6 entities and the publication date is reported', async () => {
  const { entities, ctx } = await parseAll(ukConlistCsvParser, SAMPLE);
  assert.equal(entities.length, 6);
  assert.deepEqual(
    entities.map((e) => e.id),
    ['uk:9053', 'uk:13063', 'uk:13754', 'uk:11039', 'uk:13017', 'uk:9215'],
  );
  assert.equal(ctx.publishedAt, '2020-04-27');
  assert.ok(entities.every((e) => e.schema === 'Person' && e.names[0]?.kind === 'primary'));
  // Four groups of the excerpt hold only AKA rows: their first name is promoted, with a warning.
  assert.equal(ctx.warnings.length, 4);
  assert.ok(ctx.warnings.every((w) => /has no primary name/.test(w.message)));
});

test('the sample: Hafez Mohammad SAEED in full', async () => {
  const { entities } = await parseAll(ukConlistCsvParser, SAMPLE);
  const saeed = entities.find((e) => e.id === 'uk:9215');
  assert.deepEqual(saeed, {
    id: 'uk:9215',
    source: 'uk',
    schema: 'Person',
    names: [
      { full: 'Hafez Mohammad SAEED', kind: 'primary', parts: { first: 'Hafez', middle: 'Mohammad', last: 'SAEED' } },
      { full: 'سعید حافظ محمد', kind: 'alias', script: 'Arab', lang: 'ar' },
    ],
    birthDates: [{ value: '1950-06-05' }],
    birthPlaces: ['Sargodha, Punjab, Pakistan'],
    nationalities: ['PK'],
    citizenships: [],
    countries: ['PK'],
    identifiers: [{ type: 'National ID', value: '3520025509842-7 (Pakistani)' }],
    addresses: [
      {
        full: 'House No 116E, Mohalla Johar, Lahore, Tehsil, Lahore City, Lahore District, 123321, Pakistan (location as at May 2008)',
        country: 'PK',
      },
    ],
    programs: ["ISIL (Da'esh) and Al-Qaida"],
    listedOn: '2008-12-12',
    titles: ['Leader of Lashkar-e-Tayyiba (QDe.118)'],
    linkedTo: [],
    remarks:
      '(UK Sanctions List Ref):AQD0183 (UN Ref):QDi.263. Also referred to as Hafiz Ji. (Further Identifiying Information):' +
      'Muhammad Saeed is the leader of Lashkar-e-Tayyiba (QDe.118).INTERPOL-UN Security Council Special Notice web link: ' +
      'https://www.interpol.int/en/notice/search/un/1543488',
  });
});

test('the sample: repeated rows merge their dates, a "Prime Alias" row gives the primary name', async () => {
  const { entities } = await parseAll(ukConlistCsvParser, SAMPLE);
  const so = entities.find((e) => e.id === 'uk:11039');
  assert.deepEqual(so?.names, [
    { full: 'Sang-kuk SO', kind: 'primary', parts: { first: 'Sang-kuk', last: 'SO' } },
    { full: 'Sang Kuk SO', kind: 'alias', parts: { first: 'Sang', middle: 'Kuk', last: 'SO' } },
  ]);
  assert.deepEqual(so?.birthDates.map((d) => d.value), ['1932', '1933', '1934', '1935', '1936', '1937', '1938']);
  const hubarieva = entities.find((e) => e.id === 'uk:13063');
  assert.deepEqual(hubarieva?.birthDates, [{ value: '1983-07-05' }, { value: '1983' }, { value: '1984-04' }]);
  const hojati = entities.find((e) => e.id === 'uk:9053');
  assert.deepEqual(hojati?.names[1], { full: 'محسن حجتی', kind: 'alias', script: 'Arab', lang: 'fa' });
  assert.equal(hojati?.listedOn, '2007-03-24');
  assert.deepEqual(hojati?.titles, ['Head of Fajr Industrial Group']);
});

test('groups scattered rows, reads name kinds, numbered values and other group types', async () => {
  const path = tempFile(
    'ConList.csv',
    conList(
      row({ 'Name 6': 'ALPHA', 'Name 1': 'Ann', 'Group Type': 'Individual', 'Alias Type': 'AKA', 'Group ID': '1' }),
      row({ 'Name 6': 'SEA STAR', 'Group Type': 'Ship', 'Alias Type': 'Primary Name', Regime: 'Russia', 'Group ID': '2' }),
      row({
        'Name 6': 'ALPHA',
        'Name 1': 'Anna',
        'Name 2': 'Maria',
        Title: 'Dr',
        Nationality: '(1) Iran (2) Iraq',
        'Passport Number': '(1) A123 (2) B456',
        'Passport Details': '(1) issued 2001 (2) issued 2009',
        Position: '(1) Minister (2) General',
        'Group Type': 'Individual',
        'Alias Type': 'Primary Name',
        'Listed On': '05/06/2015',
        'Group ID': '1',
      }),
      row({ 'Name 6': 'BETA TRADING', 'Group Type': 'Entity', 'Alias Type': 'Primary Name', 'Group ID': '3' }),
      row({ 'Name 6': 'AL', 'Group Type': 'Individual', 'Alias Type': 'AKA', 'Alias Quality': 'Low', 'Group ID': '1' }),
      row({ 'Name 6': 'OMEGA', 'Name 1': 'Ann', 'Group Type': 'Individual', 'Alias Type': 'F.K.A.', 'Group ID': '1' }),
      row({ 'Name 6': 'BETA TRADING LLC', 'Group Type': 'Entity', 'Alias Type': 'Primary Name Variation', 'Group ID': '3' }),
    ),
  );
  const { entities, ctx } = await parseAll(ukConlistCsvParser, path);
  assert.equal(ctx.publishedAt, '2024-02-01');
  assert.deepEqual(ctx.warnings, []);
  assert.deepEqual(entities.map((e) => [e.id, e.schema]), [
    ['uk:2', 'Vessel'],
    ['uk:1', 'Person'],
    ['uk:3', 'Organization'],
  ]);
  const alpha = entities[1];
  assert.deepEqual(alpha?.names, [
    { full: 'Anna Maria ALPHA', kind: 'primary', parts: { first: 'Anna', middle: 'Maria', last: 'ALPHA', title: 'Dr' } },
    { full: 'Ann ALPHA', kind: 'alias', parts: { first: 'Ann', last: 'ALPHA' } },
    { full: 'Ann OMEGA', kind: 'former', parts: { first: 'Ann', last: 'OMEGA' } },
    { full: 'AL', kind: 'weak', parts: { last: 'AL' } },
  ]);
  assert.deepEqual(alpha?.nationalities, ['IQ', 'IR']);
  assert.deepEqual(alpha?.identifiers, [
    { type: 'Passport', value: 'A123', note: 'issued 2001' },
    { type: 'Passport', value: 'B456', note: 'issued 2009' },
  ]);
  assert.deepEqual(alpha?.titles, ['General', 'Minister']);
  assert.equal(alpha?.listedOn, '2015-06-05');
  assert.deepEqual(entities[2]?.names, [
    { full: 'BETA TRADING', kind: 'primary' },
    { full: 'BETA TRADING LLC', kind: 'alias' },
  ]);
  assert.deepEqual(entities[0]?.programs, ['Russia']);
});

test('a broken quote rejects the file at the line of its row', async () => {
  const path = tempFile(
    'ConList.csv',
    conList(row({ 'Name 6': 'ALPHA', 'Group Type': 'Individual', 'Group ID': '1' }), 'BETA,"Bob,,,' + ',,'.repeat(10), 'GAMMA'),
  );
  const err = await rejection(path);
  assert.equal(err.file, 'ConList.csv');
  assert.equal(err.line, 4);
  assert.match(err.reason, /malformed CSV/);
});

test('a missing required column is rejected at the header line', async () => {
  const path = tempFile('ConList.csv', 'Last Updated,01/02/2024\nName 6,Name 1,Group Type\nALPHA,Ann,Individual\n');
  const err = await rejection(path);
  assert.equal(err.line, 2);
  assert.match(err.reason, /Group ID/);
});

test('a cut-short last row is rejected', async () => {
  const full = conList(row({ 'Name 6': 'ALPHA', 'Group Type': 'Individual', 'Group ID': '1' }));
  const err = await rejection(tempFile('ConList.csv', full + 'BETA,Bob,,'));
  assert.equal(err.line, 4);
  assert.match(err.reason, /4 fields, the header has 36/);
});

test('an empty file and a file without name rows are rejected', async () => {
  for (const content of ['', 'Last Updated,01/02/2024\n' + HEADER + '\n']) {
    const err = await rejection(tempFile('ConList.csv', content));
    assert.equal(err.file, 'ConList.csv');
    assert.equal(err.reason, 'file holds no records');
    assert.equal(err.line, undefined);
  }
});
