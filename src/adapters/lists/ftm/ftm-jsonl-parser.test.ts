import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sharedData } from '../../../../test/paths.js';
import { ListRejectedError } from '../../../domain/errors.js';
import { listInput, parseAll, recordingContext, tempFile } from '../uk/list-test-support.js';
import { ftmJsonlParser } from './ftm-jsonl-parser.js';

const FILES = ['t1', 'zala', 'parteispenden'].map((name) => sharedData('opensanctions', 'ftm', `${name}.entities.ftm.json`));
const ZALA = sharedData('opensanctions', 'ftm', 'zala.entities.ftm.json');
const THINGS = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane']);

/** The ids of thing-schema entities in a file, read with JSON.parse line by line. */
function thingIds(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; schema: string })
    .filter((e) => THINGS.has(e.schema))
    .map((e) => e.id);
}

async function rejection(path: string): Promise<ListRejectedError> {
  try {
    for await (const _ of ftmJsonlParser.parse(listInput(path), recordingContext())) {
      // drain
    }
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, `expected a ListRejectedError, got ${String(err)}`);
    return err;
  }
  assert.fail('the parse was not rejected');
}

test('sniffs FtM JSON lines by the first line', () => {
  assert.equal(ftmJsonlParser.sniff(readFileSync(ZALA, 'utf8').slice(0, 65536), 'zala.entities.ftm.json'), true);
  assert.equal(ftmJsonlParser.sniff('{"id": "x", "schema": "Person", "properties": {"na', 'x.json'), true);
  assert.equal(ftmJsonlParser.sniff('[{"id": "x"}]', 'x.json'), false);
  assert.equal(ftmJsonlParser.sniff('id,schema,name\n', 'x.csv'), false);
  assert.equal(ftmJsonlParser.sourceOf('', 'x.json'), 'opensanctions');
});

test('yields exactly the thing-schema entities of each fixture, under their own ids', async () => {
  const counts: Record<string, number> = {};
  for (const path of FILES) {
    const expected = thingIds(path);
    const { entities, ctx } = await parseAll(ftmJsonlParser, path);
    assert.deepEqual(entities.map((e) => e.id).sort(), [...expected].sort(), path);
    assert.ok(entities.every((e) => e.source === 'opensanctions' && e.names[0]?.kind === 'primary'));
    assert.deepEqual(ctx.warnings, []);
    counts[path.split('/').pop() ?? path] = entities.length;
  }
  assert.deepEqual(counts, {
    't1.entities.ftm.json': 6,
    'zala.entities.ftm.json': 17,
    'parteispenden.entities.ftm.json': 96,
  });
});

test('zala: Alexander Vyacheslavovich ZAKHAROV with what his Sanctions, links and Address add', async () => {
  const { entities } = await parseAll(ftmJsonlParser, ZALA);
  const z = entities.find((e) => e.id === 'NK-aU5ybkbRFJucf8YMwsJvDw');
  assert.ok(z);
  assert.equal(z.schema, 'Person');
  assert.deepEqual(z.names, [
    {
      full: 'Alexander Vyacheslavovich ZAKHAROV',
      kind: 'primary',
      parts: { first: 'Alexander', middle: 'Vyacheslavovich', last: 'Zakharov', patronymic: 'Vyacheslavovich' },
    },
    { full: 'Aleksandr Vjačeslavovič Zacharov', kind: 'alias' },
    { full: 'Aleksandr Vyacheslavovich Zakharov', kind: 'alias' },
    { full: 'Alexander ZAKHAROV', kind: 'alias' },
    { full: 'ZAKHAROV, Aleksandr Vyacheslavovich', kind: 'alias' },
    { full: 'Zacharov Aleksandr Vjačeslavovič', kind: 'alias' },
    { full: 'Zakharov Aleksandr', kind: 'alias' },
    { full: 'Zakharov Aleksandr Vyacheslavovich', kind: 'alias' },
    { full: 'Zakharov Oleksandr Viacheslavovych', kind: 'alias' },
    { full: 'Александр Вячеславович Захаров', kind: 'alias', script: 'Cyrl' },
    { full: 'Захаров Александр Вячеславович', kind: 'alias', script: 'Cyrl' },
    { full: "Захаров Олександр В'ячеславович", kind: 'alias', script: 'Cyrl' },
  ]);
  // His own programIds plus "Reciprocal", the program of two Sanctions that give no programId.
  assert.deepEqual(z.programs, ['EU-UKR', 'GB-RUS', 'NZ-RSA2022', 'Reciprocal', 'SECO-UKRAINE', 'UA-SA1644', 'US-RUSHAR']);
  // The earliest listingDate/startDate of his 13 Sanctions (UA-SA1644, 2023-07-01).
  assert.equal(z.listedOn, '2023-07-01');
  assert.deepEqual(z.birthDates, [{ value: '1965-09-21' }]);
  assert.deepEqual(z.nationalities, ['RU']);
  assert.deepEqual(z.citizenships, ['RU']);
  assert.deepEqual(z.countries, ['RU']);
  assert.equal(z.gender, 'male');
  assert.deepEqual(z.identifiers, [
    { type: 'INN', value: '183111242406' },
    { type: 'Tax ID', value: '183111242406' },
  ]);
  assert.deepEqual(z.titles, ['Owner of LLC CST', 'Propriétaire de LLC CST']);
  // The Address entity is found through its referent id (addr-a300b5...).
  assert.deepEqual(z.addresses, [
    { full: '272 Pushkinskaya Street, Apt 41, Izhevsk, 426008', city: 'Izhevsk', country: 'RU' },
    { full: 'IZHEVSK, 426008' },
  ]);
  // Ownership, Directorship and Family links name the other side.
  assert.equal(z.linkedTo.length, 13);
  assert.ok(z.linkedTo.includes('LLC CST'));
  assert.ok(z.linkedTo.includes('Nikita Aleksandrovich Zakharov'));
  assert.match(z.remarks ?? '', /majority stakeholder of LLC CST/);
});

test('enrichers before their thing, Identification, Occupancy and weak and former names', async () => {
  const lines = [
    { id: 's1', schema: 'Sanction', properties: { entity: ['v1'], program: ['Iran'], listingDate: ['2019-05-01'] } },
    { id: 'i1', schema: 'Passport', properties: { holder: ['p1'], number: ['X123'], country: ['ir'] } },
    { id: 'pos', schema: 'Position', properties: { name: ['Minister of Oil'] } },
    { id: 'o1', schema: 'Occupancy', properties: { holder: ['p1'], post: ['pos'] } },
    { id: 'p1', schema: 'Person', properties: { name: ['Ali REZA'], weakAlias: ['Abu Ali'], previousName: ['Ali Rezai'] } },
    { id: 'v1', schema: 'Vessel', properties: { name: ['SEA STAR'], imoNumber: ['1234567'], flag: ['pa'] } },
    { id: 'pay', schema: 'Payment', properties: { payer: ['p1'] } },
  ];
  const path = tempFile('x.json', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const { entities } = await parseAll(ftmJsonlParser, path);
  assert.deepEqual(entities.map((e) => [e.id, e.schema]), [
    ['p1', 'Person'],
    ['v1', 'Vessel'],
  ]);
  assert.deepEqual(entities[0]?.names.map((n) => [n.full, n.kind]), [
    ['Ali REZA', 'primary'],
    ['Ali Rezai', 'former'],
    ['Abu Ali', 'weak'],
  ]);
  assert.deepEqual(entities[0]?.identifiers, [{ type: 'Passport', value: 'X123', country: 'IR' }]);
  assert.deepEqual(entities[0]?.titles, ['Minister of Oil']);
  assert.deepEqual(entities[1]?.programs, ['Iran']);
  assert.equal(entities[1]?.listedOn, '2019-05-01');
  assert.deepEqual(entities[1]?.identifiers, [{ type: 'IMO', value: '1234567' }]);
  assert.deepEqual(entities[1]?.countries, ['PA']);
});

test('an invalid JSON line is rejected with its line number', async () => {
  const good = JSON.stringify({ id: 'p1', schema: 'Person', properties: { name: ['A'] } });
  const err = await rejection(tempFile('x.json', [good, '', good.replace('p1', 'p2'), '{"id": "p3", "schema": '].join('\n')));
  assert.equal(err.file, 'x.json');
  assert.equal(err.line, 4);
  assert.match(err.reason, /invalid JSON/);
});

test('an empty file, and a file without screened schemas, are rejected', async () => {
  const empty = await rejection(tempFile('x.json', '\n\n'));
  assert.equal(empty.reason, 'file holds no records');
  const onlyLinks = await rejection(tempFile('y.json', JSON.stringify({ id: 'a', schema: 'Address', properties: {} }) + '\n'));
  assert.match(onlyLinks.reason, /no entity of a screened schema/);
});

test('a truncated gzip is rejected naming the file', async () => {
  const gz = gzipSync(readFileSync(ZALA));
  const err = await rejection(tempFile('zala.json.gz', gz.subarray(0, Math.floor(gz.length / 2))));
  assert.equal(err.file, 'zala.json.gz');
  assert.match(err.reason, /cannot read/);
});
