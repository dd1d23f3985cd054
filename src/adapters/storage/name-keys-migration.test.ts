import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/databases.js';
import { openDatabase } from './database.js';
import { KyselyEnforcementStore } from './kysely-enforcement-store.js';

const at = '2026-03-04T05:06:07.000Z';

/**
 * Migration 012 moves the account key index from accounts to names: a database whose keys
 * were stored per account (as before it) is migrated on open, and every account is still
 * found by its keys, each name once with its display name and handle.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`migration 012 (keys per name) on ${dialect}`, () => {
    let tdb: TestDatabase;
    before(async () => {
      tdb = await createTestDatabase(dialect);
    });
    after(async () => {
      await tdb.drop();
    });

    test('keys stored per account move to their names; accounts are found as before', async () => {
      const old = await openDatabase(tdb.url);
      const accounts = [
        { id: 'a1', record: { id: 'a1', displayName: 'John Smith' }, names_hash: 'hA' },
        { id: 'a2', record: { id: 'a2', displayName: 'John Smith' }, names_hash: 'hA' },
        { id: 'a3', record: { id: 'a3', displayName: 'Ali Hassan', handle: 'ali_h' }, names_hash: 'hB' },
      ];
      for (const a of accounts) {
        await old.db.insertInto('accounts').values({ id: a.id, record: JSON.stringify(a.record), links: '{}', followers: 0, names_hash: a.names_hash, state: 'active', created_at: at, updated_at: at }).execute();
      }
      // The layout before 012: one key row per account.
      await sql`drop index accounts_names_hash`.execute(old.db);
      await sql`drop table name_keys`.execute(old.db);
      await sql`drop table account_names`.execute(old.db);
      await sql`create table account_keys (key text not null, account_id text not null, primary key (key, account_id))`.execute(old.db);
      const keys = [['p:JN|SM0', 'a1'], ['p:JN|SM0', 'a2'], ['d:JN|smith', 'a1'], ['d:JN|smith', 'a2'], ['p:AL|HSN', 'a3']];
      for (const [key, id] of keys) await sql`insert into account_keys (key, account_id) values (${key}, ${id})`.execute(old.db);
      // And before 013, which comes after it.
      await sql`drop table name_cuts`.execute(old.db);
      await sql`delete from kysely_migration where name in ('012-name-keys', '013-name-cuts')`.execute(old.db);
      await old.close();

      const database = await openDatabase(tdb.url);
      try {
        const store = new KyselyEnforcementStore(database.db, database.dialect);
        assert.deepEqual(await store.accountsWithKeys(['p:JN|SM0']), ['a1', 'a2']);
        assert.deepEqual(await store.accountsWithKeys(['d:JN|smith', 'p:AL|HSN']), ['a1', 'a2', 'a3']);
        assert.deepEqual(await store.namesWithKeys(['p:JN|SM0', 'p:AL|HSN']), [
          { namesHash: 'hA', displayName: 'John Smith', held: ['p:JN|SM0'] },
          { namesHash: 'hB', displayName: 'Ali Hassan', handle: 'ali_h', held: ['p:AL|HSN'] },
        ]);
        const rows = await database.db.selectFrom('name_keys').select(['key', 'names_hash']).orderBy('key').orderBy('names_hash').execute();
        assert.deepEqual(rows, [{ key: 'd:JN|smith', names_hash: 'hA' }, { key: 'p:AL|HSN', names_hash: 'hB' }, { key: 'p:JN|SM0', names_hash: 'hA' }], 'one row per name and key');
        const tables = dialect === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'account_keys'`.execute(database.db)
          : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_name = 'account_keys'`.execute(database.db);
        assert.deepEqual(tables.rows, [], 'the per-account table is gone');
      } finally {
        await database.close();
      }
    });
  });
}
