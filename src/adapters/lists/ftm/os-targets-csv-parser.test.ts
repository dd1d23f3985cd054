import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../../test/paths.js';
import { ListRejectedError } from '../../../domain/errors.js';
import { listInput, parseAll, recordingContext, tempFile } from '../uk/list-test-support.js';
import { osTargetsCsvParser, splitValues } from './os-targets-csv-parser.js';

const SAMPLE = sharedData('opensanctions', 'targets.simple.sample.csv');
const HEADER =
  'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,' +
  'first_seen,last_seen,last_change';

async function rejection(path: string): Promise<ListRejectedError> {
  try {
    for await (const _ of osTargetsCsvParser.parse(listInput(path), recordingContext())) {
      // drain
    }
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, `expected a ListRejectedError, got ${String(err)}`);
    return err;
  }
  assert.fail('the parse was not rejected');
}

test('sniffs the targets.simple header, quoted or not', () => {
  assert.equal(osTargetsCsvParser.sniff(readFileSync(SAMPLE, 'utf8'), 'targets.simple.csv'), true);
  assert.equal(osTargetsCsvParser.sniff(`${HEADER}\n`, 'targets.simple.csv'), true);
  assert.equal(osTargetsCsvParser.sniff('_id,source,entity_number\n', 'x.csv'), false);
  assert.equal(osTargetsCsvParser.sourceOf('', 'targets.simple.csv'), 'opensanctions');
});

test('splits multi-values written as a ;-separated CSV row', () => {
  assert.deepEqual(splitValues('a;b; c ;'), ['a', 'b', 'c']);
  assert.deepEqual(splitValues('"x;y";"say ""hi""";z'), ['x;y', 'say "hi"', 'z']);
  assert.deepEqual(splitValues(''), []);
});

test('the sample: 10 rows become 10 entities; the first in full', async () => {
  const { entities, ctx } = await parseAll(osTargetsCsvParser, SAMPLE);
  assert.equal(entities.length, 10);
  assert.deepEqual(ctx.warnings, []);
  assert.ok(entities.every((e) => e.schema === 'Person' && e.source === 'opensanctions'));
  assert.deepEqual(entities[0], {
    id: 'Q262597',
    source: 'opensanctions',
    schema: 'Person',
    names: [
      { full: 'Abdullah', kind: 'primary' },
      { full: 'Abdullah bin Muhammad Al ash-Sheikh', kind: 'alias' },
      { full: 'Abdullah ibn Muhammad Al ash-Sheikh', kind: 'alias' },
      { full: 'H.E Dr. Abdullah Mohammed Ibrahim Al-Sheikh', kind: 'alias' },
      { full: '阿卜杜拉·本·穆罕默德·謝赫', kind: 'alias', script: 'Hani' },
    ],
    birthDates: [{ value: '1948-01-01' }],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    countries: ['SA'],
    identifiers: [{ type: 'Wikidata', value: 'Q262597' }],
    addresses: [],
    programs: [],
    titles: [],
    linkedTo: [],
    remarks: 'Dataset: Wikidata Politically Exposed Persons',
  });
  const hariri = entities.find((e) => e.id === 'Q296771');
  assert.deepEqual(hariri?.countries, ['FR', 'LB', 'SA']);
  assert.equal(hariri?.names.length, 30);
  assert.ok(hariri?.names.some((n) => n.script === 'Arab'));
});

test('program_ids, sanctions, phones, emails and addresses of the newer header', async () => {
  const row =
    'NK-1,Company,ACME LLC,"ACME;""ACME; Ltd""",,ru;ir,"Moscow, Tverskaya 1",1027700000000,' +
    '"Russia - Sanctioned - 2022-02-24",+7 495 000,info@acme.ru,EU-UKR;GB-RUS,EU FSF;UK HMT,2022-01-01,2024-01-01,2024-01-01';
  const { entities } = await parseAll(osTargetsCsvParser, tempFile('targets.simple.csv', `${HEADER}\n${row}\n`));
  const e = entities[0];
  assert.equal(e?.schema, 'Company');
  assert.deepEqual(e?.names, [
    { full: 'ACME LLC', kind: 'primary' },
    { full: 'ACME', kind: 'alias' },
    { full: 'ACME; Ltd', kind: 'alias' },
  ]);
  assert.deepEqual(e?.countries, ['IR', 'RU']);
  assert.deepEqual(e?.addresses, [{ full: 'Moscow, Tverskaya 1' }]);
  assert.deepEqual(e?.identifiers, [
    { type: 'Email', value: 'info@acme.ru' },
    { type: 'Identifier', value: '1027700000000' },
    { type: 'Phone', value: '+7 495 000' },
  ]);
  assert.deepEqual(e?.programs, ['EU-UKR', 'GB-RUS']);
  assert.equal(e?.remarks, 'Sanction: Russia - Sanctioned - 2022-02-24; Dataset: EU FSF; Dataset: UK HMT');
});

test('a broken quote rejects the file at the line of its row', async () => {
  const rows = [HEADER, 'a,Person,A' + ','.repeat(13), 'b,Person,"B' + ','.repeat(13), 'c,Person,C' + ','.repeat(13)];
  const err = await rejection(tempFile('targets.simple.csv', rows.join('\n') + '\n'));
  assert.equal(err.file, 'targets.simple.csv');
  assert.equal(err.line, 3);
  assert.match(err.reason, /malformed CSV/);
});

test('a missing required column is rejected at line 1; an empty file is rejected', async () => {
  const missing = await rejection(tempFile('targets.simple.csv', 'id,schema,aliases\nQ1,Person,X\n'));
  assert.equal(missing.line, 1);
  assert.match(missing.reason, /"name"/);
  for (const content of ['', `${HEADER}\n`]) {
    const empty = await rejection(tempFile('targets.simple.csv', content));
    assert.equal(empty.reason, 'file holds no records');
  }
});
