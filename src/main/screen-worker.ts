import { parentPort, workerData } from 'node:worker_threads';
import { loadMatchIndex } from '../app/load-match-index.js';
import { screenAccount } from '../app/screen-account.js';
import type { ScreenReply, ScreenRequest, ScreenWorkerData } from '../adapters/workers/worker-pool-screener.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { openDatabase } from '../adapters/storage/database.js';

/**
 * The composition root of a screening worker thread: loads the active lists from the
 * database it is given, builds its own match index, then screens the batches it is sent.
 */
async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('screen-worker must run as a worker thread');
  const data = workerData as ScreenWorkerData;
  const post = (reply: ScreenReply): void => port.postMessage(reply);
  try {
    const database = await openDatabase(data.dbUrl);
    const { index } = await loadMatchIndex({ listStore: new KyselyListStore(database.db, database.dialect) });
    await database.close();
    port.on('message', (req: ScreenRequest) => {
      try {
        post({ kind: 'results', id: req.id, results: req.accounts.map((a) => screenAccount({ matchIndex: index }, a, data.options)) });
      } catch (err) {
        post({ kind: 'failed', id: req.id, message: (err as Error).message });
      }
    });
    post({ kind: 'ready', size: index.size });
  } catch (err) {
    post({ kind: 'failed', message: (err as Error).message });
  }
}

await run();
