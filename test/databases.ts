import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway database for one test file. */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly url: string;
  drop(): Promise<void>;
}

/** The server the PostgreSQL runs use (WARDEN_TEST_PG_URL; a database on it is created per test). */
export const TEST_PG_URL = process.env['WARDEN_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The engines an environment variable names (`sqlite`, `postgres`, comma-separated); both when it is unset. */
export function dialectsNamedBy(variable: string): readonly ('sqlite' | 'postgres')[] {
  return (process.env[variable] ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is 'sqlite' | 'postgres' => d === 'sqlite' || d === 'postgres');
}

/**
 * The engines the contract suites run against: both by default; WARDEN_TEST_DIALECTS=sqlite
 * (or postgres) narrows it. PostgreSQL is never skipped silently: an unreachable server fails.
 */
export const TEST_DIALECTS = dialectsNamedBy('WARDEN_TEST_DIALECTS');

/** Creates an empty database of the given engine. */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'warden-test-'));
    return { dialect, url: `sqlite:${join(dir, 'warden.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `warden_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
