import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../test/paths.js';
import { jsonLines, warden } from '../../../test/cli-harness.js';

const SDN = sharedData('ofac', 'sdn.csv');

/** Copies the OFAC SDN CSV set into `dir`, with sdn.csv replaced by `sdn` when given. */
async function sdnSet(dir: string, sdn?: Buffer): Promise<string> {
  for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv']) await copyFile(sharedData('ofac', f), join(dir, f));
  const path = join(dir, 'sdn.csv');
  if (sdn) await writeFile(path, sdn);
  else await copyFile(SDN, path);
  return path;
}

describe('warden lists and entities (CLI, embedded SQLite)', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-cli-'));
    db = `sqlite:${join(dir, 'warden.db')}`;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('imports the OFAC SDN CSV set as 14,965 entities with Kadyrov complete', async () => {
    const run = await warden(db, 'lists', 'import', SDN, '--json');
    assert.equal(run.code, 0, run.stderr);
    const [out] = jsonLines(run);
    assert.deepEqual(
      { ...out, warnings: undefined },
      { source: 'ofac-sdn', version: 1, versionId: 'ofac-sdn@1', status: 'created', entities: 14965, added: 14965, removed: 0, changed: 0, warnings: undefined },
    );
    assert.ok(Number(out?.['warnings']) > 0, 'the older sibling files name ent_nums missing from sdn.csv: warnings');

    const got = await warden(db, 'entities', 'get', 'ofac-sdn:23343', '--json');
    assert.equal(got.code, 0, got.stderr);
    const { entity, version, isListed } = JSON.parse(got.stdout) as {
      entity: { names: { full: string; kind: string }[]; programs: string[]; birthDates: { value: string }[]; schema: string };
      version: { versionId: string };
      isListed: boolean;
    };
    assert.equal(entity.names[0]?.full, 'KADYROV, Ramzan Akhmatovich');
    assert.equal(entity.schema, 'Person');
    assert.ok(entity.programs.includes('GLOMAG'));
    assert.deepEqual(entity.birthDates, [{ value: '1976-10-05' }]);
    assert.ok(entity.names.some((n) => n.full === 'KADYROV, Ramzan Akhmadovitch' && n.kind === 'alias'));
    assert.equal(version.versionId, 'ofac-sdn@1');
    assert.equal(isListed, true);
  });

  test('the same files again are reported unchanged', async () => {
    const [out] = jsonLines(await warden(db, 'lists', 'import', SDN, '--json'));
    assert.equal(out?.['status'], 'unchanged');
    assert.equal(out?.['version'], 1);
  });

  test('imports the UN XML as 1,003 entities including IRi.039', async () => {
    const run = await warden(db, 'lists', 'import', sharedData('un', 'UN_consolidated.xml'), '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(jsonLines(run)[0]?.['entities'], 1003);
    const got = await warden(db, 'entities', 'get', 'un:IRi.039');
    assert.equal(got.code, 0);
    assert.match(got.stdout, /SOLEIMANI/i);
  });

  for (const [label, make, reason] of [
    ['a truncated sdn.csv', async (real: Buffer) => real.subarray(0, Math.floor(real.length / 2)), /cut short|end-of-file|0x1A/i],
    ['a row with a broken quote', async (real: Buffer) => Buffer.from(real.toString('latin1').replace('"KADYROV, Ramzan Akhmatovich"', '"KADYROV, Ramzan Akhmatovich'), 'latin1'), /quote|:\d+/i],
    ['an empty file', async () => Buffer.alloc(0), /empty|no records/i],
    ['a 50% shrink', async (real: Buffer) => halfOfRows(real), /fewer than the active version ofac-sdn@1/],
  ] as const) {
    test(`rejects ${label}, names the file, and keeps the active version`, async () => {
      const sub = await mkdtemp(join(dir, 'bad-'));
      const path = await sdnSet(sub, await make(await readFile(SDN)));
      const run = await warden(db, 'lists', 'import', path, '--json');
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(run.stderr, reason);
      const [out] = jsonLines(run);
      assert.equal(out?.['status'], 'rejected');
      const status = JSON.parse((await warden(db, 'lists', 'status', '--json')).stdout) as { sources: { versionId: string }[] };
      assert.ok(status.sources.some((s) => s.versionId === 'ofac-sdn@1'));
      assert.equal(status.sources.filter((s) => s.versionId.startsWith('ofac-sdn@')).length, 1);
    });
  }

  test('a truncated or broken row names its line', async () => {
    const sub = await mkdtemp(join(dir, 'line-'));
    const real = (await readFile(SDN)).toString('latin1');
    const lineOfKadyrov = real.slice(0, real.indexOf('23343,"KADYROV')).split('\n').length;
    const path = await sdnSet(sub, Buffer.from(real.replace('"KADYROV, Ramzan Akhmatovich"', '"KADYROV, Ramzan Akhmatovich'), 'latin1'));
    const run = await warden(db, 'lists', 'import', path);
    assert.equal(run.code, 1);
    const m = /sdn\.csv:(\d+)/.exec(run.stderr);
    assert.ok(m, run.stderr);
    assert.ok(Number(m[1]) >= lineOfKadyrov, `line ${m[1]} should be at or after ${lineOfKadyrov}`);
  });

  test('an older vintage, then the real file: the diff names exactly the removed and changed rows', async () => {
    const vdb = `sqlite:${join(dir, 'vintage.db')}`;
    const real = (await readFile(SDN)).toString('latin1');
    const records = real.split('\r\n');
    const removed = ['10481', '21465'];
    const changedIds = ['23343', '36080'];
    const older = records
      .filter((r) => !removed.some((id) => r.startsWith(`${id},`)))
      .map((r) => (changedIds.some((id) => r.startsWith(`${id},`)) ? r.replace(/^(\d+),"/, '$1,"OLD ') : r))
      .join('\r\n');
    const sub = await mkdtemp(join(dir, 'vintage-'));
    const oldPath = await sdnSet(sub, Buffer.from(older, 'latin1'));
    assert.equal((await warden(vdb, 'lists', 'import', oldPath)).code, 0);
    const run = await warden(vdb, 'lists', 'import', SDN, '--json');
    assert.equal(run.code, 0, run.stderr);
    const diff = JSON.parse((await warden(vdb, 'lists', 'diff', 'ofac-sdn', '--json')).stdout) as {
      added: string[];
      removed: string[];
      changed: { id: string; fields: string[] }[];
    };
    assert.deepEqual(diff.added.sort(), removed.map((id) => `ofac-sdn:${id}`).sort());
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(diff.changed.map((c) => c.id).sort(), changedIds.map((id) => `ofac-sdn:${id}`).sort());
    for (const c of diff.changed) assert.ok(c.fields.includes('names'), `${c.id} changed its names: ${c.fields.join(',')}`);
    const reverse = JSON.parse((await warden(vdb, 'lists', 'diff', 'ofac-sdn', '--from', '2', '--to', '1', '--json')).stdout) as { removed: string[] };
    assert.deepEqual(reverse.removed.sort(), removed.map((id) => `ofac-sdn:${id}`).sort());
  });

  test('imports and rejections are in the audit log, which verifies; an edit in SQL is caught', async () => {
    const list = await warden(db, 'audit', 'list', '--json');
    const actions = jsonLines<{ action: string; subject: string; actor: string }>(list).map((e) => `${e.actor} ${e.action} ${e.subject}`);
    assert.ok(actions.includes('cli list.version.created ofac-sdn@1'));
    assert.ok(actions.includes('cli list.feed.rejected ofac-sdn'));
    const ok = await warden(db, 'audit', 'verify', '--json');
    assert.equal(ok.code, 0);
    assert.equal((JSON.parse(ok.stdout) as { ok: boolean }).ok, true);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db.slice('sqlite:'.length));
    raw.prepare("update audit_events set data = '{}' where seq = 1").run();
    raw.close();
    const broken = await warden(db, 'audit', 'verify');
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /BROKEN at event 1: event 1 was altered/);
  });

  test('usage errors exit 2, unknown entities exit 1', async () => {
    assert.equal((await warden(db, 'lists', 'bogus')).code, 2);
    assert.equal((await warden(db, 'lists', 'import')).code, 2);
    assert.equal((await warden(db, 'entities', 'get', 'ofac-sdn:999999999')).code, 1);
    assert.equal((await warden(db, 'lists', 'diff', 'nosuchsource')).code, 1);
  });
});

/** sdn.csv with every other record dropped (keeping the end-of-file marker). */
function halfOfRows(real: Buffer): Buffer {
  const text = real.toString('latin1');
  const body = text.endsWith('\x1a') ? text.slice(0, -1) : text;
  const records = body.split('\r\n').filter((r) => r !== '');
  const kept = records.filter((_, i) => i % 2 === 0);
  return Buffer.from(`${kept.join('\r\n')}\r\n\x1a`, 'latin1');
}
