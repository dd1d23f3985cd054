import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parse as parseCsv } from 'csv-parse/sync';
import { join } from 'node:path';
import type { Entity } from '../../../domain/entities/entity.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListInput, ParseContext } from '../list-parser.js';
import { sharedData } from '../../../../test/paths.js';
import { ofacCsvParser } from './ofac-csv-parser.js';

interface Warning {
  readonly file: string;
  readonly line: number | undefined;
  readonly message: string;
}

interface Parsed {
  readonly entities: Entity[];
  readonly warnings: Warning[];
}

function file(path: string): ListFile {
  return { path, name: path.split('/').pop() ?? path };
}

function inputOf(primary: string, companions: Record<string, string> = {}): ListInput {
  return { primary: file(primary), companions: new Map(Object.entries(companions).map(([role, path]) => [role, file(path)])) };
}

async function parseAll(input: ListInput): Promise<Parsed> {
  const warnings: Warning[] = [];
  const ctx: ParseContext = { warn: (f, line, message) => warnings.push({ file: f, line, message }), setPublishedAt: () => undefined };
  const entities: Entity[] = [];
  for await (const e of ofacCsvParser.parse(input, ctx)) entities.push(e);
  return { entities, warnings };
}

const SDN_SET = inputOf(sharedData('ofac', 'sdn.csv'), {
  add: sharedData('ofac', 'add.csv'),
  alt: sharedData('ofac', 'alt.csv'),
  comments: sharedData('ofac', 'sdn_comments.csv'),
});

let sdn: Parsed;
let byId: Map<string, Entity>;

before(async () => {
  sdn = await parseAll(SDN_SET);
  byId = new Map(sdn.entities.map((e) => [e.id, e]));
});

test('the real SDN set yields every entry once', () => {
  assert.equal(sdn.entities.length, 14965);
  assert.equal(byId.size, 14965);
  assert.ok(sdn.entities.every((e) => e.source === 'ofac-sdn' && /^ofac-sdn:\d+$/.test(e.id)));
});

test('Kadyrov: name, parts, programs, remarks facts and the alias from alt.csv', () => {
  const e = byId.get('ofac-sdn:23343');
  assert.ok(e);
  assert.equal(e.schema, 'Person');
  assert.deepEqual(e.names[0], { full: 'KADYROV, Ramzan Akhmatovich', kind: 'primary', parts: { last: 'KADYROV', first: 'Ramzan Akhmatovich' } });
  assert.ok(e.names.some((n) => n.full === 'KADYROV, Ramzan Akhmadovitch' && n.kind === 'alias'));
  for (const p of ['GLOMAG', 'MAGNIT', 'RUSSIA-EO14024']) assert.ok(e.programs.includes(p), p);
  assert.deepEqual(e.birthDates, [{ value: '1976-10-05' }]);
  assert.deepEqual(e.nationalities, ['RU']);
  assert.equal(e.gender, 'male');
  assert.ok(e.birthPlaces.some((p) => p.includes('Tsenteroi')));
  assert.ok(e.addresses.some((a) => a.country === 'AE'), 'address from add.csv');
  assert.match(e.remarks ?? '', /^DOB 05 Oct 1976; POB Tsenteroi/);
});

test('Soleimani: programs, passport and citizenship', () => {
  const e = byId.get('ofac-sdn:10481');
  assert.ok(e);
  assert.equal(e.names[0]?.full, 'SOLEIMANI, Qasem');
  assert.deepEqual(e.programs, ['IFSR', 'IRGC', 'NPWMD', 'SDGT', 'SYRIA']);
  assert.deepEqual(e.citizenships, ['IR']);
  assert.deepEqual(e.identifiers, [{ type: 'Diplomatic Passport', value: '008827', country: 'IR', note: 'issued 1999' }]);
});

test('schemas follow the type column; vessels carry their call sign, flag and IMO', () => {
  const count = (schema: string): number => sdn.entities.filter((e) => e.schema === schema).length;
  assert.equal(count('Person'), 6854);
  assert.equal(count('Vessel'), 851);
  assert.equal(count('Aircraft'), 376);
  assert.equal(count('Organization'), 6884);
  const vessels = sdn.entities.filter((e) => e.schema === 'Vessel');
  assert.ok(vessels.filter((v) => v.identifiers.some((i) => i.type === 'IMO')).length > 800);
  assert.ok(vessels.filter((v) => v.identifiers.some((i) => i.type === 'Call Sign')).length > 100);
  assert.ok(vessels.filter((v) => v.countries.length > 0).length > 600);
});

test('weak a.k.a.s from remarks and strong aliases from alt.csv keep their kinds', () => {
  const bnc = byId.get('ofac-sdn:306');
  assert.ok(bnc);
  assert.ok(bnc.names.some((n) => n.full === 'BNC' && n.kind === 'weak'));
  assert.ok(bnc.names.some((n) => n.full === 'NATIONAL BANK OF CUBA' && n.kind === 'alias'));
  const weak = sdn.entities.reduce((n, e) => n + e.names.filter((x) => x.kind === 'weak').length, 0);
  const former = sdn.entities.reduce((n, e) => n + e.names.filter((x) => x.kind === 'former').length, 0);
  assert.ok(weak > 1000, `weak aliases: ${weak}`);
  assert.ok(former > 500, `former names: ${former}`);
});

test('a remarks field continued in sdn_comments.csv is read whole', () => {
  const e = byId.get('ofac-sdn:28263');
  assert.ok(e);
  assert.ok((e.remarks ?? '').length > 1000);
  assert.ok(e.linkedTo.includes('LAZARUS GROUP'));
});

test("siblings' rows for ent_nums missing from sdn.csv are warnings and attach nowhere", () => {
  const missing = sdn.warnings.filter((w) => /^ent_num \d+ is not in sdn\.csv$/.test(w.message));
  const byFile = (name: string): number => missing.filter((w) => w.file === name).length;
  assert.equal(byFile('add.csv'), 112);
  assert.equal(byFile('alt.csv'), 19);
  assert.ok(byFile('sdn_comments.csv') > 0);
  assert.ok(missing.every((w) => typeof w.line === 'number' && w.line > 0));
  const first = missing.find((w) => w.file === 'alt.csv');
  assert.ok(first?.line);
  const altLine = readFileSync(sharedData('ofac', 'alt.csv'), 'latin1').split('\r\n')[first.line - 1] ?? '';
  const [entNum, , , quotedName = ''] = altLine.split(',');
  assert.equal(first.message, `ent_num ${entNum} is not in sdn.csv`);
  const aliasName = quotedName.replace(/"/g, '');
  assert.ok(!byId.has(`ofac-sdn:${entNum}`));
  assert.ok(!sdn.entities.some((e) => e.names.some((n) => n.kind === 'alias' && n.full === aliasName)), aliasName);
});

test('addresses of ent_nums missing from sdn.csv are attached nowhere', () => {
  const rows = parseCsv(readFileSync(sharedData('ofac', 'add.csv'), 'latin1').slice(0, -1)) as string[][];
  const missing = new Set(sdn.warnings.filter((w) => w.file === 'add.csv').map((w) => w.message.split(' ')[1]));
  const streetCount = new Map<string, number>();
  for (const r of rows) streetCount.set(r[2] ?? '', (streetCount.get(r[2] ?? '') ?? 0) + 1);
  const unique = rows.filter((r) => missing.has(r[0]) && /[A-Za-z]{4}/.test(r[2] ?? '') && streetCount.get(r[2] ?? '') === 1);
  assert.ok(unique.length > 10, `${unique.length} unique addresses of missing ent_nums`);
  const allAddresses = sdn.entities.flatMap((e) => e.addresses.map((a) => a.full));
  for (const r of unique) assert.ok(!allAddresses.some((full) => full.includes(r[2] ?? '')), r[2]);
});

test('the consolidated set yields its 442 entities under ofac-cons', async () => {
  const dir = (...p: string[]): string => sharedData('ofac', 'consolidated', ...p);
  const cons = await parseAll(
    inputOf(dir('cons_prim.csv'), { add: dir('cons_add.csv'), alt: dir('cons_alt.csv'), comments: dir('cons_comments.csv') }),
  );
  assert.equal(cons.entities.length, 442);
  assert.ok(cons.entities.every((e) => e.id.startsWith('ofac-cons:') && e.source === 'ofac-cons'));
  const haniya = cons.entities.find((e) => e.id === 'ofac-cons:9639');
  assert.ok(haniya?.names.some((n) => n.full === 'HANIYA, Ismail' && n.kind === 'alias'));
  assert.deepEqual(haniya?.birthDates, [{ value: '1962' }]);
});

test('sniff, sourceOf and companionsOf', () => {
  const head = readFileSync(sharedData('ofac', 'sdn.csv'), 'latin1').slice(0, 65536);
  assert.equal(ofacCsvParser.sniff(head, 'sdn.csv'), true);
  assert.equal(ofacCsvParser.sniff(head, 'sdn-2024-05.csv'), true);
  assert.equal(ofacCsvParser.sniff(readFileSync(sharedData('ofac', 'add.csv'), 'latin1').slice(0, 65536), 'x.csv'), false);
  assert.equal(ofacCsvParser.sniff(readFileSync(sharedData('ofac', 'alt.csv'), 'latin1').slice(0, 65536), 'x.csv'), false);
  assert.equal(ofacCsvParser.sniff(readFileSync(sharedData('ofac', 'sdn_comments.csv'), 'latin1').slice(0, 65536), 'x.csv'), false);
  assert.equal(ofacCsvParser.sniff(head, 'sdn_comments.csv'), false);
  assert.equal(ofacCsvParser.sniff('Last Updated,27/04/2020\r\nName 6,Name 1\r\n', 'ConList.csv'), false);
  assert.equal(ofacCsvParser.sourceOf(head, 'sdn.csv'), 'ofac-sdn');
  assert.equal(ofacCsvParser.sourceOf('', 'cons_prim.csv'), 'ofac-cons');
  assert.deepEqual(ofacCsvParser.companionsOf?.('sdn.csv'), { add: 'add.csv', alt: 'alt.csv', comments: 'sdn_comments.csv' });
  assert.deepEqual(ofacCsvParser.companionsOf?.('sdn-2024-05.csv'), { add: 'add.csv', alt: 'alt.csv', comments: 'sdn_comments.csv' });
  assert.deepEqual(ofacCsvParser.companionsOf?.('cons_prim.csv'), { add: 'cons_add.csv', alt: 'cons_alt.csv', comments: 'cons_comments.csv' });
});

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'warden-ofac-csv-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const ROWS = [
  '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."',
  '2674,"ABBAS, Abu","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 10 Dec 1948; POB Safad, Israel."',
  '15036,"ALFA, LLC",-0- ,"SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tax ID No. 7707083893 (Russia), with a comma; Gender Male"',
];

async function writeTemp(name: string, content: string | Buffer): Promise<string> {
  const path = join(tmp, name);
  await writeFile(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  return path;
}

async function rejection(input: ListInput): Promise<ListRejectedError> {
  try {
    await parseAll(input);
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, String(err));
    return err;
  }
  assert.fail('expected a ListRejectedError');
}

test('a small hand-written set parses, with Latin-1 names and LF line ends', async () => {
  const crlf = await parseAll(inputOf(await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n\x1a`)));
  assert.deepEqual(crlf.entities.map((e) => e.id), ['ofac-sdn:36', 'ofac-sdn:306', 'ofac-sdn:2674', 'ofac-sdn:15036']);
  assert.deepEqual(crlf.entities[3]?.programs, ['IRGC', 'SDGT']);
  assert.equal(crlf.entities[3]?.schema, 'Organization');
  const latin = await parseAll(inputOf(await writeTemp('lf.csv', '1,"MU\xd1OZ, Jos\xe9","individual","SDNT",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n\x1a')));
  assert.equal(latin.entities[0]?.names[0]?.full, 'MUÑOZ, José');
  assert.deepEqual(latin.entities[0]?.names[0]?.parts, { last: 'MUÑOZ', first: 'José' });
});

test('a cut-short sdn.csv (no 0x1A) is rejected naming the file and its last line', async () => {
  const whole = readFileSync(sharedData('ofac', 'sdn.csv'));
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  const lines = cut.toString('latin1').split('\n').length;
  const err = await rejection(inputOf(await writeTemp('sdn.csv', cut)));
  assert.equal(err.file, 'sdn.csv');
  assert.equal(err.reason, 'file is cut short: no end-of-file marker (0x1A)');
  assert.equal(err.line, lines);
  const atRowEnd = await rejection(inputOf(await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n`)));
  assert.equal(atRowEnd.reason, 'file is cut short: no end-of-file marker (0x1A)');
  assert.equal(atRowEnd.line, 4);
});

test('a broken quote is rejected with the line of its record', async () => {
  const rows = [...ROWS];
  rows[2] = '2674,"ABBAS, Abu,"individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ';
  const err = await rejection(inputOf(await writeTemp('sdn.csv', `${rows.join('\r\n')}\r\n\x1a`)));
  assert.equal(err.file, 'sdn.csv');
  assert.equal(err.line, 3);
  assert.match(err.reason, /quot/i);
});

test('a broken quote deep in the real sdn.csv is rejected with the line of its record', async () => {
  const lines = readFileSync(sharedData('ofac', 'sdn.csv'), 'latin1').split('\r\n');
  const index = 9000;
  lines[index] = (lines[index] ?? '').replace('",', ',');
  const err = await rejection(inputOf(await writeTemp('sdn.csv', lines.join('\r\n'))));
  assert.equal(err.file, 'sdn.csv');
  assert.equal(err.line, index + 1);
  assert.match(err.reason, /quot/i);
});

test('a blank line between records is rejected with its line; blank lines at the end are not', async () => {
  const err = await rejection(inputOf(await writeTemp('sdn.csv', `${ROWS.slice(0, 2).join('\r\n')}\r\n\r\n${ROWS.slice(2).join('\r\n')}\r\n\x1a`)));
  assert.equal(err.line, 3);
  const trailing = await parseAll(inputOf(await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n\r\n \r\n\x1a\r\n`)));
  assert.equal(trailing.entities.length, 4);
});

test('a record with the wrong number of columns is rejected with its line', async () => {
  const rows = [...ROWS];
  rows[1] = '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA"';
  const second = await rejection(inputOf(await writeTemp('sdn.csv', `${rows.join('\r\n')}\r\n\x1a`)));
  assert.equal(second.line, 2);
  assert.match(second.reason, /expected 12 columns, found 4/);
  const first = await rejection(inputOf(await writeTemp('sdn.csv', `${rows.slice(1).join('\r\n')}\r\n\x1a`)));
  assert.equal(first.line, 1);
});

test('a non-numeric ent_num is rejected with its line, in the primary file and in a companion', async () => {
  const rows = [...ROWS];
  rows[3] = `X15036${(rows[3] ?? '').slice(5)}`;
  const err = await rejection(inputOf(await writeTemp('sdn.csv', `${rows.join('\r\n')}\r\n\x1a`)));
  assert.equal(err.line, 4);
  assert.match(err.reason, /ent_num/);
  const primary = await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n\x1a`);
  const alt = await writeTemp('alt.csv', '36,12,"aka","AERO-CARIBBEAN",-0- \r\nabc,13,"aka","X",-0- \r\n\x1a');
  const companion = await rejection(inputOf(primary, { alt }));
  assert.equal(companion.file, 'alt.csv');
  assert.equal(companion.line, 2);
});

test('an empty file is rejected: no bytes, or only the 0x1A marker and blank lines', async () => {
  for (const [name, content] of [
    ['empty.csv', ''],
    ['marker.csv', '\x1a'],
    ['blank.csv', '\r\n  \r\n\x1a'],
  ] as const) {
    const err = await rejection(inputOf(await writeTemp(name, content)));
    assert.equal(err.file, name);
    assert.equal(err.reason, 'file holds no records');
  }
});

test('a companion holding only the end marker adds nothing; an empty or cut-short one is rejected', async () => {
  const primary = await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n\x1a`);
  const none = await parseAll(inputOf(primary, { comments: await writeTemp('sdn_comments.csv', '\x1a') }));
  assert.equal(none.entities.length, 4);
  assert.deepEqual(none.warnings, []);
  const empty = await rejection(inputOf(primary, { comments: await writeTemp('sdn_comments.csv', '') }));
  assert.equal(empty.reason, 'file holds no records');
  const cut = await rejection(inputOf(primary, { alt: await writeTemp('alt.csv', '36,12,"aka","AERO-CARIB') }));
  assert.deepEqual([cut.file, cut.reason, cut.line], ['alt.csv', 'file is cut short: no end-of-file marker (0x1A)', 1]);
});

test('companion rows attach to their entities; unknown ent_nums warn with their line', async () => {
  const primary = await writeTemp('sdn.csv', `${ROWS.join('\r\n')}\r\n\x1a`);
  const alt = await writeTemp('alt.csv', '36,12,"aka","AERO-CARIBBEAN",-0- \r\n99,13,"fka","GONE",-0- \r\n306,14,"fka","OLD BANK",-0- \r\n\x1a');
  const add = await writeTemp('add.csv', '36,25,-0- ,"Havana","Cuba",-0- \r\n2674,26,"Street 1","Gaza","Palestinian",-0- \r\n\x1a');
  const comments = await writeTemp('sdn_comments.csv', '2674,"; Linked To: X CO."\n\x1a');
  const { entities, warnings } = await parseAll(inputOf(primary, { alt, add, comments }));
  const get = (id: string): Entity | undefined => entities.find((e) => e.id === id);
  assert.deepEqual(get('ofac-sdn:36')?.addresses, [{ full: 'Havana, Cuba', city: 'Havana', country: 'CU' }]);
  assert.deepEqual(get('ofac-sdn:36')?.countries, ['CU']);
  assert.ok(get('ofac-sdn:306')?.names.some((n) => n.full === 'OLD BANK' && n.kind === 'former'));
  assert.deepEqual(get('ofac-sdn:2674')?.linkedTo, ['X CO']);
  assert.ok(!entities.some((e) => e.names.some((n) => n.full === 'GONE')));
  assert.deepEqual(warnings, [{ file: 'alt.csv', line: 2, message: 'ent_num 99 is not in sdn.csv' }]);
});
