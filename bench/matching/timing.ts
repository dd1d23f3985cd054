import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Timing and memory helpers of the matching benchmarks. */

/** Per-item latencies of one timed run, in microseconds, and what each call returned. */
export interface Timed<R> {
  readonly results: R[];
  readonly micros: Float64Array;
  /** Wall time of the whole run, in seconds (includes the loop). */
  readonly seconds: number;
}

/** Calls `fn` on every item in turn on this thread, timing each call. */
export function timeEach<T, R>(items: readonly T[], fn: (item: T) => R): Timed<R> {
  const results: R[] = [];
  const micros = new Float64Array(items.length);
  const started = process.hrtime.bigint();
  for (let i = 0; i < items.length; i++) {
    const t = process.hrtime.bigint();
    results.push(fn(items[i]!));
    micros[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  return { results, micros, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Awaits `fn` on every item in turn (one at a time), timing each call. */
export async function timeEachAsync<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<Timed<R>> {
  const results: R[] = [];
  const micros = new Float64Array(items.length);
  const started = process.hrtime.bigint();
  for (let i = 0; i < items.length; i++) {
    const t = process.hrtime.bigint();
    results.push(await fn(items[i]!));
    micros[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  return { results, micros, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Throughput and latency percentiles of a set of per-item latencies. */
export interface LatencySummary {
  readonly n: number;
  /** Items per second of summed call time (one core, one call at a time). */
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Summarises latencies in µs (nearest-rank percentiles). */
export function summarize(micros: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(micros).sort();
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  const at = (p: number): number => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!);
  return { n, perSecond: total > 0 ? (n * 1e6) / total : NaN, p50: at(0.5), p99: at(0.99) };
}

let gcFn: (() => void) | undefined;

/** Forces a full garbage collection (exposing `gc` at run time if node was not started with it). */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

/** Heap used after a forced collection, in MiB. */
export function heapUsedMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Builds something and reports its build time and the heap it retains. */
export function measureBuild<T>(build: () => T): { value: T; seconds: number; heapMiB: number } {
  const before = heapUsedMiB();
  const t = process.hrtime.bigint();
  const value = build();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  return { value, seconds, heapMiB: heapUsedMiB() - before };
}

/** A share as a percentage with one or two decimals (`12.3%`, `0.05%`). */
export function pct(part: number, whole: number): string {
  if (whole === 0) return 'n/a';
  const p = (100 * part) / whole;
  return `${p < 1 && p > 0 ? p.toFixed(2) : p.toFixed(1)}%`;
}

/** A number with thousands separators. */
export function num(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}
