import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';

/**
 * The worker thread of `startCheckpointer`: its own connection to the database, copying the
 * write-ahead log back into the database file every `intervalMs` (a passive checkpoint, which
 * never waits for the writer). It asks the kernel for a low priority, so on a busy core it runs
 * in the writer's idle time; the fsyncs a checkpoint needs no longer stall the thread that
 * serves requests.
 */
const { path, intervalMs } = workerData as { path: string; intervalMs: number };
try {
  // Linux: setpriority on a thread id sets that thread's nice value alone.
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // Elsewhere the checkpointer runs at the process's priority.
}
const db = new Sqlite(path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort?.postMessage({ error: String(err) });
  }
}, intervalMs);
parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.pragma('wal_checkpoint(PASSIVE)');
  db.close();
  parentPort?.close();
});
