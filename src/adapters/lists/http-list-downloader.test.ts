import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../test/paths.js';
import { jsonLines, warden } from '../../../test/cli-harness.js';

/** The shared files as a mirror lays them out: `<source>/<file>`. */
const MIRROR: Record<string, string> = {
  '/ofac-sdn/sdn.csv': sharedData('ofac', 'sdn.csv'),
  '/ofac-sdn/add.csv': sharedData('ofac', 'add.csv'),
  '/ofac-sdn/alt.csv': sharedData('ofac', 'alt.csv'),
  '/ofac-sdn/sdn_comments.csv': sharedData('ofac', 'sdn_comments.csv'),
  '/un/consolidated.xml': sharedData('un', 'UN_consolidated.xml'),
};

describe('warden lists pull (against a local HTTP server)', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const requests: string[] = [];
  const failedOnce = new Set<string>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-pull-'));
    // A flaky publisher: the first request for each file fails with 503.
    server = createServer((req, res) => {
      const path = req.url ?? '';
      requests.push(path);
      const file = MIRROR[path];
      if (!file) return void res.writeHead(404).end('not found');
      if (!failedOnce.has(path)) {
        failedOnce.add(path);
        return void res.writeHead(503).end('busy');
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  test('downloads each source with retries and imports it through the same validation', async () => {
    const db = `sqlite:${join(dir, 'a.db')}`;
    const run = await warden(db, 'lists', 'pull', 'ofac-sdn', 'un', '--mirror', base, '--json');
    assert.equal(run.code, 0, run.stderr);
    const out = jsonLines(run);
    assert.deepEqual(
      out.map((o) => [o['source'], o['status'], o['entities']]),
      [
        ['ofac-sdn', 'created', 14965],
        ['un', 'created', 1003],
      ],
    );
    assert.equal(requests.filter((r) => r === '/ofac-sdn/sdn.csv').length, 2, 'one 503, then one retry');
    const again = jsonLines(await warden(db, 'lists', 'pull', 'un', '--mirror', base, '--json'));
    assert.equal(again[0]?.['status'], 'unchanged');
  });

  test('an unreachable publisher is reported plainly and what Warden has stays active', async () => {
    const db = `sqlite:${join(dir, 'b.db')}`;
    assert.equal((await warden(db, 'lists', 'pull', 'un', '--mirror', base)).code, 0);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await warden(db, 'lists', 'pull', 'un', '--mirror', `http://127.0.0.1:${deadPort}`);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /un: unreachable: cannot fetch http:\/\/127\.0\.0\.1:\d+\/un\/consolidated\.xml/);
    assert.match(run.stderr, /ECONNREFUSED/);
    assert.match(run.stderr, /warden lists import/);
    const status = JSON.parse((await warden(db, 'lists', 'status', '--json')).stdout) as { sources: { versionId: string }[] };
    assert.deepEqual(status.sources.map((s) => s.versionId), ['un@1']);
  });

  test('a missing file (404) fails at once without retrying', async () => {
    const db = `sqlite:${join(dir, 'c.db')}`;
    const before404 = requests.length;
    const run = await warden(db, 'lists', 'pull', 'eu', '--mirror', base);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /HTTP 404/);
    assert.equal(requests.length - before404, 1);
  });
});
