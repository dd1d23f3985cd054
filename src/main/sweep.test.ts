import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMatchIndex } from '../app/load-match-index.js';
import { reviewAccountMatch } from '../app/review-account-match.js';
import { upsertAccount } from '../app/upsert-account.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { openDatabase, type OpenDatabase } from '../adapters/storage/database.js';
import { sharedData } from '../../test/paths.js';
import { jsonLines, warden } from '../../test/cli-harness.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/databases.js';

const clock = { now: () => new Date() };
const LIVE = new Set(['open', 'escalated', 'confirmed']);

for (const dialect of TEST_DIALECTS)
describe(`sweeping a new list version over stored accounts on ${dialect}`, () => {
  let tdb: TestDatabase;
  let database: OpenDatabase;
  let dir: string;
  let vintage: string;
  before(async () => {
    tdb = await createTestDatabase(dialect);
    dir = await mkdtemp(join(tmpdir(), 'warden-sweep-'));
    for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv']) await copyFile(sharedData('ofac', f), join(dir, f));
    const real = (await readFile(sharedData('ofac', 'sdn.csv'))).toString('latin1');
    vintage = join(dir, 'sdn.csv');
    await writeFile(vintage, Buffer.from(real.split('\r\n').filter((r) => !r.startsWith('23343,') && !r.startsWith('10481,')).join('\r\n'), 'latin1'));
    assert.equal((await warden(tdb.url, 'lists', 'import', vintage)).code, 0);
    database = await openDatabase(tdb.url);
  });
  after(async () => {
    await database.close();
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a designation reaches exactly the affected accounts, agrees with a full re-screen, and a delisting goes to restoration review', async () => {
    const listStore = new KyselyListStore(database.db, database.dialect);
    const store = new KyselyEnforcementStore(database.db, database.dialect);
    const old = await loadMatchIndex({ listStore });
    const people = (await readFile(sharedData('names', 'synthetic_persons_us_part1.csv'), 'utf8')).split('\n').slice(1, 41).map((l) => l.split(',')[0]!);
    // A handle run together is read as Ramzan Akhmatovich Kadyrov only once Akhmatovich is
    // listed: stored before, it holds none of the keys the designation touches.
    const runTogether = { id: 'kadyrov-handle', handle: 'ramzanakhmatovichkadyrov' };
    const accounts = [{ id: 'kadyrov', displayName: 'Рамзан Кадыров' }, { id: 'soleimani', displayName: 'Qassem Suleimani' }, runTogether, ...people.map((n, i) => ({ id: `p${i}`, displayName: n }))];
    for (const a of accounts) await upsertAccount({ enforcementStore: store, matchIndex: old.index, listVersions: old.versions.map((v) => v.id), clock }, { record: a }, 'platform');
    assert.equal((await store.matchesOf('kadyrov')).filter((m) => m.entityId === 'ofac-sdn:23343').length, 0);
    const storedKeys = new Set(old.index.accountKeys(runTogether));
    assert.equal((await store.accountsWithKeys([...storedKeys])).includes(runTogether.id), true);

    const run = await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'), '--json');
    assert.equal(run.code, 0, run.stderr);
    const sweep = jsonLines(run)[0]?.['sweep'] as { accounts: number; opened: number };
    assert.ok(sweep.opened >= 2, JSON.stringify(sweep));
    assert.ok(sweep.accounts < accounts.length, `only the affected accounts are screened again (${sweep.accounts} of ${accounts.length})`);
    assert.equal((await store.matchesOf('kadyrov')).find((m) => m.entityId === 'ofac-sdn:23343')?.status, 'open');
    assert.equal((await store.matchesOf('soleimani')).find((m) => m.entityId === 'ofac-sdn:10481')?.status, 'open');
    const designated = await loadMatchIndex({ listStore });
    assert.ok(!designated.index.entityKeys(designated.index.entity('ofac-sdn:23343')!).some((k) => storedKeys.has(k)), 'the premise: the handle shared no key with the designation');
    assert.equal((await store.matchesOf(runTogether.id)).find((m) => m.entityId === 'ofac-sdn:23343')?.status, 'open', 'the run-together handle, cut with the newly listed parts');

    const now = await loadMatchIndex({ listStore });
    for (const a of accounts) {
      const forward = now.index.screen(a).map((m) => m.entityId).sort();
      const stored = (await store.matchesOf(a.id)).filter((m) => LIVE.has(m.status)).map((m) => m.entityId).sort();
      assert.deepEqual(stored, forward, `${a.id}: the sweep left what a full re-screen finds`);
    }
    const cov = JSON.parse((await warden(tdb.url, 'coverage', '--json')).stdout) as { versions: { versionId: string; share: number }[] };
    assert.deepEqual(cov.versions.map((v) => [v.versionId, v.share]), [['ofac-sdn@2', 1]]);

    const m = (await store.matchesOf('kadyrov')).find((x) => x.entityId === 'ofac-sdn:23343')!;
    await reviewAccountMatch({ enforcementStore: store, clock }, m.id, { kind: 'confirm', reason: 'same person' }, { id: 'analyst-1', role: 'analyst' });
    const delist = await warden(tdb.url, 'lists', 'import', vintage, '--json');
    assert.equal(delist.code, 0, delist.stderr);
    assert.equal((await store.matchesOf('kadyrov')).find((x) => x.entityId === 'ofac-sdn:23343')?.status, 'delisted');
    assert.equal((await store.account('kadyrov'))?.state, 'suspended', 'a lead decides the restoration');
    assert.deepEqual(await store.restorationQueue(10), ['kadyrov']);

    // Where the policy says so, a delisting restores without a lead.
    assert.equal((await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    const again = (await store.matchesOf('kadyrov')).find((x) => x.entityId === 'ofac-sdn:23343')!;
    assert.equal(again.status, 'confirmed', 'the designation came back: the match is confirmed again');
    assert.equal((await store.account('kadyrov'))?.state, 'suspended');
    await store.setPolicy({ rules: [], autoRestoreOnDelisting: true }, 'lead-1', new Date());
    assert.equal((await warden(tdb.url, 'lists', 'import', vintage)).code, 0);
    assert.equal((await store.account('kadyrov'))?.state, 'restored');
    assert.deepEqual(await store.restorationQueue(10), []);
  });
});
