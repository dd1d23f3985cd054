import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.js';
import { ROLES, PERMISSIONS, type Role } from '../domain/access/permissions.js';
import { startApi, type RunningApi } from './api.js';
import { sharedData } from '../../test/paths.js';
import { warden } from '../../test/cli-harness.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/databases.js';

/** Every authenticated route, the permission it requires, and a request that passes validation. */
const ROUTES: { method: string; path: string; permission: keyof typeof PERMISSIONS; body?: unknown }[] = [
  { method: 'POST', path: '/v1/screen', permission: 'screen', body: { id: 'a1', displayName: 'Ramzan Kadyrov' } },
  { method: 'GET', path: '/v1/lists', permission: 'lists.read' },
  { method: 'GET', path: '/v1/lists/ofac-sdn/versions', permission: 'lists.read' },
  { method: 'GET', path: '/v1/audit/verify', permission: 'audit.read' },
  { method: 'GET', path: '/v1/audit?limit=5', permission: 'audit.read' },
  { method: 'PUT', path: '/v1/accounts/matrix-1', permission: 'accounts.write', body: { displayName: 'Emily Johnson' } },
  { method: 'GET', path: '/v1/accounts/matrix-1', permission: 'accounts.read' },
  { method: 'GET', path: '/v1/matches?status=open', permission: 'matches.read' },
  { method: 'POST', path: '/v1/matches/m_nosuch/review', permission: 'matches.review', body: { decision: 'dismiss', reason: 'x' } },
  { method: 'POST', path: '/v1/accounts/matrix-1/restore', permission: 'accounts.restore', body: { reason: 'x' } },
  { method: 'GET', path: '/v1/policy', permission: 'policy.read' },
  { method: 'PUT', path: '/v1/policy', permission: 'policy.write', body: { rules: [] } },
  { method: 'GET', path: '/v1/jobs/job_nosuch', permission: 'accounts.write' },
  { method: 'GET', path: '/v1/coverage', permission: 'coverage.read' },
  { method: 'GET', path: '/v1/restorations', permission: 'restorations.read' },
  { method: 'GET', path: '/v1/metrics/time-to-enforcement', permission: 'metrics.read' },
  { method: 'GET', path: '/v1/matches?status=open&source=ofac-sdn&program=GLOMAG&minScore=0.5&script=Cyrl', permission: 'matches.read' },
  { method: 'GET', path: '/v1/matches/m_nosuch', permission: 'matches.read' },
  { method: 'GET', path: '/v1/accounts/matrix-1/deliveries', permission: 'accounts.read' },
  { method: 'GET', path: '/v1/lists/ofac-sdn/versions/1/changes', permission: 'lists.read' },
  { method: 'GET', path: '/v1/session', permission: 'session.read' },
  { method: 'DELETE', path: '/v1/session', permission: 'session.read' },
];

for (const dialect of TEST_DIALECTS)
describe(`HTTP API on ${dialect} (warden serve, real server on loopback)`, () => {
  let tdb: TestDatabase;
  let db: string;
  let api: RunningApi;
  const keys = {} as Record<Role, string>;

  const call = async (method: string, path: string, opts: { key?: string; body?: unknown; raw?: string } = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
        ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json: json as Record<string, unknown>, text };
  };

  before(async () => {
    tdb = await createTestDatabase(dialect);
    db = tdb.url;
    assert.equal((await warden(db, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    for (const role of ROLES) {
      const run = await warden(db, 'keys', 'create', '--role', role, '--json');
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as { key: string; role: string };
      assert.equal(out.role, role);
      keys[role] = out.key;
    }
    api = await startApi(loadConfig({ WARDEN_PULL_INTERVAL_S: '0' }, { db }), { host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await api.close();
    await tdb.drop();
  });

  test('every role × route: 200 where the policy allows, 403 where not, 401 without a key', async () => {
    for (const route of ROUTES) {
      assert.equal((await call(route.method, route.path, { body: route.body })).status, 401, `${route.path} without a key`);
      assert.equal((await call(route.method, route.path, { body: route.body, key: 'wdn_bogus_key' })).status, 401);
      for (const role of ROLES) {
        const allowed = (PERMISSIONS[route.permission] as readonly Role[]).includes(role);
        const res = await call(route.method, route.path, { body: route.body, key: keys[role] });
        // Allowed: past the policy (200, or the route's own 404/409 for the probe's ids and states).
        if (allowed) assert.ok([200, 404, 409].includes(res.status), `${role} ${route.method} ${route.path}: ${res.status} ${res.text.slice(0, 200)}`);
        else assert.equal(res.status, 403, `${role} ${route.method} ${route.path}: ${res.text.slice(0, 200)}`);
        if (!allowed) assert.equal((res.json['error'] as { code: string }).code, 'forbidden');
      }
    }
  });

  test('POST /v1/screen finds Kadyrov with an explanation and stores nothing', async () => {
    const before = (await call('GET', '/v1/audit?limit=1000', { key: keys.auditor })).json['events'] as unknown[];
    const res = await call('POST', '/v1/screen', { key: keys.platform, body: { id: 'acc-1', displayName: 'Рамзан Кадыров', country: 'ru' } });
    assert.equal(res.status, 200);
    const matches = res.json['matches'] as { entityId: string; score: number; explanation: { summary: string } }[];
    assert.equal(matches[0]?.entityId, 'ofac-sdn:23343');
    assert.ok(matches[0]!.score >= (res.json['threshold'] as number));
    assert.ok(matches[0]!.explanation.summary.length > 0);
    const afterEvents = (await call('GET', '/v1/audit?limit=1000', { key: keys.auditor })).json['events'] as unknown[];
    assert.equal(afterEvents.length, before.length);
  });

  test('bad input answers 400 with field paths: invalid JSON, unknown field, bad date, no name, oversize body', async () => {
    const key = keys.platform;
    const invalid = await call('POST', '/v1/screen', { key, raw: '{"id": ' });
    assert.equal(invalid.status, 400);
    const unknown = await call('POST', '/v1/screen', { key, body: { id: 'a', displayName: 'X', nickname: 'y' } });
    assert.equal(unknown.status, 400);
    assert.match(JSON.stringify(unknown.json), /nickname|unrecognized/i);
    const badDate = await call('POST', '/v1/screen', { key, body: { id: 'a', displayName: 'X', birthDate: '1976-02-30' } });
    assert.equal(badDate.status, 400);
    assert.match(JSON.stringify(badDate.json), /body\.birthDate/);
    const noName = await call('POST', '/v1/screen', { key, body: { id: 'a' } });
    assert.equal(noName.status, 400);
    assert.match(JSON.stringify(noName.json), /displayName or handle is required/);
    const big = await call('POST', '/v1/screen', { key, body: { id: 'a', displayName: 'X', bio: 'x'.repeat(70 * 1024) } });
    assert.equal(big.status, 413);
    assert.equal((big.json['error'] as { code: string }).code, 'body_too_large');
    const missing = await call('GET', '/v1/lists/nosuch/versions', { key: keys.analyst });
    assert.equal(missing.status, 404);
    assert.equal((await call('GET', '/v1/nothing-here')).status, 404);
  });

  test('the OpenAPI document describes every route; docs, health and metrics are served', async () => {
    const doc = await call('GET', '/openapi.json');
    assert.equal(doc.status, 200);
    const paths = Object.keys(doc.json['paths'] as object);
    for (const p of ['/v1/screen', '/v1/lists', '/v1/lists/{source}/versions', '/v1/audit/verify', '/v1/audit', '/healthz', '/metrics']) {
      assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
    }
    assert.equal((await call('GET', '/docs/')).status, 200);
    const health = await call('GET', '/healthz');
    assert.deepEqual(health.json, { ok: true, ready: true, entities: 14965 });
    const metrics = await call('GET', '/metrics');
    assert.match(metrics.text, /warden_match_index_entities 14965/);
  });

  test('a list version imported by another process reaches the running index within 5 s', async () => {
    assert.equal((await warden(db, 'lists', 'import', sharedData('un', 'UN_consolidated.xml'))).code, 0);
    const started = Date.now();
    let entities = 0;
    while (Date.now() - started < 5000) {
      entities = (await call('GET', '/healthz')).json['entities'] as number;
      if (entities === 14965 + 1003) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(entities, 14965 + 1003);
  });

  test('the Kadyrov story: upsert, queue, confirm suspends, restore refused while designated, overturn by another lead', async () => {
    const put = await call('PUT', '/v1/accounts/kadyrov-ru', { key: keys.platform, body: { displayName: 'Рамзан Кадыров', followers: 1_500_000 } });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json['verdict'], 'review');
    const opened = (put.json['matches'] as { id: string; entityId: string; status: string }[]).find((m) => m.entityId === 'ofac-sdn:23343');
    assert.equal(opened?.status, 'open');
    const clear = await call('PUT', '/v1/accounts/plain-1', { key: keys.platform, body: { displayName: 'Emily Johnson', country: 'US' } });
    assert.equal(clear.json['verdict'], 'clear');

    const queue = await call('GET', '/v1/matches?status=open&limit=200', { key: keys.analyst });
    const queued = queue.json['matches'] as { id: string; priority: number }[];
    assert.ok(queued.some((m) => m.id === opened!.id));
    assert.deepEqual(queued.map((m) => m.priority), [...queued.map((m) => m.priority)].sort((a, b) => b - a), 'highest priority first');

    const confirm = await call('POST', `/v1/matches/${opened!.id}/review`, { key: keys.analyst, body: { decision: 'confirm', reason: 'same person, official account' } });
    assert.equal(confirm.status, 200, confirm.text);
    assert.equal(confirm.json['status'], 'confirmed');
    const again = await call('POST', `/v1/matches/${opened!.id}/review`, { key: keys.analyst, body: { decision: 'dismiss', reason: 'changed my mind' } });
    assert.equal(again.status, 409);

    const account = await call('GET', '/v1/accounts/kadyrov-ru', { key: keys.analyst });
    const enforcement = account.json['enforcement'] as { state: string; actions: { action: string }[] };
    assert.equal(enforcement.state, 'suspended');
    assert.deepEqual(enforcement.actions.map((a) => a.action), ['account.suspend']);
    const reput = await call('PUT', '/v1/accounts/kadyrov-ru', { key: keys.platform, body: { displayName: 'Рамзан Кадыров' } });
    assert.equal(reput.json['verdict'], 'enforce');

    const refused = await call('POST', '/v1/accounts/kadyrov-ru/restore', { key: keys.lead, body: { reason: 'support request' } });
    assert.equal(refused.status, 409);
    const error = refused.json['error'] as { code: string; entities: string[] };
    assert.equal(error.code, 'restore_blocked_by_designation');
    assert.deepEqual(error.entities, ['ofac-sdn:23343']);
    assert.equal((await call('POST', '/v1/accounts/kadyrov-ru/restore', { key: keys.analyst, body: { reason: 'x' } })).status, 403);
    const timeline = (await call('GET', '/v1/accounts/kadyrov-ru', { key: keys.auditor })).json['timeline'] as { action: string }[];
    assert.deepEqual(
      timeline.map((e) => e.action).filter((a) => a !== 'match.opened'),
      ['match.reviewed', 'account.suspended', 'account.restore.refused'],
    );

    const lead2 = JSON.parse((await warden(db, 'keys', 'create', '--role', 'lead', '--json')).stdout) as { key: string };
    const overturn = await call('POST', '/v1/accounts/kadyrov-ru/restore', { key: lead2.key, body: { reason: 'wrong person: namesake', overturn: [opened!.id] } });
    assert.equal(overturn.status, 200, overturn.text);
    assert.deepEqual(overturn.json, { state: 'restored', overturned: [opened!.id] });
    const after = await call('GET', '/v1/accounts/kadyrov-ru', { key: keys.analyst });
    assert.equal((after.json['enforcement'] as { state: string }).state, 'restored');
  });

  test('a dismissed match stays dismissed until the account names change, then opens again', async () => {
    const first = await call('PUT', '/v1/accounts/namesake', { key: keys.platform, body: { displayName: 'Ramzan Kadyrov' } });
    const m = (first.json['matches'] as { id: string; entityId: string }[]).find((x) => x.entityId === 'ofac-sdn:23343')!;
    assert.equal((await call('POST', `/v1/matches/${m.id}/review`, { key: keys.analyst, body: { decision: 'dismiss', reason: 'a namesake' } })).status, 200);
    const same = await call('PUT', '/v1/accounts/namesake', { key: keys.platform, body: { displayName: 'Ramzan Kadyrov', bio: 'new bio' } });
    assert.equal((same.json['matches'] as { id: string; status: string }[]).find((x) => x.id === m.id)?.status, 'dismissed');
    assert.equal(same.json['verdict'], (same.json['matches'] as { status: string }[]).some((x) => x.status === 'open') ? 'review' : 'clear');
    const renamed = await call('PUT', '/v1/accounts/namesake', { key: keys.platform, body: { displayName: 'Ramzan A. Kadyrov' } });
    assert.equal((renamed.json['matches'] as { id: string; status: string }[]).find((x) => x.id === m.id)?.status, 'open');
    assert.equal(renamed.json['verdict'], 'review');
  });

  test('a suspend rule confirms and suspends at once; the policy change is audited', async () => {
    const set = await call('PUT', '/v1/policy', { key: keys.lead, body: { rules: [{ sources: ['ofac-sdn'], programs: ['GLOMAG'], minScore: 0.9, requireBirthDate: true, action: 'suspend' }] } });
    assert.equal(set.status, 200, set.text);
    const version = set.json['version'] as number;
    const bad = await call('PUT', '/v1/policy', { key: keys.lead, body: { rules: [{ action: 'ban' }] } });
    assert.equal(bad.status, 400);
    const noDob = await call('PUT', '/v1/accounts/policy-1', { key: keys.platform, body: { displayName: 'Ramzan Kadyrov' } });
    assert.equal(noDob.json['verdict'], 'review');
    const withDob = await call('PUT', '/v1/accounts/policy-2', { key: keys.platform, body: { displayName: 'Ramzan Kadyrov', birthDate: '1976-10-05' } });
    assert.equal(withDob.json['verdict'], 'enforce', withDob.text);
    const account = await call('GET', '/v1/accounts/policy-2', { key: keys.analyst });
    assert.equal((account.json['enforcement'] as { state: string }).state, 'suspended');
    const m = (account.json['matches'] as { entityId: string; status: string; decidedBy: string }[]).find((x) => x.entityId === 'ofac-sdn:23343');
    assert.deepEqual([m?.status, m?.decidedBy], ['confirmed', `policy:v${version}`]);
    const events = (await call('GET', `/v1/audit?subject=policy:${version}`, { key: keys.auditor })).json['events'] as { action: string }[];
    assert.deepEqual(events.map((e) => e.action), ['policy.changed']);
    assert.equal((await call('PUT', '/v1/policy', { key: keys.lead, body: { rules: [] } })).status, 200);
  });

  test('account input errors: unknown field, id mismatch, raw email in links, bad followers', async () => {
    const key = keys.platform;
    for (const body of [
      { displayName: 'X', nickname: 'y' },
      { id: 'other', displayName: 'X' },
      { displayName: 'X', links: { email: 'someone@example.com' } },
      { displayName: 'X', followers: -1 },
    ]) {
      const res = await call('PUT', '/v1/accounts/input-1', { key, body });
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
    }
    assert.equal((await call('GET', '/v1/accounts/input-1', { key })).status, 404, 'nothing stored');
  });

  test('key creation is audited without the key, and GET /v1/audit/verify proves the chain', async () => {
    const events = (await call('GET', '/v1/audit?limit=1000', { key: keys.auditor })).json['events'] as { action: string; data: object }[];
    const created = events.filter((e) => e.action === 'key.created');
    assert.ok(created.length >= ROLES.length, 'one key.created per key made (the story test makes a second lead)');
    for (const role of ROLES) assert.ok(!JSON.stringify(events).includes(keys[role]), 'no key in the log');
    const verify = await call('GET', '/v1/audit/verify', { key: keys.auditor });
    assert.equal(verify.json['ok'], true);
  });
});
