import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { loadConfig } from '../config/config.js';
import { startApi, type RunningApi } from './api.js';
import { warden } from '../../test/cli-harness.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import { sharedData } from '../../test/paths.js';

/**
 * The console's queue at scale: 10,000 open matches over 100,000 accounts (rows written
 * straight into SQLite, copied from one real match), and every queue page, filter and the
 * match evidence answer well under a second. (1,000,000 accounts measured by hand: same times,
 * see docs/ARCHITECTURE.md.)
 */
const ACCOUNTS = 100_000;
const MATCHES = 10_000;
let tdb: TestDatabase;
let api: RunningApi;
let key: string;

before(async () => {
  tdb = await createTestDatabase('sqlite');
  assert.equal((await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
  key = (JSON.parse((await warden(tdb.url, 'keys', 'create', '--role', 'analyst', '--json')).stdout) as { key: string }).key;
  const platform = (JSON.parse((await warden(tdb.url, 'keys', 'create', '--role', 'platform', '--json')).stdout) as { key: string }).key;
  api = await startApi(loadConfig({ WARDEN_PULL_INTERVAL_S: '0' }, { db: tdb.url }), { host: '127.0.0.1', port: 0 });
  const put = await fetch(`${api.url}/v1/accounts/seed`, { method: 'PUT', headers: { authorization: `Bearer ${platform}`, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'Ramzan Kadyrov' }) });
  assert.equal(put.status, 200);
  const db = new Database(tdb.url.slice('sqlite:'.length));
  const m = db.prepare('select * from matches limit 1').get() as Record<string, string | number>;
  const a = db.prepare("select * from accounts where id = 'seed'").get() as Record<string, string | number>;
  const insA = db.prepare('insert into accounts (id, record, links, followers, names_hash, state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const insM = db.prepare(
    'insert into matches (id, account_id, entity_id, score, algorithm, threshold, list_versions, explanation, status, names_hash, entity_hash, priority, created_at, updated_at, source, programs, script) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < ACCOUNTS; i++) insA.run(`acc-${i}`, JSON.stringify({ id: `acc-${i}`, displayName: `Person ${i}` }), '{}', i % 1000, a['names_hash'], 'active', a['created_at'], a['updated_at']);
    for (let i = 0; i < MATCHES; i++) {
      insM.run(`m_scale${i}`, `acc-${i * 7}`, m['entity_id'], 0.8 + (i % 200) / 1000, m['algorithm'], m['threshold'], m['list_versions'], m['explanation'], 'open', m['names_hash'], m['entity_hash'], (i * 7919) % 10007, m['created_at'], m['updated_at'], i % 3 ? 'ofac-sdn' : 'un', i % 2 ? m['programs'] : '|SDGT|', i % 5 ? 'Latn' : 'Cyrl');
    }
  })();
  db.close();
});
after(async () => {
  await api.close();
  await tdb.drop();
});

test(`the queue, its filters and a match answer in well under a second with ${MATCHES} open matches over ${ACCOUNTS} accounts`, async () => {
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const json = (await res.json()) as { matches?: { priority: number; source?: string }[]; next?: string | null };
    const ms = performance.now() - started;
    assert.equal(res.status, 200, path);
    assert.ok(ms < 500, `${path}: ${ms.toFixed(0)} ms`);
    return json;
  };
  const first = await get('/v1/matches?status=open&limit=50');
  assert.equal(first.matches?.length, 50);
  assert.ok(first.next);
  const second = await get(`/v1/matches?status=open&limit=50&cursor=${first.next}`);
  assert.ok(second.matches![0]!.priority <= first.matches!.at(-1)!.priority, 'the second page continues the first');
  for (const q of ['source=un', 'program=GLOMAG&script=Cyrl', 'minScore=0.99', 'program=NOSUCH']) await get(`/v1/matches?status=open&limit=50&${q}`);
  assert.equal((await get('/v1/matches?program=NOSUCH')).matches?.length, 0);
  await get('/v1/matches/m_scale77');
});
