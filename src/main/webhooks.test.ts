import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../adapters/webhooks/http-webhook-sender.js';
import { loadConfig } from '../config/config.js';
import { startApi, type RunningApi } from './api.js';
import { sharedData } from '../../test/paths.js';
import { jsonLines, warden } from '../../test/cli-harness.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/databases.js';

const SECRET = 'test-secret-0123456789';

/** A platform receiver that refuses every other request, checks signatures and dedupes by id. */
class FlakyReceiver {
  readonly accepted = new Map<string, { type: string; accountId: string }>();
  duplicates = 0;
  badSignatures = 0;
  private requests = 0;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => {
      this.server?.close(resolve);
      this.server?.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += (chunk as Buffer).toString();
    this.requests += 1;
    if (this.requests % 2 === 1) return void res.writeHead(503).end();
    if (!verifyWebhookSignature(SECRET, String(req.headers['warden-signature']), body)) {
      this.badSignatures += 1;
      return void res.writeHead(401).end();
    }
    const event = JSON.parse(body) as { id: string; type: string; accountId: string };
    if (this.accepted.has(event.id)) this.duplicates += 1;
    else this.accepted.set(event.id, { type: event.type, accountId: event.accountId });
    res.writeHead(200).end();
  }
}

for (const dialect of TEST_DIALECTS)
describe(`signed webhooks on ${dialect}: no action lost, none doubled for a receiver that dedupes`, () => {
  let tdb: TestDatabase;
  let db: string;
  let api: RunningApi;
  const receiver = new FlakyReceiver();

  before(async () => {
    tdb = await createTestDatabase(dialect);
    db = tdb.url;
    assert.equal((await warden(db, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    await receiver.start();
    assert.equal((await warden(db, 'webhooks', 'add', `http://127.0.0.1:${receiver.port}/hook`, '--secret', SECRET)).code, 0);
    api = await startApi(loadConfig({ WARDEN_WEBHOOK_BACKOFF_MS: '40', WARDEN_WEBHOOK_POLL_MS: '25', WARDEN_PULL_INTERVAL_S: '0' }, { db }), { host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await api.close();
    await receiver.stop();
    await tdb.drop();
  });

  test('every suspend and restore arrives, signed, through refusals and a receiver restart', async () => {
    const key = async (role: string): Promise<string> => (JSON.parse((await warden(db, 'keys', 'create', '--role', role, '--json')).stdout) as { key: string }).key;
    const [platform, analyst, lead] = [await key('platform'), await key('analyst'), await key('lead')];
    const call = async (method: string, path: string, k: string, body: unknown): Promise<Record<string, unknown>> => {
      const res = await fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.ok(res.ok, `${method} ${path}: ${res.status}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const suspended: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = `acct-${i}`;
      const put = await call('PUT', `/v1/accounts/${id}`, platform, { displayName: 'Ramzan Kadyrov' });
      const m = (put['matches'] as { id: string; entityId: string }[]).find((x) => x.entityId === 'ofac-sdn:23343')!;
      await call('POST', `/v1/matches/${m.id}/review`, analyst, { decision: 'confirm', reason: 'same person' });
      suspended.push(id);
      if (i === 5) {
        await receiver.stop();
        await new Promise((r) => setTimeout(r, 300));
        await receiver.start(receiver.port);
      }
      if (i === 11) await call('POST', `/v1/accounts/${id}/restore`, lead, { reason: 'wrong person', overturn: [m.id] });
    }
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && receiver.accepted.size < 13) await new Promise((r) => setTimeout(r, 100));
    const events = [...receiver.accepted.values()];
    assert.equal(events.filter((e) => e.type === 'account.suspend').length, 12);
    assert.deepEqual(events.filter((e) => e.type === 'account.restore').map((e) => e.accountId), ['acct-11']);
    assert.deepEqual([...new Set(events.filter((e) => e.type === 'account.suspend').map((e) => e.accountId))].sort(), [...suspended].sort());
    assert.equal(receiver.badSignatures, 0);
    await new Promise((r) => setTimeout(r, 200));
    const deliveries = jsonLines<{ status: string; attempts: number }>(await warden(db, 'webhooks', 'deliveries', '--json'));
    assert.equal(deliveries.length, 13);
    assert.ok(deliveries.every((d) => d.status === 'delivered'), JSON.stringify(deliveries));
    assert.ok(deliveries.some((d) => d.attempts > 1), 'refused attempts were retried');

    const auditor = await key('auditor');
    const tte = (await (await fetch(`${api.url}/v1/metrics/time-to-enforcement`, { headers: { authorization: `Bearer ${auditor}` } })).json()) as {
      sources: { source: string; suspensions: number; stages: Record<string, { count: number; p50: number; p99: number }> }[];
    };
    const sdn = tte.sources.find((x) => x.source === 'ofac-sdn');
    assert.equal(sdn?.suspensions, 12);
    assert.equal(sdn?.stages['decisionToDelivery']?.count, 12);
    assert.ok(sdn!.stages['matchToDecision']!.p50 >= 0);
    assert.ok(sdn!.stages['total']!.p99 >= sdn!.stages['total']!.p50);
    const prom = await (await fetch(`${api.url}/metrics`)).text();
    assert.match(prom, /warden_time_to_enforcement_seconds\{source="ofac-sdn",stage="total",quantile="0\.5"\} [0-9.]+/);
  });
});
