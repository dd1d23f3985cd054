import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/paths.js';
import { freePort } from '../../test/ports.js';

test('warden serve logs one JSON line per completed request, and none is lost when it stops', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warden-log-'));
  try {
    const port = await freePort();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'warden.js'), '--db', `sqlite:${join(dir, 'w.db')}`, 'serve', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, WARDEN_PULL_INTERVAL_S: '0' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let up = false;
    for (let i = 0; i < 200 && !up; i++) {
      try {
        up = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.ok(up, 'the server answered');
    const sent: [string, string, number][] = [
      ['GET', '/healthz', 200],
      ['GET', '/v1/no-such-route', 404],
      ['PUT', '/v1/accounts/a-1', 401],
      ['GET', '/openapi.json', 200],
    ];
    for (const [method, path, status] of sent) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, ...(method === 'PUT' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });
      assert.equal(res.status, status, path);
      await res.arrayBuffer();
    }
    child.kill('SIGTERM'); // at once: the lines are still in the buffer, and close must write them
    assert.equal(await exited, 0);
    const lines = stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { msg: string; method?: string; url?: string; statusCode?: number; ms?: number; reqId?: string });
    const requests = lines.filter((l) => l.msg === 'request');
    // The readiness probes before the first request answered 200 /healthz too: count from the end.
    const last = requests.slice(-sent.length);
    assert.deepEqual(
      last.map((l) => [l.method, l.url, l.statusCode]),
      sent,
    );
    for (const l of last) {
      assert.equal(typeof l.ms, 'number');
      assert.match(l.reqId ?? '', /^[0-9a-f-]{36}$/);
    }
    assert.equal(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').length, 0, 'no second line per request');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
