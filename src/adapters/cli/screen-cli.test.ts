import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../test/paths.js';
import { jsonLines, warden } from '../../../test/cli-harness.js';

interface Line {
  accountId: string;
  matches: { entityId: string; score: number; entityName: string; source: string; programs: string[]; schema: string; explanation: { algorithm: { name: string } } }[];
}

/** The issue's "must find" list: account → the entity it must be matched to. */
const MUST_FIND: [Record<string, string>, string][] = [
  [{ displayName: 'Рамзан Кадыров' }, 'ofac-sdn:23343'],
  [{ displayName: 'Ramzan Kadyrov' }, 'ofac-sdn:23343'],
  [{ displayName: 'KADYROV Ramzan' }, 'ofac-sdn:23343'],
  [{ handle: 'ramzan_kadyrov_95' }, 'ofac-sdn:23343'],
  [{ displayName: 'Рамзан Ахматович Кадыров' }, 'ofac-sdn:23343'],
  [{ displayName: '𝐑𝐚𝐦𝐳𝐚𝐧 𝐊𝐚𝐝𝐲𝐫𝐨𝐯' }, 'ofac-sdn:23343'],
  [{ displayName: 'Qassem Suleimani' }, 'ofac-sdn:10481'],
  [{ displayName: 'قاسم سليماني' }, 'ofac-sdn:10481'],
  [{ displayName: 'Милорад Додик' }, 'ofac-sdn:21465'],
];

describe('warden screen and compare (CLI)', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-screen-'));
    db = `sqlite:${join(dir, 'warden.db')}`;
    const run = await warden(db, 'lists', 'import', sharedData('ofac', 'sdn.csv'), sharedData('un', 'UN_consolidated.xml'));
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('finds every must-find account, explained, and clears ordinary people', async () => {
    const accounts = [
      ...MUST_FIND.map(([fields], i) => ({ id: `must-${i}`, ...fields })),
      { id: 'plain-1', displayName: 'Emily Johnson', birthDate: '1990-04-12', country: 'US' },
      { id: 'plain-2', displayName: 'Hiroshi Tanaka', handle: 'hiro_t' },
    ];
    const file = join(dir, 'accounts.jsonl');
    await writeFile(file, accounts.map((a) => JSON.stringify(a)).join('\n'));
    const run = await warden(db, 'screen', file);
    assert.equal(run.code, 0, run.stderr);
    const out = jsonLines<Line>(run);
    assert.deepEqual(out.map((l) => l.accountId), accounts.map((a) => a.id), 'one line per account, in order');
    for (const [i, [, entityId]] of MUST_FIND.entries()) {
      const matches = out[i]?.matches ?? [];
      assert.ok(matches.some((m) => m.entityId === entityId), `${JSON.stringify(MUST_FIND[i]?.[0])} must find ${entityId}: ${JSON.stringify(matches.map((m) => m.entityId))}`);
      const m = matches.find((x) => x.entityId === entityId)!;
      assert.ok(m.score > 0 && m.score <= 1);
      assert.ok(m.explanation.algorithm.name.length > 0);
      assert.equal(m.source, 'ofac-sdn');
      const scores = matches.map((x) => x.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
    }
    assert.deepEqual(out.find((l) => l.accountId === 'plain-1')?.matches, []);
    assert.match(run.stderr, /screened 11 accounts against ofac-sdn@1, un@1/);
  });

  test('malformed records are reported with their line and skipped; the rest is screened; exit 1', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 'ok-1', displayName: 'Ramzan Kadyrov' }),
        '{"id": "broken", ',
        JSON.stringify({ id: 'no-name' }),
        JSON.stringify({ id: 'bad-date', displayName: 'X', birthDate: '1976-02-30' }),
        JSON.stringify({ id: 'ok-2', handle: 'someone' }),
      ].join('\n'),
    );
    const run = await warden(db, 'screen', file);
    assert.equal(run.code, 1);
    assert.deepEqual(jsonLines<Line>(run).map((l) => l.accountId), ['ok-1', 'ok-2']);
    assert.match(run.stderr, /bad\.jsonl:2: skipped: \(record\) invalid JSON/);
    assert.match(run.stderr, /bad\.jsonl:3: skipped: displayName displayName or handle is required/);
    assert.match(run.stderr, /bad\.jsonl:4: skipped: birthDate/);
    assert.match(run.stderr, /3 skipped/);
  });

  test('CSV input, --out, a threshold, and worker threads give the same results', async () => {
    const file = join(dir, 'accounts.csv');
    const rows = ['id,displayName,handle,birthDate,country'];
    for (let i = 0; i < 600; i++) rows.push(`a${i},${i % 100 === 0 ? 'Ramzan Kadyrov' : `Person Number${i}`},,${1950 + (i % 50)},`);
    rows.push('bad,,,,');
    await writeFile(file, rows.join('\n'));
    const one = join(dir, 'one.jsonl');
    const two = join(dir, 'two.jsonl');
    const r1 = await warden(db, 'screen', file, '--out', one, '--workers', '1');
    const r2 = await warden(db, 'screen', file, '--out', two, '--workers', '2');
    assert.equal(r1.code, 1, 'one record skipped');
    assert.match(r1.stderr, /accounts\.csv:602: skipped/);
    const a = await readFile(one, 'utf8');
    assert.equal(a, await readFile(two, 'utf8'));
    assert.equal(a.trim().split('\n').length, 600);
    assert.match(r2.stderr, /2 threads/);
    const high = await warden(db, 'screen', file, '--threshold', '1', '--workers', '1');
    assert.ok(jsonLines<Line>(high).every((l) => l.matches.every((m) => m.score >= 1)));
    assert.equal((await warden(db, 'screen', file, '--threshold', '1.5')).code, 2);
  });

  test('compare scores two names, and --pairs prints one JSON line per row in order', async () => {
    const run = await warden(db, 'compare', 'Ramzan Kadyrov', 'Рамзан Кадыров', '--json');
    assert.equal(run.code, 0, run.stderr);
    const c = JSON.parse(run.stdout) as { score: number; match: boolean; threshold: number; explanation: object };
    assert.equal(c.match, true);
    assert.ok(c.score >= c.threshold);
    const other = JSON.parse((await warden(db, 'compare', 'Ramzan Kadyrov', 'Emily Johnson', '--json')).stdout) as { score: number; match: boolean };
    assert.equal(other.match, false);
    assert.ok(other.score < c.score);
    const pairs = join(dir, 'pairs.csv');
    await writeFile(pairs, 'name1,name2,schema,extra\nRamzan Kadyrov,KADYROV Ramzan,Person,x\nAcme LLC,Acme Limited Liability Company,Company,y\nJohn Smith,Maria Garcia,,z\n');
    const p = await warden(db, 'compare', '--pairs', pairs);
    assert.equal(p.code, 0, p.stderr);
    const lines = jsonLines<{ score: number; match: boolean }>(p);
    assert.equal(lines.length, 3);
    assert.equal(lines[0]?.match, true);
    assert.equal(lines[2]?.match, false);
    assert.equal((await warden(db, 'compare', 'only-one')).code, 2);
  });
});
