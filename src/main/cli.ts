import { WorkerPoolScreener } from '../adapters/workers/worker-pool-screener.js';
import { HttpListDownloader } from '../adapters/lists/http-list-downloader.js';
import { KyselyAuditStore } from '../adapters/storage/audit-events.js';
import { KyselyApiKeyStore } from '../adapters/storage/kysely-api-key-store.js';
import { KyselyWebhookStore } from '../adapters/storage/kysely-webhook-store.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { openDatabase } from '../adapters/storage/database.js';
import { EXIT, type CliContext } from '../adapters/cli/cli-context.js';
import { buildProgram, runProgram } from '../adapters/cli/program.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DomainError } from '../domain/errors.js';

/**
 * The composition root of the `warden` command: reads the configuration, opens the
 * database the global options name, and runs one command. Returns its exit code.
 */
export async function main(argv: readonly string[], io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let code: number = EXIT.ok;
  const ctx: CliContext = {
    stdout,
    stderr,
    exit: (c) => {
      code = c;
    },
    async openServices(options) {
      const config = loadConfig(process.env, options.db ? { db: options.db } : {});
      const database = await openDatabase(config.storage.url);
      const mirror = options.mirror ?? config.lists.mirror;
      return {
        config,
        listStore: new KyselyListStore(database.db, database.dialect),
        auditStore: new KyselyAuditStore(database.db, database.dialect),
        apiKeyStore: new KyselyApiKeyStore(database.db, database.dialect),
        webhookStore: new KyselyWebhookStore(database.db, database.dialect),
        enforcementStore: new KyselyEnforcementStore(database.db, database.dialect),
        clock: { now: () => new Date() },
        downloader: new HttpListDownloader({ timeoutMs: config.lists.timeoutMs, attempts: config.lists.attempts, ...(mirror ? { mirror } : {}) }),
        startScreeners: (workers, screenOptions) =>
          WorkerPoolScreener.start(new URL('./screen-worker.js', import.meta.url), workers, { dbUrl: config.storage.url, options: screenOptions }),
        serve: async (listen) => (await import('./api.js')).startApi(config, { ...listen, logger: true }),
        close: () => database.close(),
      };
    },
  };
  try {
    const ran = await runProgram(buildProgram(ctx), ctx, argv);
    return ran === EXIT.ok ? code : ran;
  } catch (err) {
    if (err instanceof ConfigError || (err instanceof DomainError && err.code === 'invalid_input')) {
      stderr.write(`error: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof DomainError) {
      stderr.write(`error: ${err.message}\n`);
      return EXIT.rejected;
    }
    throw err;
  }
}
