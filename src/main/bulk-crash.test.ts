import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT, sharedData } from '../../test/paths.js';
import { warden } from '../../test/cli-harness.js';
import { freePort } from '../../test/ports.js';

/** Starts `warden serve` as a real process and waits until it answers. */
async function serve(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'warden.js'), '--db', db, 'serve', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WARDEN_PULL_INTERVAL_S: '0' } });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('warden serve did not start');
}

describe('kill -9 during a bulk upsert (a real server process)', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-crash-'));
    db = `sqlite:${join(dir, 'warden.db')}`;
    assert.equal((await warden(db, 'lists', 'import', sharedData('un', 'UN_consolidated.xml'))).code, 0);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('nothing acknowledged is lost and the job finishes after a restart', async () => {
    const key = (JSON.parse((await warden(db, 'keys', 'create', '--role', 'platform', '--json')).stdout) as { key: string }).key;
    const port = await freePort();
    let child = await serve(db, port);
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `bulk-${i}`, displayName: `Person Number ${i}`, followers: i }));
    lines.splice(10, 0, '{"id": "broken"', JSON.stringify({ id: 'no-name' }));
    const res = await fetch(`http://127.0.0.1:${port}/v1/accounts/bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    });
    assert.equal(res.status, 202);
    const ack = (await res.json()) as { jobId: string; accepted: number; invalid: { line: number }[] };
    assert.equal(ack.accepted, 3000);
    assert.deepEqual(ack.invalid.map((r) => r.line), [11, 12]);
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const sqlite = new Database(db.slice('sqlite:'.length), { readonly: true });
    const stored = (sqlite.prepare('select count(*) as n from accounts').get() as { n: number }).n;
    sqlite.close();
    assert.ok(stored < 3000, `the kill came mid-job (${stored} of 3000 stored)`);

    child = await serve(db, port);
    try {
      const deadline = Date.now() + 60_000;
      let job: { status: string; processed: number; total: number } = { status: 'running', processed: 0, total: 0 };
      while (Date.now() < deadline && job.status !== 'done') {
        job = (await (await fetch(`http://127.0.0.1:${port}/v1/jobs/${ack.jobId}`, { headers: { authorization: `Bearer ${key}` } })).json()) as typeof job;
        if (job.status !== 'done') await new Promise((r) => setTimeout(r, 200));
      }
      assert.deepEqual([job.status, job.processed, job.total], ['done', 3000, 3000]);
      const check = new Database(db.slice('sqlite:'.length), { readonly: true });
      const ids = (check.prepare("select id from accounts where id like 'bulk-%'").all() as { id: string }[]).map((r) => r.id);
      check.close();
      assert.equal(new Set(ids).size, 3000);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
