import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestList } from '../src/app/ingest-list.js';
import { loadMatchIndex } from '../src/app/load-match-index.js';
import { sweepListVersion } from '../src/app/sweep-list-version.js';
import { namesHashOf, upsertAccount } from '../src/app/upsert-account.js';
import { openListFeeds } from '../src/adapters/lists/list-feeds.js';
import { KyselyAuditStore } from '../src/adapters/storage/audit-events.js';
import { openDatabase, type OpenDatabase } from '../src/adapters/storage/database.js';
import { KyselyEnforcementStore } from '../src/adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../src/adapters/storage/kysely-list-store.js';
import type { MatchIndex, StoredKeys } from '../src/domain/matching/match-types.js';
import { createTestDatabase, dialectsNamedBy } from '../test/databases.js';
import { sharedData } from '../test/paths.js';
import { loadOrdinaryPeople } from './matching/datasets.js';

const clock = { now: () => new Date() };
/** Accounts per bulk insert statement while seeding, and per page of the forward re-screen. */
const CHUNK = 5_000;
/** Planted accounts: variants of listed people, half of them designated only in the new version. */
const PLANTED = 1_000;
const ADDED = 500;
const REMOVED = 50;
/** Accounts the forward re-screen screens one by one; above it, a systematic sample (see run). */
const FORWARD_FULL_MAX = 100_000;

interface Row {
  readonly store: string;
  readonly accounts: number;
  readonly seedS: number;
  /** Import of the new version (parse, store, diff). */
  readonly importS: number;
  /** The new match index, derived from the one in use and the diff (`warden serve`). */
  readonly indexS: number;
  /** A full build of the same index (what `warden lists import`, with no index in memory, pays); not in the sweep time. */
  readonly fullIndexS: number;
  /** sweepListVersion: reverse screening of the touched keys, matches opened, delistings. */
  readonly reverseS: number;
  readonly rescreened: number;
  readonly opened: number;
  readonly delisted: number;
  /** Planted accounts of the added entities whose match was opened by the sweep. */
  readonly plantedFound: number;
  /** Every stored account read back and screened with the new index; matched ones upserted. */
  readonly forwardS: number;
  readonly forwardMatched: number;
  readonly forwardNewFound: number;
  /** 1 when every account was screened forward; n when every n-th was and the time scaled. */
  readonly stride: number;
  /** True when the reverse-screen time is estimated (see run) rather than measured. */
  readonly estimated: boolean;
  /** Accounts holding a key the change touched: what the sweep looks up and scores (each distinct record once). */
  readonly held: number;
}

/** Above this many projected seconds the 1,000,000-account sweep is estimated, not run (WARDEN_BENCH_LARGE=full runs it). */
const LARGE_SWEEP_BUDGET_S = 120;

/** The SDN CSV set with some records left out, written to a folder. */
async function sdnWithout(dir: string, ids: ReadonlySet<string>): Promise<string> {
  for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv']) await copyFile(sharedData('ofac', f), join(dir, f));
  const real = (await readFile(sharedData('ofac', 'sdn.csv'))).toString('latin1');
  const path = join(dir, 'sdn.csv');
  await writeFile(path, Buffer.from(real.split('\r\n').filter((r) => !ids.has(r.slice(0, r.indexOf(',')))).join('\r\n'), 'latin1'));
  return path;
}

/** `StoredAccount.namesHash` of an account with this display name and no handle. */
const namesHash = (displayName: string): string => namesHashOf({ displayName });

/**
 * Rows as one JSON parameter, inserted by the engine's own JSON table function (one statement
 * per chunk: `json_each` on SQLite, `json_to_recordset` on PostgreSQL).
 */
async function bulkInsert(database: OpenDatabase, table: string, columns: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))));
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  if (database.dialect === 'sqlite') {
    const picks = sql.join(columns.map((c) => sql`value ->> ${'$.' + c}`));
    await sql`insert into ${sql.table(table)} (${cols}) select ${picks} from json_each(${json})`.execute(database.db);
  } else {
    const types = sql.join(columns.map((c) => sql`${sql.ref(c)} ${sql.raw(c === 'followers' ? 'integer' : 'text')}`));
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_to_recordset(${json}::json) as x(${types})`.execute(database.db);
  }
}

/**
 * Seeds ordinary accounts straight into the tables `upsertAccount` writes for an account with
 * no match (accounts, account_names, name_keys, name_cuts, key_variants, account_screenings), the keys from the same
 * `MatchIndex.storedKeys` (computed once per distinct name). Bulk set-up only: the sweep and
 * the re-screen below run the real paths.
 */
async function seedOrdinary(database: OpenDatabase, index: MatchIndex, versionId: string, names: readonly string[], count: number): Promise<void> {
  const keysOf = new Map<string, StoredKeys>();
  const variantsStored = new Set<string>();
  const at = clock.now().toISOString();
  for (let i = 0; i < count; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - i) }, (_, j) => ({ id: `p${String(i + j).padStart(7, '0')}`, name: names[(i + j) % names.length]! }));
    const variants: [string, string][] = [];
    const newNames: string[] = [];
    for (const r of rows) {
      if (keysOf.has(r.name)) continue;
      const stored = index.storedKeys({ id: r.id, displayName: r.name });
      keysOf.set(r.name, stored);
      newNames.push(r.name);
      for (const [variant, key] of stored.variants) {
        const pair = `${variant}\u0000${key}`;
        if (variantsStored.has(pair)) continue;
        variantsStored.add(pair);
        variants.push([variant, key]);
      }
    }
    await database.db.transaction().execute(async (trx) => {
      const t = { ...database, db: trx };
      await bulkInsert(t, 'accounts', ['id', 'record', 'links', 'followers', 'names_hash', 'state', 'created_at', 'updated_at'],
        rows.map((r) => [r.id, JSON.stringify({ id: r.id, displayName: r.name }), '{}', 0, namesHash(r.name), 'active', at, at]));
      await bulkInsert(t, 'account_names', ['names_hash', 'display_name', 'keyed_by'], newNames.map((name) => [namesHash(name), name, keysOf.get(name)!.keyedBy]));
      await bulkInsert(t, 'name_keys', ['key', 'names_hash'], newNames.flatMap((name) => keysOf.get(name)!.keys.map((key) => [key, namesHash(name)])));
      await bulkInsert(t, 'name_cuts', ['cut', 'names_hash'], newNames.flatMap((name) => keysOf.get(name)!.cuts.map((cut) => [cut, namesHash(name)])));
      await bulkInsert(t, 'key_variants', ['variant', 'key'], variants);
      await bulkInsert(t, 'account_screenings', ['account_id', 'version_id', 'screened_at'], rows.map((r) => [r.id, versionId, at]));
    });
  }
}

/**
 * One store and size. `small` (the 100,000-account run on the same store) lets a large run
 * estimate instead of sweeping: when the small run's reverse screen, scaled to this many
 * accounts, exceeds the budget, it still imports, builds the index and looks up the accounts
 * holding the touched keys (the sweep's first step, the same store calls), and reports those
 * accounts times the small run's seconds per such account instead of sweeping. Every run counts
 * those accounts after its sweep, so the lookup warms nothing the sweep reads.
 */
async function run(store: string, url: string, count: number, dir: string, names: readonly string[], small?: Row): Promise<Row> {
  const real = (await readFile(sharedData('ofac', 'sdn.csv'))).toString('latin1').split('\r\n');
  const persons = real.filter((r) => r.includes('"individual"')).map((r) => r.slice(0, r.indexOf(',')));
  const added = new Set(persons.filter((_, i) => i % 13 === 0).slice(0, ADDED));
  const removed = new Set(persons.filter((_, i) => i % 13 === 6).slice(0, REMOVED));
  const oldPath = await sdnWithout(await mkdtemp(join(dir, 'old-')), added);
  const newPath = await sdnWithout(await mkdtemp(join(dir, 'new-')), removed);

  // Opened as `warden serve` opens it: on SQLite the write-ahead log is checkpointed on a thread of its own.
  const database = await openDatabase(url, { backgroundCheckpoints: true });
  const listStore = new KyselyListStore(database.db, database.dialect);
  const deps = { listStore, auditStore: new KyselyAuditStore(database.db, database.dialect), clock };
  const enforcementStore = new KyselyEnforcementStore(database.db, database.dialect);
  try {
    for (const feed of await openListFeeds([oldPath])) await ingestList(deps, feed);
    const base = await loadMatchIndex({ listStore });
    const versionId = base.versions[0]!.id;
    const started = Date.now();
    await seedOrdinary(database, base.index, versionId, names, count - PLANTED);
    // The planted accounts, through the real upsert: listed people in given-name-first order.
    const planted = [...added, ...persons.filter((p) => !added.has(p) && !removed.has(p)).slice(0, PLANTED - added.size)];
    const plantedSet = new Set(planted);
    const [fullFeed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
    for await (const e of fullFeed!.entities({ warn() {}, setPublishedAt() {} })) {
      const id = e.id.slice('ofac-sdn:'.length);
      if (!plantedSet.has(id)) continue;
      const [last, first] = e.names[0]!.full.split(',').map((s) => s.trim());
      const record = { id: `v${id}`, displayName: `${first ?? ''} ${last ?? ''}`.trim() };
      await upsertAccount({ enforcementStore, matchIndex: base.index, listVersions: [versionId], clock }, { record }, 'bench');
    }
    // After a bulk load PostgreSQL has no statistics yet (autovacuum gathers them within a
    // minute or so) and would plan the key lookups as full scans; a DBA runs ANALYZE.
    if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
    const seedS = (Date.now() - started) / 1000;

    // The sweep: import → index → reverse screening → matches opened.
    const t0 = Date.now();
    const [feed] = await openListFeeds([newPath]);
    const landed = await ingestList(deps, feed!);
    const t1 = Date.now();
    // As a running `warden serve` does: the new index derived from the one in use and the diff.
    const now = await loadMatchIndex({ listStore }, base);
    const t2 = Date.now();
    // What a process without an index in memory (`warden lists import`) pays instead; not counted.
    await loadMatchIndex({ listStore });
    const fullBuildS = (Date.now() - t2) / 1000;
    const tLookup = Date.now();
    const listVersions = now.versions.map((v) => v.id);
    // The accounts holding a key of an added or changed entity: the sweep's first step.
    const heldAccounts = async (): Promise<number> => {
      const keys = new Set<string>();
      for await (const d of listStore.deltas(base.versions[0]!.id, landed.version.id)) {
        const entity = d.change === 'removed' ? undefined : now.index.entity(d.entityId);
        if (entity) for (const k of now.index.entityKeys(entity)) keys.add(k);
      }
      return (await enforcementStore.accountsWithKeys([...keys])).length;
    };
    let estimate: { rescreened: number; seconds: number } | undefined;
    let held = NaN;
    const projectedS = small ? (small.reverseS * count) / small.accounts : 0;
    if (small && projectedS > LARGE_SWEEP_BUDGET_S && process.env['WARDEN_BENCH_LARGE'] !== 'full') {
      held = await heldAccounts();
      const lookupS = (Date.now() - tLookup) / 1000;
      estimate = { rescreened: held, seconds: lookupS + held * (small.reverseS / Math.max(1, small.held)) };
    }
    const tSweep = estimate ? tLookup : Date.now();
    const sweep = estimate
      ? { accounts: estimate.rescreened, opened: NaN, delisted: NaN }
      : await sweepListVersion({ listStore, enforcementStore, matchIndex: now.index, listVersions, clock }, landed.version.id);
    const t3 = estimate ? tLookup + estimate.seconds * 1000 : Date.now();
    const reverseS = (t3 - tSweep) / 1000;
    if (!estimate) held = await heldAccounts();
    const addedIds = new Set([...added].map((id) => `ofac-sdn:${id}`));
    let plantedFound = estimate ? NaN : 0;
    if (!estimate) for (const id of added) if ((await enforcementStore.matchesOf(`v${id}`)).some((m) => m.entityId === `ofac-sdn:${id}` && m.status === 'open')) plantedFound++;

    // The forward re-screen of the same accounts with the same new index: every account read
    // back in keyset pages and screened; the ones with a match go through upsertAccount (the
    // write path). Accounts without a match are not written (a lower bound of its cost). Above
    // FORWARD_FULL_MAX accounts, every stride-th account is screened and the screening time
    // scaled by the stride (WARDEN_BENCH_FULL_FORWARD=1 screens them all).
    const stride = count > FORWARD_FULL_MAX && process.env['WARDEN_BENCH_FULL_FORWARD'] !== '1' ? Math.ceil(count / FORWARD_FULL_MAX) : 1;
    const t4 = process.hrtime.bigint();
    let screenNs = 0n;
    let forwardMatched = 0;
    let forwardNewFound = 0;
    let after = '';
    let seen = 0;
    for (;;) {
      const page = await database.db.selectFrom('accounts').select(['id', 'record']).where('id', '>', after).orderBy('id').limit(CHUNK).execute();
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      for (const a of page) {
        if (seen++ % stride !== 0) continue;
        const ts = process.hrtime.bigint();
        const record = JSON.parse(a.record) as { id: string; displayName?: string };
        const matches = now.index.screen(record, { limit: 50 });
        if (matches.length > 0) {
          forwardMatched++;
          if (matches.some((m) => addedIds.has(m.entityId))) forwardNewFound++;
          await upsertAccount({ enforcementStore, matchIndex: now.index, listVersions, clock }, { record }, 'bench:forward');
        }
        screenNs += process.hrtime.bigint() - ts;
      }
    }
    const readS = Number(process.hrtime.bigint() - t4 - screenNs) / 1e9;
    const forwardS = readS + (Number(screenNs) / 1e9) * stride;
    return {
      store, accounts: count, seedS,
      importS: (t1 - t0) / 1000, indexS: (t2 - t1) / 1000, fullIndexS: fullBuildS, reverseS,
      rescreened: sweep.accounts, opened: sweep.opened, delisted: sweep.delisted, plantedFound,
      forwardS, forwardMatched, forwardNewFound, stride, estimated: estimate !== undefined, held,
    };
  } finally {
    await database.close();
  }
}

const f = (s: number): string => s.toFixed(2);

/**
 * List changes: N accounts stored (the 80,000 ordinary people of shared/data/names, repeated
 * to N, plus 1,000 planted listed people, 500 of them designated only in the new version),
 * then a new OFAC SDN version adding 500 entities and removing 50. Times import → all matches
 * opened by the sweep (reverse screening), and, in the same run on the same accounts and index,
 * a full forward re-screen (every account read and screened; matched ones upserted). On SQLite
 * and PostgreSQL, at 100,000 and 1,000,000 accounts (WARDEN_BENCH_LARGE=0 skips 1,000,000).
 * Goals: sweep under 10 s at 1,000,000, at least 50× faster than the re-screen, and flat in N
 * (1,000,000 / 100,000 sweep time under 1.5).
 */
export async function benchSweep(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'warden-bench-sweep-'));
  const names = (await loadOrdinaryPeople()).map((p) => p.fullName).filter((n) => n !== '');
  const sizes = process.env['WARDEN_BENCH_LARGE'] === '0' ? [100_000] : [100_000, 1_000_000];
  const stores = dialectsNamedBy('WARDEN_BENCH_STORES');
  console.log(`\n## List change sweep (new OFAC SDN version: +${ADDED} entities, -${REMOVED}): reverse screening vs full forward re-screen\n`);
  console.log(`Accounts: the ${names.length.toLocaleString('en-US')} ordinary names repeated, plus ${PLANTED} planted listed people (${ADDED} designated only in the new version). Sweep = import of the new version + the new match index + \`sweepListVersion\`, on one thread, as a running \`warden serve\` does it: the index is derived from the one in use and the diff (\`loadMatchIndex\` with the previous index; the full build a process without one pays, \`warden lists import\`, is shown beside, not counted). Forward re-screen = the same import and index, then every stored account read back and screened, matched ones upserted (unmatched ones are not written, so this is a lower bound); at 1,000,000 accounts every 10th account is screened and the screening time multiplied by 10 (all pages are still read; \`WARDEN_BENCH_FULL_FORWARD=1\` screens every account). A 1,000,000-account reverse screen projected over ${LARGE_SWEEP_BUDGET_S} s (the 100,000 run's, ×10) is estimated instead (accounts holding the touched keys × the 100,000 run's seconds per such account), marked est. (\`WARDEN_BENCH_LARGE=full\` runs it). Seeding is bulk set-up, not measured against a goal; on PostgreSQL it ends with \`ANALYZE\` (as autovacuum would do shortly after such a load).\n`);
  console.log('| store | accounts | seeding s | import s | index s (derived) | full index build s (not counted) | reverse screen s | **sweep s** (import → matches opened) | accounts re-screened | matches opened | delisted | planted new found | forward screen s | **forward total s** | accounts matched (forward) | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows: Row[] = [];
  const print = (r: Row): void => {
    rows.push(r);
    const est = r.estimated ? ' est.' : '';
    const sweepS = r.importS + r.indexS + r.reverseS;
    const forwardTotal = r.importS + r.indexS + r.forwardS;
    const or = (x: number): string => (Number.isNaN(x) ? 'not run' : String(x));
    console.log(`| ${r.store} | ${r.accounts.toLocaleString('en-US')} | ${r.seedS.toFixed(1)} | ${f(r.importS)} | ${f(r.indexS)} | ${f(r.fullIndexS)} | ${f(r.reverseS)}${est} | **${f(sweepS)}${est}** | ${r.rescreened} (${((100 * r.rescreened) / r.accounts).toFixed(1)}%) | ${or(r.opened)} | ${or(r.delisted)} | ${Number.isNaN(r.plantedFound) ? 'not run' : `${r.plantedFound}/${ADDED}`} | ${r.forwardS.toFixed(1)}${r.stride > 1 ? ` (est.: every ${r.stride}th screened)` : ''} | **${forwardTotal.toFixed(1)}** | ${r.forwardMatched}${r.stride > 1 ? ` of 1/${r.stride}` : ''} (${r.forwardNewFound} to new entities) | ${(forwardTotal / sweepS).toFixed(1)}×${est} |`);
  };
  try {
    for (const count of sizes) {
      const smallRun = (store: string): Row | undefined => (count > 100_000 ? rows.find((r) => r.store === store && r.accounts === 100_000) : undefined);
      if (stores.includes('sqlite')) print(await run('SQLite', `sqlite:${join(dir, `s${count}.db`)}`, count, dir, names, smallRun('SQLite')));
      if (!stores.includes('postgres')) continue;
      const pg = await createTestDatabase('postgres');
      try {
        print(await run('PostgreSQL', pg.url, count, dir, names, smallRun('PostgreSQL')));
      } finally {
        await pg.drop();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log('');
  for (const store of ['SQLite', 'PostgreSQL']) {
    const small = rows.find((r) => r.store === store && r.accounts === 100_000);
    const large = rows.find((r) => r.store === store && r.accounts === 1_000_000) ?? small;
    if (!small || !large) continue;
    const est = large.estimated ? ' (est.)' : '';
    const s = small.importS + small.indexS + small.reverseS;
    const l = large.importS + large.indexS + large.reverseS;
    const ratio = (large.forwardS + large.importS + large.indexS) / l;
    const size = large.accounts.toLocaleString('en-US');
    console.log(`- ${store}, ${size} accounts: sweep ${f(l)} s${est} (goal < 10 s: ${l < 10 ? 'met' : 'NOT met'}); ${ratio.toFixed(1)}×${est} faster than the forward re-screen (goal ≥ 50×: ${ratio >= 50 ? 'met' : 'NOT met'}); re-screened ${((100 * large.rescreened) / large.accounts).toFixed(1)}% of the accounts.` +
      (large !== small ? ` 1,000,000 vs 100,000 sweep time: ${(l / s).toFixed(2)}×${est} (goal < 1.5: ${l / s < 1.5 ? 'met' : 'NOT met'}).` : ''));
  }
}
