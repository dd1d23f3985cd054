import { Worker } from 'node:worker_threads';
import type { ScreenOptions, ScreeningResult } from '../../app/screen-account.js';
import type { AccountRecord } from '../../domain/accounts/account.js';

/** What the pool sends a worker, and what the worker answers. */
export type ScreenRequest = { readonly id: number; readonly accounts: readonly AccountRecord[] };
export type ScreenReply =
  | { readonly kind: 'ready'; readonly size: number }
  | { readonly kind: 'results'; readonly id: number; readonly results: readonly ScreeningResult[] }
  | { readonly kind: 'failed'; readonly id?: number; readonly message: string };

/** What each worker is started with: where to load the lists from and how to screen. */
export interface ScreenWorkerData {
  readonly dbUrl: string;
  readonly options: ScreenOptions;
}

interface Pending {
  resolve(results: readonly ScreeningResult[]): void;
  reject(err: Error): void;
}

/**
 * Screens batches of accounts on worker threads, one match index per worker (each loads the
 * active lists itself: seconds, and it keeps the main thread free to read and write). Batches
 * go to the least busy worker; `screen` resolves with the batch's results in input order.
 */
export class WorkerPoolScreener {
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const w of workers) {
      this.load.set(w, 0);
      w.on('message', (reply: ScreenReply) => this.onReply(w, reply));
      w.on('error', (err) => this.failAll(err));
    }
  }

  /** Starts `count` workers running `script` and waits until each has built its index. */
  static async start(script: URL, count: number, data: ScreenWorkerData): Promise<WorkerPoolScreener> {
    const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (reply: ScreenReply): void => {
              if (reply.kind === 'ready') resolve();
              else if (reply.kind === 'failed') reject(new Error(reply.message));
              else return;
              w.off('message', onMessage);
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    ).catch(async (err: unknown) => {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    });
    return new WorkerPoolScreener(workers);
  }

  /** Screens one batch on the least busy worker. */
  screen(accounts: readonly AccountRecord[]): Promise<readonly ScreeningResult[]> {
    const id = this.nextId++;
    const worker = [...this.load.entries()].sort((a, b) => a[1] - b[1])[0]![0];
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, accounts } satisfies ScreenRequest);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onReply(worker: Worker, reply: ScreenReply): void {
    if (reply.kind === 'ready') return;
    this.load.set(worker, Math.max(0, (this.load.get(worker) ?? 1) - 1));
    const id = reply.id;
    if (id === undefined) return this.failAll(new Error(reply.kind === 'failed' ? reply.message : 'worker failed'));
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (!p) return;
    if (reply.kind === 'results') p.resolve(reply.results);
    else p.reject(new Error(reply.message));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
