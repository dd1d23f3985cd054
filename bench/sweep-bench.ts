import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestList } from '../src/app/ingest-list.js';
import { loadMatchIndex } from '../src/app/load-match-index.js';
import { sweepListVersion } from '../src/app/sweep-list-version.js';
import { upsertAccount } from '../src/app/upsert-account.js';
import { openListFeeds } from '../src/adapters/lists/list-feeds.js';
import { KyselyAuditStore } from '../src/adapters/storage/audit-events.js';
import { openDatabase } from '../src/adapters/storage/database.js';
import { KyselyEnforcementStore } from '../src/adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../src/adapters/storage/kysely-list-store.js';
import { createTestDatabase } from '../test/databases.js';
import { sharedData } from '../test/paths.js';

const clock = { now: () => new Date() };
const FORWARD_SAMPLE = 20_000;

interface Row {
  readonly label: string;
  readonly accounts: number;
  readonly seedS: number;
  readonly sweepS: number;
  readonly rescreened: number;
  readonly opened: number;
  readonly forwardS: number;
}

/** The SDN CSV set with some records left out, written to a folder. */
async function sdnWithout(dir: string, ids: ReadonlySet<string>): Promise<string> {
  for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv']) await copyFile(sharedData('ofac', f), join(dir, f));
  const real = (await readFile(sharedData('ofac', 'sdn.csv'))).toString('latin1');
  const path = join(dir, 'sdn.csv');
  await writeFile(path, Buffer.from(real.split('\r\n').filter((r) => !ids.has(r.slice(0, r.indexOf(',')))).join('\r\n'), 'latin1'));
  return path;
}

async function run(label: string, url: string, count: number, dir: string): Promise<Row> {
  const real = (await readFile(sharedData('ofac', 'sdn.csv'))).toString('latin1').split('\r\n');
  const persons = real.filter((r) => r.includes('"individual"')).map((r) => r.slice(0, r.indexOf(',')));
  const added = new Set(persons.filter((_, i) => i % 13 === 0).slice(0, 500));
  const removed = new Set(persons.filter((_, i) => i % 13 === 6).slice(0, 50));
  const oldDir = await mkdtemp(join(dir, 'old-'));
  const newDir = await mkdtemp(join(dir, 'new-'));
  const oldPath = await sdnWithout(oldDir, added);
  const newPath = await sdnWithout(newDir, removed);

  const database = await openDatabase(url);
  const listStore = new KyselyListStore(database.db, database.dialect);
  const deps = { listStore, auditStore: new KyselyAuditStore(database.db, database.dialect), clock };
  const enforcementStore = new KyselyEnforcementStore(database.db, database.dialect);
  try {
    for (const feed of await openListFeeds([oldPath])) await ingestList(deps, feed);
    const base = await loadMatchIndex({ listStore });
    const names = (await readFile(sharedData('names', 'synthetic_persons_global_part1.csv'), 'utf8'))
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] ?? '')
      .filter((n) => n !== '');
    const started = Date.now();
    // Ordinary people, seeded in bulk with their blocking keys (computed once per distinct name).
    const keysOf = new Map<string, string[]>();
    const at = clock.now().toISOString();
    const versionId = base.versions[0]!.id;
    const batch = 400;
    for (let i = 0; i < count - 1000; i += batch) {
      const rows = Array.from({ length: Math.min(batch, count - 1000 - i) }, (_, j) => ({ id: `p${i + j}`, name: names[(i + j) % names.length]! }));
      for (const r of rows) if (!keysOf.has(r.name)) keysOf.set(r.name, base.index.accountKeys({ id: r.id, displayName: r.name }));
      await database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('accounts')
          .values(rows.map((r) => ({ id: r.id, record: JSON.stringify({ id: r.id, displayName: r.name }), links: '{}', followers: 0, names_hash: '', state: 'active', created_at: at, updated_at: at })))
          .execute();
        const keyRows = rows.flatMap((r) => keysOf.get(r.name)!.map((key) => ({ key, account_id: r.id })));
        for (let k = 0; k < keyRows.length; k += 2000) await trx.insertInto('account_keys').values(keyRows.slice(k, k + 2000)).execute();
        await trx.insertInto('account_screenings').values(rows.map((r) => ({ account_id: r.id, version_id: versionId, screened_at: at }))).execute();
      });
    }
    // 1,000 planted variants of listed people (half of them designated only in the new version).
    const planted = [...added, ...persons.filter((p) => !added.has(p) && !removed.has(p)).slice(0, 500)];
    const people = new Map<string, string>();
    const [newFeed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
    for await (const e of newFeed!.entities({ warn() {}, setPublishedAt() {} })) {
      const id = e.id.slice('ofac-sdn:'.length);
      if (!planted.includes(id)) continue;
      const [last, first] = e.names[0]!.full.split(',').map((s) => s.trim());
      people.set(id, `${first ?? ''} ${last ?? ''}`.trim());
    }
    for (const [id, name] of people) {
      await upsertAccount({ enforcementStore, matchIndex: base.index, listVersions: [versionId], clock }, { record: { id: `v${id}`, displayName: name } }, 'bench');
    }
    const seedS = (Date.now() - started) / 1000;

    const t0 = Date.now();
    const [feed] = await openListFeeds([newPath]);
    const landed = await ingestList(deps, feed!);
    const now = await loadMatchIndex({ listStore });
    const sweep = await sweepListVersion({ listStore, enforcementStore, matchIndex: now.index, listVersions: now.versions.map((v) => v.id), clock }, landed.version.id);
    const sweepS = (Date.now() - t0) / 1000;

    const t1 = Date.now();
    const sample = Math.min(FORWARD_SAMPLE, count);
    for (let i = 0; i < sample; i++) now.index.screen({ id: `p${i}`, displayName: names[i % names.length]! });
    const forwardS = ((Date.now() - t1) / 1000) * (count / sample);
    return { label, accounts: count, seedS, sweepS, rescreened: sweep.accounts, opened: sweep.opened, forwardS };
  } finally {
    await database.close();
  }
}

/**
 * List changes: N accounts stored (ordinary people plus 1,000 planted variants of listed
 * people), then a new SDN version adding 500 entities and removing 50. Times the import-to-
 * matches-opened sweep beside a full forward re-screen of the same accounts (in memory,
 * screening only — no writes — timed on a 20,000-account sample and scaled), on SQLite and
 * PostgreSQL at 100,000 accounts and on SQLite at 1,000,000 (WARDEN_BENCH_LARGE=0 skips it).
 * Goals: the sweep under 10 s, at least 50× faster than the re-screen, and flat in N (ratio < 1.5).
 */
export async function benchSweep(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'warden-bench-sweep-'));
  const rows: Row[] = [];
  try {
    rows.push(await run('SQLite', `sqlite:${join(dir, 'a.db')}`, 100_000, dir));
    const pg = await createTestDatabase('postgres');
    try {
      rows.push(await run('PostgreSQL', pg.url, 100_000, dir));
    } finally {
      await pg.drop();
    }
    if (process.env['WARDEN_BENCH_LARGE'] !== '0') rows.push(await run('SQLite', `sqlite:${join(dir, 'b.db')}`, 1_000_000, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log('\n## List change sweep (new SDN version: +500 entities, -50), reverse screening vs full forward re-screen\n');
  console.log('| store | accounts | seeding s | sweep s (import → matches opened) | accounts re-screened | matches opened | full re-screen s (est.) | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.accounts} | ${r.seedS.toFixed(1)} | ${r.sweepS.toFixed(2)} | ${r.rescreened} | ${r.opened} | ${r.forwardS.toFixed(1)} | ${(r.forwardS / r.sweepS).toFixed(1)}× |`);
  }
  const small = rows.find((r) => r.label === 'SQLite' && r.accounts === 100_000);
  const large = rows.find((r) => r.accounts === 1_000_000);
  if (small && large) console.log(`\nSweep time 1,000,000 vs 100,000 accounts: ${(large.sweepS / small.sweepS).toFixed(2)}× (goal under 1.5).`);
}
