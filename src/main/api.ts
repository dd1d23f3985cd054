import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { pullAndSweep, type PullStatus } from '../app/scheduled-pull.js';
import { timeToEnforcement } from '../app/time-to-enforcement.js';
import { HttpListDownloader } from '../adapters/lists/http-list-downloader.js';
import { runJobs } from '../app/bulk-upsert.js';
import { DEFAULT_DELIVERY_POLICY, deliverDueWebhooks } from '../app/deliver-webhooks.js';
import { upsertAccount } from '../app/upsert-account.js';
import { MatchIndexHolder } from '../app/match-index-holder.js';
import { HttpWebhookSender } from '../adapters/webhooks/http-webhook-sender.js';
import { KyselyWebhookStore } from '../adapters/storage/kysely-webhook-store.js';
import { buildHttpApp } from '../adapters/http/build-http-app.js';
import { KyselyAuditStore } from '../adapters/storage/audit-events.js';
import { openDatabase } from '../adapters/storage/database.js';
import { KyselyApiKeyStore } from '../adapters/storage/kysely-api-key-store.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { KyselyJobStore } from '../adapters/storage/kysely-job-store.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { KyselySessionStore } from '../adapters/storage/kysely-session-store.js';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.js';

/** A running API server. */
export interface RunningApi {
  /** `http://host:port`. */
  readonly url: string;
  close(): Promise<void>;
}

/** The built console: `npm run build` writes it to dist/console (this file runs from dist/src/main). */
const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

/** How often each server checks for a new active list version (DESIGN: picked up within 5 s). */
const INDEX_REFRESH_MS = 2000;

/**
 * The composition root of `warden serve`: opens the database, builds the match index from
 * the active lists (and rebuilds it when another process lands a new version), and serves the
 * HTTP API until `close`.
 */
export async function startApi(config: Config, listen: { host: string; port: number; logger?: boolean }): Promise<RunningApi> {
  const database = await openDatabase(config.storage.url, { backgroundCheckpoints: true });
  const listStore = new KyselyListStore(database.db, database.dialect);
  const holder = new MatchIndexHolder(listStore);
  await holder.refresh();

  const enforcementStore = new KyselyEnforcementStore(database.db, database.dialect);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  new Gauge({
    name: 'warden_match_index_entities',
    help: 'Entities in the in-memory match index',
    registers: [metrics],
    collect() {
      this.set(holder.isReady() ? holder.current().size : 0);
    },
  });
  new Gauge({
    name: 'warden_list_version_entities',
    help: 'Entities in each active list version',
    labelNames: ['source', 'version'],
    registers: [metrics],
    collect() {
      this.reset();
      for (const v of holder.activeVersions()) this.set({ source: v.source, version: v.id }, v.entityCount);
    },
  });

  new Gauge({
    name: 'warden_time_to_enforcement_seconds',
    help: 'Time to enforcement per source and stage (publication, import, match, decision, delivery), as quantiles',
    labelNames: ['source', 'stage', 'quantile'],
    registers: [metrics],
    async collect() {
      this.reset();
      for (const s of await timeToEnforcement({ enforcementStore, listStore })) {
        for (const [stage, p] of Object.entries(s.stages)) {
          this.set({ source: s.source, stage, quantile: '0.5' }, p.p50);
          this.set({ source: s.source, stage, quantile: '0.9' }, p.p90);
          this.set({ source: s.source, stage, quantile: '0.99' }, p.p99);
        }
      }
    },
  });

  const clock = { now: () => new Date() };
  const auditStore = new KyselyAuditStore(database.db, database.dialect);
  const pullStatus = new Map<string, PullStatus>();
  const jobStore = new KyselyJobStore(database.db);
  // The job runner: resumes unfinished bulk jobs at start (after a crash) and runs new ones.
  let isRunningJobs = false;
  let jobsAgain = false;
  let isClosing = false;
  let jobRun: Promise<void> = Promise.resolve();
  const kickJobs = (): void => {
    if (isRunningJobs) {
      jobsAgain = true;
      return;
    }
    isRunningJobs = true;
    jobRun = (async () => {
      do {
        jobsAgain = false;
        try {
          await runJobs({
            jobStore,
            clock,
            upsert: (input, actor) =>
              upsertAccount({ enforcementStore, matchIndex: holder.current(), listVersions: holder.activeVersions().map((v) => v.id), clock }, input, actor),
          }, { shouldStop: () => isClosing });
        } catch (err) {
          app.log.error({ err }, 'job run failed');
        }
      } while (jobsAgain && !isClosing);
      isRunningJobs = false;
    })();
  };

  const app = await buildHttpApp(
    {
      jobStore,
      kickJobs,
      apiKeyStore: new KyselyApiKeyStore(database.db, database.dialect),
      sessionStore: new KyselySessionStore(database.db, database.dialect),
      listStore,
      auditStore,
      pullStatus: () => [...pullStatus.values()],
      enforcementStore,
      clock,
      listVersionIds: () => holder.activeVersions().map((v) => v.id),
      matchIndex: () => holder.current(),
      isReady: () => holder.isReady(),
      metrics,
    },
    { logger: listen.logger ?? false, consoleDir: CONSOLE_DIR },
  );
  const timer = setInterval(() => {
    holder.refresh().catch((err: unknown) => app.log.error({ err }, 'match index refresh failed'));
  }, INDEX_REFRESH_MS);
  timer.unref();

  // The webhook dispatcher: drains due deliveries, then waits for the next poll.
  const webhookStore = new KyselyWebhookStore(database.db, database.dialect);
  const policy = { ...DEFAULT_DELIVERY_POLICY, backoffMs: config.webhooks.backoffMs };
  const deliveryDeps = { webhookStore, sender: new HttpWebhookSender(), clock: { now: () => new Date() } };
  let isDelivering = false;
  const dispatcher = setInterval(() => {
    if (isDelivering) return;
    isDelivering = true;
    void (async () => {
      try {
        while ((await deliverDueWebhooks(deliveryDeps, policy)).sent === policy.batch);
      } catch (err) {
        app.log.error({ err }, 'webhook delivery failed');
      } finally {
        isDelivering = false;
      }
    })();
  }, config.webhooks.pollMs);
  dispatcher.unref();
  // The list schedule: pull the configured sources, sweep what lands, alert on rejections.
  const pulls = new Counter({ name: 'warden_list_pulls_total', help: 'Scheduled list pulls by source and outcome', labelNames: ['source', 'status'], registers: [metrics] });
  const downloader = new HttpListDownloader({ timeoutMs: config.lists.timeoutMs, attempts: config.lists.attempts, ...(config.lists.mirror ? { mirror: config.lists.mirror } : {}) });
  let isPulling = false;
  let pullRun: Promise<void> = Promise.resolve();
  const pull = (): void => {
    if (isPulling || isClosing) return;
    isPulling = true;
    pullRun = (async () => {
      try {
        const statuses = await pullAndSweep(
          {
            listStore,
            auditStore,
            enforcementStore,
            downloader,
            clock,
            refreshIndex: async () => {
              await holder.refresh();
              return { index: holder.current(), versionIds: holder.activeVersions().map((v) => v.id) };
            },
          },
          config.lists.pullSources,
          { maxShrink: config.lists.maxShrink },
        );
        for (const st of statuses) {
          pullStatus.set(st.source, st);
          pulls.inc({ source: st.source, status: st.status });
          if (st.status === 'rejected' || st.status === 'unreachable') app.log.warn({ source: st.source, status: st.status, message: st.message }, 'list pull alert');
        }
      } catch (err) {
        app.log.error({ err }, 'scheduled pull failed');
      } finally {
        isPulling = false;
      }
    })();
  };
  const schedule = config.lists.pullIntervalS > 0 ? setInterval(pull, config.lists.pullIntervalS * 1000) : undefined;
  schedule?.unref();

  const url = await app.listen({ host: listen.host, port: listen.port });
  kickJobs();
  if (schedule) pull();
  return {
    url,
    async close() {
      isClosing = true;
      if (schedule) clearInterval(schedule);
      await pullRun;
      clearInterval(timer);
      clearInterval(dispatcher);
      await jobRun;
      await app.close();
      await database.close();
    },
  };
}
