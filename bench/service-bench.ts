import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createTestDatabase, dialectsNamedBy } from '../test/databases.js';
import { REPO_ROOT, sharedData } from '../test/paths.js';
import { warden } from '../test/cli-harness.js';
import { freePort } from '../test/ports.js';

const WARDEN = join(REPO_ROOT, 'bin', 'warden.js');
const RATE = 1000;
const SECONDS = 10;
const WARMUP_SECONDS = 3;
/** Paced PUT rows below RATE. */
const LOWER_RATES = [250, 500];

async function startServer(db: string, port: number): Promise<ChildProcess> {
  // The server on core 1, the load generator (this process) on core 0.
  // For profiling: Node.js flags for the server (--cpu-prof, --trace-gc), and a file for its request log.
  const nodeFlags = (process.env['WARDEN_BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const log = process.env['WARDEN_BENCH_SERVER_LOG'];
  const child = spawn('taskset', ['-c', '1', process.execPath, ...nodeFlags, WARDEN, '--db', db, 'serve', '--port', String(port)], {
    stdio: log ? ['ignore', openSync(log, 'a'), 'ignore'] : 'ignore',
    env: { ...process.env, WARDEN_PULL_INTERVAL_S: '0' },
  });
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
  readonly load: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

let n = 0;

/** One autocannon run, as fast as 10 connections go (closed loop): the maximum throughput. */
async function load(label: string, url: string, method: 'GET' | 'PUT', key: string, names: readonly string[], seconds = SECONDS): Promise<Row> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
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
  return { label, load: 'max, autocannon (10 connections)', rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Keep-alive connections of the paced generator, opened before the run. */
const PACED_CONNECTIONS = 64;

/**
 * One keep-alive HTTP/1.1 connection of the paced generator: raw bytes out, and a response
 * parser that needs only the status line and Content-Length (the server always sends one).
 * Node's HTTP client allocates enough per request that its own garbage collection showed up in
 * the measured tail; this keeps the generator's share of the latency small.
 */
class Connection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private done: ((status: number) => void) | undefined;
  constructor(port: number) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', () => this.fail());
    this.socket.on('close', () => this.fail());
  }
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
  }
  send(head: string, body: string | undefined): Promise<number> {
    return new Promise((resolve) => {
      this.done = resolve;
      this.socket.write(body === undefined ? head : head + body);
    });
  }
  close(): void {
    this.socket.destroy();
  }
  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    this.buffer = this.buffer.subarray(end + 4 + length);
    const done = this.done;
    this.done = undefined;
    done?.(Number(head.slice(9, 12)));
  }
  private fail(): void {
    const done = this.done;
    this.done = undefined;
    done?.(0);
  }
}

/**
 * An open-loop run at exactly `rate` requests/s: request i is due at start + i/rate and goes out
 * then, on a free keep-alive connection (64 opened beforehand; when all are busy it waits for
 * one), whether or not earlier ones have answered; its latency counts from when it was due, so
 * queueing anywhere is included (no coordinated omission). autocannon's own rate limit sends
 * each connection's quota in a burst at the start of every second, which measures the bursts
 * rather than the rate.
 */
async function paced(label: string, url: string, method: 'GET' | 'PUT', key: string, names: readonly string[], rate = RATE, seconds = SECONDS): Promise<Row> {
  const port = Number(new URL(url).port);
  const total = rate * seconds;
  const latencies: number[] = [];
  let errors = 0;
  const free: Connection[] = [];
  const waiting: ((c: Connection) => void)[] = [];
  const all = Array.from({ length: PACED_CONNECTIONS }, () => new Connection(port));
  await Promise.all(all.map((c) => c.ready()));
  free.push(...all);
  const take = (): Promise<Connection> => {
    const c = free.pop();
    return c ? Promise.resolve(c) : new Promise((r) => waiting.push(r));
  };
  const give = (c: Connection): void => {
    const next = waiting.shift();
    if (next) next(c);
    else free.push(c);
  };
  const start = performance.now() + 50;
  const one = async (due: number): Promise<void> => {
    n += 1;
    const body = method === 'PUT' ? JSON.stringify({ displayName: names[n % names.length], followers: n % 1000 }) : undefined;
    const head =
      method === 'PUT'
        ? `PUT /v1/accounts/bench-${n} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body ?? '')}\r\n\r\n`
        : 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n';
    const connection = await take();
    const status = await connection.send(head, body);
    latencies.push(performance.now() - due);
    if (status < 200 || status >= 300) {
      if (errors < 3) process.stderr.write(`service bench: ${method} answered ${status === 0 ? 'no response (connection closed)' : `status ${status}`}\n`);
      errors++;
    }
    give(connection);
  };
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait)); // never early: a late send counts in its latency
    inflight.push(one(due));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  for (const c of all) c.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  return { label, load: `${rate}/s paced, open loop`, rps: latencies.length / elapsed, p50: Math.round(at(0.5) * 100) / 100, p99: Math.round(at(0.99) * 100) / 100, errors };
}

/**
 * The service: `PUT /v1/accounts/{id}` (store + screen + matches, one transaction) at a fixed
 * 1,000 requests/s and at its maximum throughput on loopback for 10 s each, on SQLite and
 * PostgreSQL, beside `GET /healthz` on the same server (the no-op floor). Goal: p99 under
 * 10 ms at 1,000 requests/s on SQLite.
 */
export async function benchService(): Promise<void> {
  spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  const dir = await mkdtemp(join(tmpdir(), 'warden-bench-svc-'));
  const pg = await createTestDatabase('postgres');
  const names = ['Emily Johnson', 'Hiroshi Tanaka', 'Maria Garcia', 'Ahmed Hassan', 'Ivan Petrov', 'Ramzan Kadyrov', 'Li Wei', 'John Smith'];
  const rows: Row[] = [];
  const stores = dialectsNamedBy('WARDEN_BENCH_STORES');
  try {
    for (const [dialect, engine, db] of [
      ['sqlite', 'SQLite', `sqlite:${join(dir, 'svc.db')}`],
      ['postgres', 'PostgreSQL', pg.url],
    ] as const) {
      if (!stores.includes(dialect)) continue;
      await warden(db, 'lists', 'import', sharedData('ofac', 'sdn.csv'), sharedData('un', 'UN_consolidated.xml'));
      const key = (JSON.parse((await warden(db, 'keys', 'create', '--role', 'platform', '--json')).stdout) as { key: string }).key;
      const port = await freePort();
      const server = await startServer(db, port);
      try {
        const url = `http://127.0.0.1:${port}`;
        // Warm-up (JIT, connection pools, SQLite page cache), not reported.
        await load('warm-up', url, 'GET', key, names, WARMUP_SECONDS);
        await load('warm-up', url, 'PUT', key, names, WARMUP_SECONDS);
        rows.push(await paced(`GET /healthz (no-op floor), ${engine}`, url, 'GET', key, names));
        // Below the goal's rate too: where the latency stays low, beside where it does not.
        for (const rate of LOWER_RATES) rows.push(await paced(`PUT /v1/accounts/{id}, ${engine}`, url, 'PUT', key, names, rate));
        rows.push(await paced(`PUT /v1/accounts/{id}, ${engine}`, url, 'PUT', key, names));
        rows.push(await load(`GET /healthz (no-op floor), ${engine}`, url, 'GET', key, names));
        rows.push(await load(`PUT /v1/accounts/{id}, ${engine}`, url, 'PUT', key, names));
      } finally {
        server.kill('SIGTERM');
      }
    }
  } finally {
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\n## Service (loopback, ${SECONDS} s per row after a ${WARMUP_SECONDS} s warm-up; server pinned to core 1, load generator to core 0)\n`);
  console.log('Lists: OFAC SDN + UN. Each PUT stores a new account and screens it in one transaction (names cycle through 8; three of them score above the threshold against listed people, 7 matches stored per 8 accounts, each with its audit event). Paced rows: this bench\'s open-loop generator (latency from when each request was due); max rows: autocannon (whole milliseconds).\n');
  console.log('| route | load | requests/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${r.load} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  const put = rows.find((r) => r.label.startsWith('PUT') && r.label.endsWith('SQLite') && r.load.startsWith(`${RATE}/s paced`));
  if (put) console.log(`\nGoal: p99 under 10 ms at ${RATE} requests/s on SQLite: ${put.p99 < 10 && put.rps >= RATE * 0.95 ? 'met' : 'NOT met'} (p99 ${put.p99} ms at ${Math.round(put.rps)}/s).`);
}
