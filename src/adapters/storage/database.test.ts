import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from './database.js';

/** Rows of `t` in the database file alone, as if its write-ahead log were lost: what checkpoints copied there. */
async function rowsInFileAlone(path: string, dir: string): Promise<number> {
  const copy = join(dir, `alone-${Math.random().toString(36).slice(2)}.db`);
  await copyFile(path, copy);
  const db = new Sqlite(copy, { readonly: true });
  try {
    const exists = db.prepare("select count(*) as n from sqlite_master where name = 't'").get() as { n: number };
    return exists.n === 0 ? 0 : (db.prepare('select count(*) as n from t').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function writeRows(database: Awaited<ReturnType<typeof openDatabase>>, count: number): Promise<void> {
  await sql`create table if not exists t (id integer primary key, body text not null)`.execute(database.db);
  for (let i = 0; i < count; i++) await sql`insert into t (body) values (${'x'.repeat(500)})`.execute(database.db);
}

test('with background checkpoints, committed pages reach the database file while the writer goes on, and nothing is lost at close', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warden-ckpt-'));
  try {
    const path = join(dir, 'w.db');
    const database = await openDatabase(`sqlite:${path}`, { backgroundCheckpoints: true });
    await writeRows(database, 400); // ~50 pages of log: far below the writer's own checkpoint
    let copied = 0;
    for (let i = 0; i < 100 && copied < 400; i++) {
      await new Promise((r) => setTimeout(r, 20));
      try {
        copied = await rowsInFileAlone(path, dir);
      } catch (err) {
        // A copy taken while the checkpoint thread writes pages can be torn: it says nothing of
        // the database itself, whose readers go through the log. Copy again.
        if ((err as { code?: string }).code !== 'SQLITE_CORRUPT' && (err as { code?: string }).code !== 'SQLITE_NOTADB') throw err;
      }
    }
    assert.equal(copied, 400, 'the checkpoint thread copied the log into the file');
    await writeRows(database, 100);
    await database.close();
    assert.equal(await rowsInFileAlone(path, dir), 500, 'close checkpoints what is left');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('without it (a CLI run), the same writes stay in the log until the writer checkpoints at 1,000 pages', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warden-ckpt-'));
  try {
    const path = join(dir, 'w.db');
    const database = await openDatabase(`sqlite:${path}`);
    await writeRows(database, 400);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await rowsInFileAlone(path, dir), 0);
    await database.close();
    assert.equal(await rowsInFileAlone(path, dir), 400);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
