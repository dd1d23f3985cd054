import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createTestDatabase } from '../test/databases.js';
import { REPO_ROOT, sharedData } from '../test/paths.js';
import { warden } from '../test/cli-harness.js';

const WARDEN = join(REPO_ROOT, 'bin', 'warden.js');
const RATE = 1000;
const SECONDS = 10;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function startServer(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WARDEN, '--db', db, 'serve', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, WARDEN_PULL_INTERVAL_S: '0' } });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

interface Row {
  readonly label: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function load(label: string, url: string, method: 'GET' | 'PUT', key: string, names: readonly string[]): Promise<Row> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 50,
    duration: SECONDS,
    overallRate: RATE,
    requests: [
      {
        method,
        setupRequest: (req) => {
          n += 1;
          if (method === 'GET') return { ...req, path: '/healthz' };
          return {
            ...req,
            path: `/v1/accounts/bench-${n}`,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ displayName: names[n % names.length], followers: n % 1000 }),
          };
        },
      },
    ],
  });
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * The service: `PUT /v1/accounts/{id}` (store + screen + matches, one transaction) at a fixed
 * 1,000 requests/s on loopback for 10 s, on SQLite and PostgreSQL, beside `GET /healthz` on the
 * same server (the cost floor). Goal: p99 under 10 ms at 1,000 requests/s on SQLite.
 */
export async function benchService(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'warden-bench-svc-'));
  const pg = await createTestDatabase('postgres');
  const names = ['Emily Johnson', 'Hiroshi Tanaka', 'Maria Garcia', 'Ahmed Hassan', 'Ivan Petrov', 'Ramzan Kadyrov', 'Li Wei', 'John Smith'];
  const rows: Row[] = [];
  try {
    for (const [engine, db] of [
      ['SQLite', `sqlite:${join(dir, 'svc.db')}`],
      ['PostgreSQL', pg.url],
    ] as const) {
      await warden(db, 'lists', 'import', sharedData('ofac', 'sdn.csv'), sharedData('un', 'UN_consolidated.xml'));
      const key = (JSON.parse((await warden(db, 'keys', 'create', '--role', 'platform', '--json')).stdout) as { key: string }).key;
      const port = await freePort();
      const server = await startServer(db, port);
      try {
        const url = `http://127.0.0.1:${port}`;
        rows.push(await load(`GET /healthz (floor), ${engine}`, url, 'GET', key, names));
        rows.push(await load(`PUT /v1/accounts/{id}, ${engine}`, url, 'PUT', key, names));
      } finally {
        server.kill('SIGTERM');
      }
    }
  } finally {
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\n## Service (autocannon, ${RATE} requests/s offered for ${SECONDS} s, 50 connections, loopback)\n`);
  console.log('| route | requests/s | p50 ms | p99 ms | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  const put = rows.find((r) => r.label.startsWith('PUT') && r.label.endsWith('SQLite'));
  if (put) console.log(`\nGoal: p99 under 10 ms at ${RATE} requests/s on SQLite: ${put.p99 < 10 && put.rps >= RATE * 0.95 ? 'met' : 'NOT met'} (p99 ${put.p99} ms at ${Math.round(put.rps)}/s).`);
}
