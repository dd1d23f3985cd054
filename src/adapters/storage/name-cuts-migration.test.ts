import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/databases.js';
import { cutSuffixes } from '../../domain/matching/query-names.js';
import { openDatabase } from './database.js';
import { KyselyEnforcementStore } from './kysely-enforcement-store.js';

/**
 * Migration 013 gives the names stored before it their cuts (the suffixes of the words
 * screening cuts with the known parts), so that a list change that lists a new part finds
 * the run-together handles already stored, and looks them up by prefix range.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`migration 013 (name cuts) on ${dialect}`, () => {
    let tdb: TestDatabase;
    before(async () => {
      tdb = await createTestDatabase(dialect);
    });
    after(async () => {
      await tdb.drop();
    });

    test('names stored before it get their cuts; a part finds the names with a word holding it', async () => {
      const old = await openDatabase(tdb.url);
      const names = [
        { names_hash: 'hA', display_name: 'John Smith', handle: null },
        { names_hash: 'hB', display_name: null, handle: 'ramzankadyrov95' },
        { names_hash: 'hC', display_name: 'AliHassanov', handle: 'the_real_ali' },
        { names_hash: 'hD', display_name: 'Kadyrova', handle: 'kadyrovb' },
      ];
      for (const n of names) await old.db.insertInto('account_names').values(n).execute();
      await sql`drop table name_cuts`.execute(old.db);
      await sql`alter table account_names drop column keyed_by`.execute(old.db);
      await sql`delete from kysely_migration where name = '013-name-cuts'`.execute(old.db);
      await old.close();

      const database = await openDatabase(tdb.url);
      try {
        const rows = await database.db.selectFrom('name_cuts').select(['cut', 'names_hash']).execute();
        const expected = names.flatMap((n) => cutSuffixes({ ...(n.display_name !== null ? { displayName: n.display_name } : {}), ...(n.handle !== null ? { handle: n.handle } : {}) }).map((cut) => `${n.names_hash} ${cut}`));
        assert.deepEqual(rows.map((r) => `${r.names_hash} ${r.cut}`).sort(), expected.sort());
        assert.ok(expected.includes('hB kadyrov') && expected.includes('hB ramzankadyrov') && !expected.some((e) => e.startsWith('hA ')), 'handles and run-together names only, every suffix');
        const store = new KyselyEnforcementStore(database.db, database.dialect);
        assert.deepEqual((await store.namesCutWith(['kadyrov'])).map((n) => n.namesHash), ['hB', 'hD'], 'inside a word and at its start');
        assert.deepEqual((await store.namesCutWith(['hassan', 'zzz'])).map((n) => n.namesHash), ['hC']);
        assert.deepEqual(await store.namesCutWith(['kadyrovx']), [], 'a longer part is not a prefix of a shorter word');
      } finally {
        await database.close();
      }
    });
  });
}
