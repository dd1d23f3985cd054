import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.js';
import { startApi, type RunningApi } from './api.js';
import { sharedData } from '../../test/paths.js';
import { warden } from '../../test/cli-harness.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/databases.js';

/** Console sessions (cookie + CSRF token) and the routes the console reads, on a real server. */
for (const dialect of TEST_DIALECTS)
describe(`console session and evidence routes on ${dialect}`, () => {
  let tdb: TestDatabase;
  let api: RunningApi;
  const keys: Record<string, string> = {};

  const call = async (method: string, path: string, opts: { key?: string; cookie?: string; csrf?: string; body?: unknown } = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON (the console's page)
    }
    return { status: res.status, json, text, headers: res.headers };
  };

  const signIn = async (role: string) => {
    const res = await call('POST', '/v1/session', { body: { key: keys[role] } });
    assert.equal(res.status, 200, res.text);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0]!;
    return { res, setCookie, cookie, csrf: res.json['csrfToken'] as string };
  };

  before(async () => {
    tdb = await createTestDatabase(dialect);
    assert.equal((await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    for (const role of ['platform', 'analyst', 'lead', 'auditor']) {
      keys[role] = (JSON.parse((await warden(tdb.url, 'keys', 'create', '--role', role, '--json')).stdout) as { key: string }).key;
    }
    api = await startApi(loadConfig({ WARDEN_PULL_INTERVAL_S: '0' }, { db: tdb.url }), { host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await api.close();
    await tdb.drop();
  });

  test('POST /v1/session sets an httpOnly, SameSite=Strict cookie and answers the role and a CSRF token; a bad key gets 401', async () => {
    const { res, setCookie, cookie, csrf } = await signIn('analyst');
    assert.equal(res.json['role'], 'analyst');
    assert.match(setCookie, /^warden_session=[A-Za-z0-9_-]{40,};/);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Strict/);
    assert.match(setCookie, /; Path=\//);
    assert.ok(csrf.length >= 20);
    assert.ok(!cookie.includes(csrf), 'the CSRF token is not the session id');
    const me = await call('GET', '/v1/session', { cookie });
    assert.equal(me.status, 200);
    assert.deepEqual([me.json['role'], me.json['csrfToken']], ['analyst', csrf]);
    assert.equal((await call('POST', '/v1/session', { body: { key: 'wdn_nope_nope' } })).status, 401);
    assert.equal((await call('GET', '/v1/session', { cookie: 'warden_session=forged' })).status, 401);
    const events = (await call('GET', '/v1/audit?limit=1000', { key: keys['auditor'] })).json['events'] as { action: string }[];
    assert.ok(events.some((e) => e.action === 'session.started'));
    assert.ok(!JSON.stringify(events).includes(cookie.split('=')[1]!), 'no session id in the log');
  });

  test('a cookie-authenticated unsafe request needs the session\'s X-CSRF-Token; reads do not', async () => {
    const { cookie, csrf } = await signIn('analyst');
    assert.equal((await call('GET', '/v1/matches?status=open', { cookie })).status, 200);
    const body = { decision: 'dismiss', reason: 'x' };
    const none = await call('POST', '/v1/matches/m_nosuch/review', { cookie, body });
    assert.equal(none.status, 403);
    assert.equal((none.json['error'] as { code: string }).code, 'csrf_token_invalid');
    const other = await signIn('analyst');
    assert.equal((await call('POST', '/v1/matches/m_nosuch/review', { cookie, csrf: other.csrf, body })).status, 403, 'another session\'s token');
    assert.equal((await call('POST', '/v1/matches/m_nosuch/review', { cookie, csrf, body })).status, 404, 'past auth and CSRF: the match does not exist');
  });

  test('the role is enforced through the cookie: an auditor reads but cannot review or restore', async () => {
    const { cookie, csrf } = await signIn('auditor');
    assert.equal((await call('GET', '/v1/audit/verify', { cookie })).status, 200);
    const review = await call('POST', '/v1/matches/m_nosuch/review', { cookie, csrf, body: { decision: 'confirm', reason: 'x' } });
    assert.equal(review.status, 403);
    assert.equal((review.json['error'] as { code: string }).code, 'forbidden');
    assert.equal((await call('POST', '/v1/accounts/a/restore', { cookie, csrf, body: { reason: 'x' } })).status, 403);
  });

  test('DELETE /v1/session signs out: the cookie is cleared and no longer works', async () => {
    const { cookie, csrf } = await signIn('lead');
    assert.equal((await call('DELETE', '/v1/session', { cookie })).status, 403, 'sign-out needs the CSRF token too');
    const out = await call('DELETE', '/v1/session', { cookie, csrf });
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /warden_session=; .*Max-Age=0/);
    assert.equal((await call('GET', '/v1/session', { cookie })).status, 401);
  });

  test('queue filters, match evidence, deliveries and a version diff', async () => {
    const put = await call('PUT', '/v1/accounts/sess-kadyrov', { key: keys['platform'], body: { displayName: 'Рамзан Кадыров', country: 'RU', birthDate: '1976-10-05' } });
    assert.equal(put.status, 200, put.text);
    const id = (put.json['matches'] as { id: string; entityId: string }[]).find((m) => m.entityId === 'ofac-sdn:23343')!.id;
    const q = (path: string) => call('GET', path, { key: keys['analyst'] }).then((r) => (r.json['matches'] as { id: string }[]).map((m) => m.id));
    assert.ok((await q('/v1/matches?source=ofac-sdn&script=Cyrl&program=GLOMAG&minScore=0.5')).includes(id));
    assert.ok(!(await q('/v1/matches?source=un')).includes(id));
    assert.ok(!(await q('/v1/matches?script=Latn')).includes(id));
    assert.ok(!(await q('/v1/matches?program=SDGT')).includes(id));
    const high = (await call('GET', '/v1/matches?minScore=0.95', { key: keys['analyst'] })).json['matches'] as { score: number }[];
    assert.ok(high.every((m) => m.score >= 0.95));
    const detail = await call('GET', `/v1/matches/${id}`, { key: keys['analyst'] });
    assert.equal(detail.status, 200, detail.text);
    const entity = detail.json['entity'] as { id: string; programs: string[] };
    assert.equal(entity.id, 'ofac-sdn:23343');
    assert.ok(entity.programs.includes('GLOMAG'));
    assert.equal((detail.json['account'] as { state: string }).state, 'active');
    assert.equal((detail.json['listVersions'] as { seq: number }[])[0]?.seq, 1);
    assert.ok(((detail.json['match'] as { explanation: { alignment: unknown[] } }).explanation.alignment).length > 0);
    const deliveries = await call('GET', '/v1/accounts/sess-kadyrov/deliveries', { key: keys['auditor'] });
    assert.deepEqual(deliveries.json, { deliveries: [] });
    const diff = await call('GET', '/v1/lists/ofac-sdn/versions/1/changes', { key: keys['analyst'] });
    assert.equal(diff.status, 200, diff.text);
    assert.equal(diff.json['first'], true);
    assert.equal((await call('GET', '/v1/lists/ofac-sdn/versions/9/changes', { key: keys['analyst'] })).status, 404);
  });

  test('the console is served at / with a fallback for its routes; API paths keep their JSON 404', async () => {
    const home = await call('GET', '/');
    // Built (npm run build): the page; not built: 503 saying how to build it.
    if (home.status === 200) {
      assert.match(home.text, /<div id="root">/);
      assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const deep = await call('GET', '/matches/m_123');
      assert.equal(deep.status, 200);
      assert.equal(deep.text, home.text);
    } else {
      assert.equal(home.status, 503);
      assert.match(home.text, /npm run build/);
    }
    const api404 = await call('GET', '/v1/nothing');
    assert.equal(api404.status, 404);
    assert.equal((api404.json['error'] as { code: string }).code, 'not_found');
    assert.equal((await call('GET', '/assets/nope.js')).status, 404);
    assert.equal((await call('GET', '/../../etc/passwd.txt')).status, 404);
    assert.equal((await call('GET', '/openapi.json')).status, 200);
  });
});
