import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { InvalidInputError } from '../../domain/errors.js';
import { migrationsFor } from './migrations/index.js';
import type { Database } from './schema.js';

/** Which engine a database URL names. */
export type DialectName = 'sqlite' | 'postgres';

/** An open, migrated database. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenOptions {
  /**
   * SQLite file: checkpoint the write-ahead log on a thread of its own (`startCheckpointer`)
   * instead of in the committing transaction. For a long-running writer (`warden serve`).
   */
  readonly backgroundCheckpoints?: boolean;
}

/**
 * Opens the database a URL names and brings its schema up to date:
 * `sqlite:<path>` (a file, created with its folder; `sqlite::memory:` for a throwaway one)
 * or `postgres://…` / `postgresql://…`.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const dialect = dialectOf(url);
  const path = url.slice('sqlite:'.length);
  // Each driver is loaded only for the engine in use (pg alone costs a CLI run ~0.1 s).
  const sqlite = dialect === 'sqlite' ? await openSqlite(path) : undefined;
  const db = sqlite
    ? new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    : new Kysely<Database>({ dialect: new PostgresDialect({ pool: await openPgPool(url) }) });
  const { error } = await new Migrator({ db, provider: migrationsFor(dialect) }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error;
  }
  const checkpointer = sqlite && options.backgroundCheckpoints === true && path !== ':memory:' ? startCheckpointer(sqlite, path) : undefined;
  return {
    db,
    dialect,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** How often the checkpointer thread copies the write-ahead log into the database. */
const CHECKPOINT_INTERVAL_MS = 50;
/**
 * With the checkpointer, the writer checkpoints itself only past this many pages of log
 * (SQLite's default is 1,000): a safety net should the thread fall behind or stop.
 */
const WRITER_CHECKPOINT_PAGES = 20_000;

/**
 * Moves the write-ahead log's checkpoints off the writer. A checkpoint copies the pages the
 * log holds back into the database and syncs both files; run by the committing transaction
 * (SQLite's default, every 1,000 pages), it stalled every request behind it for several
 * milliseconds, several times a second under load (the service bench's p99 at 250 requests/s
 * was those stalls). Passive checkpoints on another connection never block the writer.
 */
function startCheckpointer(sqlite: SqliteDatabase.Database, path: string): { stop(): Promise<void> } {
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  const worker = new Worker(new URL('./sqlite-checkpointer.js', import.meta.url), { workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) process.stderr.write(`warden: background checkpoint failed: ${m.error}\n`);
  });
  worker.on('error', (err) => {
    process.stderr.write(`warden: the checkpoint thread stopped (${err.message}); the writer checkpoints itself\n`);
    sqlite.pragma('wal_autocheckpoint = 1000');
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref();
  return {
    stop: async () => {
      worker.ref(); // until it has exited
      worker.postMessage('stop');
      await exited;
    },
  };
}

/**
 * A PostgreSQL pool. An idle client whose connection the server ends (a restart, an
 * administrator terminating it) makes the pool emit `error`; unheard, that would end the
 * process. The pool drops that client and opens another on the next query, so the error is
 * only reported.
 */
async function openPgPool(url: string) {
  const pool = new (await import('pg')).default.Pool({ connectionString: url, max: 10 });
  pool.on('error', (err: Error) => {
    process.stderr.write(`warden: an idle PostgreSQL connection ended: ${err.message}\n`);
  });
  return pool;
}

/** The engine a database URL names, or an InvalidInputError that says what is accepted. */
export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new InvalidInputError(`unsupported database URL: expected sqlite:<path> or postgres://…`, { field: 'db' });
}

async function openSqlite(path: string): Promise<SqliteDatabase.Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { default: Sqlite } = await import('better-sqlite3');
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return withStatementCache(sqlite);
}

/** Prepared statements kept, by SQL text, before the cache starts over. */
const STATEMENT_CACHE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, which costs more than running most of
 * ours (an upsert runs a dozen small statements). Statements are reusable, and the driver runs
 * one query at a time on its one connection, so each SQL text is prepared once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  const cached = (sql: string): SqliteDatabase.Statement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
  return sqlite;
}
