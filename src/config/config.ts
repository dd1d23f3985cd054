import { z } from 'zod';

/**
 * All configuration, read from the environment in this one file, checked once, frozen.
 * Every problem is reported at once, naming the variable but never echoing its value.
 */
export interface Config {
  readonly storage: {
    /** `sqlite:<path>` or `postgres://…` (WARDEN_DB; `--db` overrides). */
    readonly url: string;
  };
  readonly lists: {
    /** Largest accepted shrink of a feed against the active version (WARDEN_MAX_SHRINK, 0..1). */
    readonly maxShrink: number;
    /** Fetch lists from `<mirror>/<source>/<file>` instead of the publishers (WARDEN_LIST_MIRROR). */
    readonly mirror?: string;
    /** Per-request timeout of a list download in ms (WARDEN_PULL_TIMEOUT_MS). */
    readonly timeoutMs: number;
    /** Attempts per file before a download fails (WARDEN_PULL_ATTEMPTS). */
    readonly attempts: number;
    /** How often `warden serve` pulls the lists, in seconds; 0 turns it off (WARDEN_PULL_INTERVAL_S). */
    readonly pullIntervalS: number;
    /** The sources `warden serve` pulls (WARDEN_PULL_SOURCES, comma-separated; default the official five). */
    readonly pullSources: readonly string[];
  };
  readonly webhooks: {
    /** First retry delay of a refused delivery, doubling each attempt (WARDEN_WEBHOOK_BACKOFF_MS). */
    readonly backoffMs: number;
    /** How often `warden serve` looks for due deliveries (WARDEN_WEBHOOK_POLL_MS). */
    readonly pollMs: number;
  };
}

/** The default database: a SQLite file under `./.warden/`. */
export const DEFAULT_DB_URL = 'sqlite:.warden/warden.db';

const EnvSchema = z.object({
  WARDEN_DB: z.string().regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected sqlite:<path> or postgres://…').optional(),
  WARDEN_MAX_SHRINK: z.coerce.number().min(0).max(1).optional(),
  WARDEN_LIST_MIRROR: z.url().optional(),
  WARDEN_PULL_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  WARDEN_PULL_ATTEMPTS: z.coerce.number().int().min(1).max(10).optional(),
  WARDEN_PULL_INTERVAL_S: z.coerce.number().int().min(0).max(7 * 86400).optional(),
  WARDEN_PULL_SOURCES: z.string().regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'expected source ids separated by commas').optional(),
  WARDEN_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).optional(),
  WARDEN_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).optional(),
});

/** A configuration problem: every variable that is wrong, with what was expected. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from an environment (process.env by default) and overrides. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { db?: string } = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    storage: Object.freeze({ url: overrides.db ?? e.WARDEN_DB ?? DEFAULT_DB_URL }),
    lists: Object.freeze({
      maxShrink: e.WARDEN_MAX_SHRINK ?? 0.1,
      ...(e.WARDEN_LIST_MIRROR ? { mirror: e.WARDEN_LIST_MIRROR } : {}),
      timeoutMs: e.WARDEN_PULL_TIMEOUT_MS ?? 60_000,
      attempts: e.WARDEN_PULL_ATTEMPTS ?? 3,
      pullIntervalS: e.WARDEN_PULL_INTERVAL_S ?? 3600,
      pullSources: Object.freeze(e.WARDEN_PULL_SOURCES ? e.WARDEN_PULL_SOURCES.split(',') : []),
    }),
    webhooks: Object.freeze({
      backoffMs: e.WARDEN_WEBHOOK_BACKOFF_MS ?? 1000,
      pollMs: e.WARDEN_WEBHOOK_POLL_MS ?? 500,
    }),
  });
}
