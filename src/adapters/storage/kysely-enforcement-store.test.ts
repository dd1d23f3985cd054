import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredAccount } from '../../app/ports.js';
import { verifyAudit } from '../../app/verify-audit.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/databases.js';
import { KyselyAuditStore } from './audit-events.js';
import { openDatabase, type OpenDatabase } from './database.js';
import type { StoredKeys } from '../../domain/matching/match-types.js';
import { KyselyEnforcementStore } from './kysely-enforcement-store.js';

const at = new Date('2026-03-04T05:06:07Z');

function account(id: string, displayName = `Person ${id}`): StoredAccount {
  return { record: { id, displayName }, links: {}, followers: 0, namesHash: `h:${displayName}`, state: 'active', createdAt: at.toISOString(), updatedAt: at.toISOString() };
}

/** Transactions of the EnforcementStore: the same cases on every engine (SQLite commits concurrent ones as a group). */
for (const dialect of TEST_DIALECTS) {
  describe(`KyselyEnforcementStore transactions on ${dialect}`, () => {
    let tdb: TestDatabase;
    let database: OpenDatabase;
    let store: KyselyEnforcementStore;

    before(async () => {
      tdb = await createTestDatabase(dialect);
      database = await openDatabase(tdb.url);
      store = new KyselyEnforcementStore(database.db, database.dialect);
    });
    after(async () => {
      await database.close();
      await tdb.drop();
    });

    test('of many transactions at once, the failing ones leave nothing and the others are all stored, their audit chain intact', async () => {
      const n = 40;
      const outcomes = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          store.transaction(async (tx) => {
            const id = `acct-${i}`;
            const a = account(id);
            await tx.putAccount(a);
            await tx.setNameKeys(a.namesHash, a.record, { keys: [`p:k${i}`, 'p:shared'], variants: [], cuts: [], keyedBy: 'test@1' });
            await tx.audit({ actor: 'test', action: 'account.created', subject: `account:${id}`, data: { i } }, at);
            if (i % 7 === 3) throw new Error(`transaction ${i} fails after writing`);
            await tx.audit({ actor: 'test', action: 'account.checked', subject: `account:${id}`, data: { i } }, at);
            return i;
          }),
        ),
      );
      const failing = new Set(Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 3));
      for (const [i, o] of outcomes.entries()) {
        if (failing.has(i)) {
          assert.equal(o.status, 'rejected');
          assert.match(String((o as PromiseRejectedResult).reason), new RegExp(`transaction ${i} fails`));
          assert.equal(await store.account(`acct-${i}`), undefined, `acct-${i} rolled back`);
        } else {
          assert.deepEqual(o, { status: 'fulfilled', value: i });
          assert.equal((await store.account(`acct-${i}`))?.record.id, `acct-${i}`);
        }
      }
      const held = await store.accountsWithKeys(['p:shared']);
      assert.deepEqual(held, Array.from({ length: n }, (_, i) => i).filter((i) => !failing.has(i)).map((i) => `acct-${i}`).sort());
      const auditStore = new KyselyAuditStore(database.db, database.dialect);
      const verified = await verifyAudit({ auditStore });
      assert.equal(verified.ok, true);
      assert.equal(verified.events, 2 * (n - failing.size));
    });

    test('a transaction resolves only once it is committed: what it wrote is read back at once by another', async () => {
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.putAccount(account(`seen-${i}`));
            return `seen-${i}`;
          }),
        ),
      );
      for (const id of ids) assert.equal((await store.account(id))?.record.id, id);
    });

    test('a name is keyed once per algorithm: again when the algorithm changes, and always when it is cut with the listed parts', async () => {
      const put = (id: string, name: string, keys: StoredKeys): Promise<void> =>
        store.transaction(async (tx) => {
          const a = account(id, name);
          await tx.putAccount(a);
          await tx.setNameKeys(a.namesHash, a.record, keys);
        });
      await put('keyed-1', 'Keyed Once', { keys: ['p:once-a'], variants: [], cuts: [], keyedBy: 'test@1' });
      await put('keyed-2', 'Keyed Once', { keys: ['p:once-b'], variants: [], cuts: [], keyedBy: 'test@1' });
      assert.deepEqual(await store.accountsWithKeys(['p:once-b']), [], 'the same algorithm made the same keys: not written again');
      assert.deepEqual(await store.accountsWithKeys(['p:once-a']), ['keyed-1', 'keyed-2']);
      await put('keyed-3', 'Keyed Once', { keys: ['p:once-c'], variants: [], cuts: [], keyedBy: 'test@2' });
      assert.deepEqual(await store.accountsWithKeys(['p:once-c']), ['keyed-1', 'keyed-2', 'keyed-3'], 'another algorithm: its keys are added');
      await put('keyed-4', 'Keyed Once', { keys: ['p:once-d'], variants: [], cuts: ['once'], keyedBy: 'test@2' });
      assert.deepEqual(await store.accountsWithKeys(['p:once-d']), ['keyed-1', 'keyed-2', 'keyed-3', 'keyed-4'], 'a cut name: its reading may have changed with the lists');
      assert.deepEqual((await store.namesCutWith(['on'])).map((n) => n.displayName), ['Keyed Once']);
    });

    test('an account whose names change is found by the new names’ keys only; two upserts creating one account at once store it once', async () => {
      await Promise.all(
        [0, 1].map((k) =>
          store.transaction(async (tx) => {
            const a = account('twice', `Twice ${k}`);
            await tx.putAccount(a);
            await tx.setNameKeys(a.namesHash, a.record, { keys: [`p:twice-${k}`], variants: [[`d:twice|${k}`, `p:twice-${k}`]], cuts: [], keyedBy: 'test@1' });
          }),
        ),
      );
      const stored = await store.account('twice');
      const k = stored?.record.displayName === 'Twice 0' ? 0 : 1;
      assert.deepEqual(await store.accountsWithKeys([`p:twice-${k}`]), ['twice'], 'the names the account bears now');
      assert.deepEqual(await store.accountsWithKeys([`d:twice|${k}`]), ['twice'], 'through a variant of its key');
      assert.deepEqual(await store.accountsWithKeys([`p:twice-${1 - k}`, `d:twice|${1 - k}`]), [], 'the names it bore before meet nobody');
      assert.deepEqual((await store.namesWithKeys([`p:twice-${1 - k}`])).map((n) => n.displayName), [`Twice ${1 - k}`], 'though the old name keeps its keys');
    });

    test('an account is found by its names’ keys and by the variants of their typo keys; a name many accounts bear is kept once; rows of the old layout too', async () => {
      const smith = 'John Smith';
      for (const id of ['smith-1', 'smith-2']) {
        await store.transaction(async (tx) => {
          const a = account(id, smith);
          await tx.putAccount(a);
          await tx.setNameKeys(a.namesHash, a.record, { keys: ['d:JN|smith', 'p:JN|SM0'], variants: [['d:JN|mith', 'd:JN|smith'], ['d:JN|smth', 'd:JN|smith']], cuts: [], keyedBy: 'test@1' });
        });
      }
      await store.transaction(async (tx) => {
        const a = account('smyth', 'John Smyth');
        await tx.putAccount(a);
        await tx.setNameKeys(a.namesHash, a.record, { keys: ['d:JN|smyth'], variants: [['d:JN|myth', 'd:JN|smyth'], ['d:JN|smth', 'd:JN|smyth']], cuts: [], keyedBy: 'test@1' });
      });
      // Stored before migration 011: the variants inline, as keys of the name.
      await store.transaction((tx) => tx.putAccount(account('old-smith', 'J Smith')));
      await database.db.insertInto('account_names').values({ names_hash: 'h:J Smith', display_name: 'J Smith', handle: null }).execute();
      await database.db.insertInto('name_keys').values([{ key: 'd:JN|smith', names_hash: 'h:J Smith' }, { key: 'd:JN|smth', names_hash: 'h:J Smith' }]).execute();
      assert.deepEqual(await store.accountsWithKeys(['d:JN|smith']), ['old-smith', 'smith-1', 'smith-2'], 'the key itself');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|mith']), ['old-smith', 'smith-1', 'smith-2'], 'a variant of the key (an entity spelt "mith"), the old row through the shared variants');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|smth']), ['old-smith', 'smith-1', 'smith-2', 'smyth'], 'a variant two keys share (smith / smyth)');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|myth', 'p:JN|SM0']), ['smith-1', 'smith-2', 'smyth']);
      assert.deepEqual(await store.accountsWithKeys(['d:JN|jones']), []);
      assert.deepEqual(await store.namesWithKeys(['d:JN|smith']), [
        { namesHash: 'h:J Smith', displayName: 'J Smith', held: ['d:JN|smith'] },
        { namesHash: `h:${smith}`, displayName: smith, held: ['d:JN|smith'] },
      ], 'each name once, with what screening reads');
      assert.deepEqual(await store.namesWithKeys(['d:JN|smth', 'p:JN|SM0', 'd:JN|jones']), [
        { namesHash: 'h:J Smith', displayName: 'J Smith', held: ['d:JN|smth'] },
        { namesHash: `h:${smith}`, displayName: smith, held: ['d:JN|smth', 'p:JN|SM0'] },
        { namesHash: 'h:John Smyth', displayName: 'John Smyth', held: ['d:JN|smth'] },
      ], 'with the keys asked for that each holds, itself or as a variant of its key');
      const keys = await database.db.selectFrom('name_keys').select(['key']).where('names_hash', '=', `h:${smith}`).orderBy('key').execute();
      assert.deepEqual(keys.map((r) => r.key), ['d:JN|smith', 'p:JN|SM0'], 'the name’s keys stored once for its two accounts');
      const variants = await database.db.selectFrom('key_variants').select(['variant', 'key']).where('key', '=', 'd:JN|smith').orderBy('variant').execute();
      assert.deepEqual(variants, [{ variant: 'd:JN|mith', key: 'd:JN|smith' }, { variant: 'd:JN|smth', key: 'd:JN|smith' }], 'each variant stored once');
    });
  });
}
