import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMatchIndex } from '../app/load-match-index.js';
import { upsertAccount } from '../app/upsert-account.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { openDatabase } from '../adapters/storage/database.js';
import { loadConfig } from '../config/config.js';
import { startApi, type RunningApi } from './api.js';
import { sharedData } from '../../test/paths.js';
import { warden } from '../../test/cli-harness.js';

describe('warden serve pulls its sources on a schedule', () => {
  let dir: string;
  let db: string;
  let mirror: Server;
  let api: RunningApi | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-schedule-'));
    db = `sqlite:${join(dir, 'warden.db')}`;
    const brokenUk = (await readFile(sharedData('uk', 'ConList_sample_2020-04-27.csv'), 'utf8')).replace(/\n([^\n]*)"/, '\n$1');
    mirror = createServer((req, res) => {
      if (req.url === '/un/consolidated.xml') return void createReadStream(sharedData('un', 'UN_consolidated.xml')).pipe(res.writeHead(200));
      if (req.url === '/uk/ConList.csv') return void res.writeHead(200).end(brokenUk);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await api?.close();
    await new Promise((r) => mirror.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  test('a new version lands and is swept over stored accounts; a rejected feed is an alert and a metric', async () => {
    // An account stored before the UN list is known: the scheduled pull must reach it.
    const database = await openDatabase(db);
    const { index } = await loadMatchIndex({ listStore: new KyselyListStore(database.db, database.dialect) });
    await upsertAccount(
      { enforcementStore: new KyselyEnforcementStore(database.db, database.dialect), matchIndex: index, listVersions: [], clock: { now: () => new Date() } },
      { record: { id: 'qasem', displayName: 'Qasem Soleimani' } },
      'platform',
    );
    await database.close();
    const base = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
    api = await startApi(loadConfig({ WARDEN_PULL_INTERVAL_S: '3600', WARDEN_PULL_SOURCES: 'un,uk', WARDEN_LIST_MIRROR: base, WARDEN_PULL_ATTEMPTS: '1' }, { db }), { host: '127.0.0.1', port: 0 });
    const key = (JSON.parse((await warden(db, 'keys', 'create', '--role', 'lead', '--json')).stdout) as { key: string }).key;
    const get = async (path: string): Promise<Record<string, unknown>> => (await (await fetch(`${api!.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as Record<string, unknown>;
    let lists: Record<string, unknown> = {};
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      lists = await get('/v1/lists');
      if ((lists['pulls'] as unknown[]).length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual((lists['versions'] as { id: string }[]).map((v) => v.id), ['un@1']);
    const alerts = lists['alerts'] as { source: string; status: string; message: string }[];
    assert.deepEqual(alerts.map((a) => [a.source, a.status]), [['uk', 'rejected']]);
    assert.match(alerts[0]!.message, /ConList\.csv:\d+/);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    assert.match(metrics, /warden_list_pulls_total\{source="uk",status="rejected"\} 1/);
    assert.match(metrics, /warden_list_pulls_total\{source="un",status="created"\} 1/);
    const account = await get('/v1/accounts/qasem');
    const matches = account['matches'] as { entityId: string; status: string }[];
    assert.ok(matches.some((m) => m.entityId === 'un:IRi.039' && m.status === 'open'), JSON.stringify(matches));
  });
});
