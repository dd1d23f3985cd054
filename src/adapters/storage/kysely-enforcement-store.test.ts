import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredAccount } from '../../app/ports.js';
import { verifyAudit } from '../../app/verify-audit.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/databases.js';
import { KyselyAuditStore } from './audit-events.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { KyselyEnforcementStore } from './kysely-enforcement-store.js';

const at = new Date('2026-03-04T05:06:07Z');

function account(id: string): StoredAccount {
  return { record: { id, displayName: `Person ${id}` }, links: {}, followers: 0, namesHash: 'h', state: 'active', createdAt: at.toISOString(), updatedAt: at.toISOString() };
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
            await tx.putAccount(account(id));
            await tx.setAccountKeys(id, { keys: [`p:k${i}`, 'p:shared'], variants: [] }, true);
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

    test('re-keying an existing account replaces its keys; two upserts creating one account at once store it once', async () => {
      await Promise.all(
        [0, 1].map((k) =>
          store.transaction(async (tx) => {
            const existing = await tx.account('twice');
            await tx.putAccount(account('twice'));
            await tx.setAccountKeys('twice', { keys: [`p:twice-${k}`], variants: [[`d:twice|${k}`, `p:twice-${k}`]] }, existing === undefined);
          }),
        ),
      );
      const held = [...(await store.accountsWithKeys(['p:twice-0'])), ...(await store.accountsWithKeys(['p:twice-1']))];
      assert.deepEqual(held, ['twice'], 'the second transaction replaced the first one’s keys');
      const viaVariant = [...(await store.accountsWithKeys(['d:twice|0'])), ...(await store.accountsWithKeys(['d:twice|1']))];
      assert.deepEqual(viaVariant, ['twice'], 'a variant of the replaced key meets nobody');
    });

    test('an account is found by its keys and by the variants of its typo keys, which accounts share; rows of the old layout too', async () => {
      await store.transaction(async (tx) => {
        await tx.putAccount(account('smith-1'));
        await tx.setAccountKeys('smith-1', { keys: ['d:JN|smith', 'p:JN|SM0'], variants: [['d:JN|mith', 'd:JN|smith'], ['d:JN|smth', 'd:JN|smith']] }, true);
      });
      await store.transaction(async (tx) => {
        await tx.putAccount(account('smith-2'));
        // The same typo key: its variants are there already (stored once, by the first account).
        await tx.setAccountKeys('smith-2', { keys: ['d:JN|smith'], variants: [['d:JN|mith', 'd:JN|smith'], ['d:JN|smth', 'd:JN|smith']] }, true);
      });
      await store.transaction(async (tx) => {
        await tx.putAccount(account('smyth'));
        await tx.setAccountKeys('smyth', { keys: ['d:JN|smyth'], variants: [['d:JN|myth', 'd:JN|smyth'], ['d:JN|smth', 'd:JN|smyth']] }, true);
      });
      // Stored before migration 011: the variants inline, as keys of the account.
      await database.db.insertInto('accounts').values({ id: 'old-smith', record: '{"id":"old-smith"}', links: '{}', followers: 0, names_hash: 'h', state: 'active', created_at: at.toISOString(), updated_at: at.toISOString() }).execute();
      await database.db.insertInto('account_keys').values([{ key: 'd:JN|smith', account_id: 'old-smith' }, { key: 'd:JN|smth', account_id: 'old-smith' }]).execute();
      assert.deepEqual(await store.accountsWithKeys(['d:JN|smith']), ['old-smith', 'smith-1', 'smith-2'], 'the key itself');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|mith']), ['old-smith', 'smith-1', 'smith-2'], 'a variant of the key (an entity spelt "mith"), the old row through the shared variants');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|smth']), ['old-smith', 'smith-1', 'smith-2', 'smyth'], 'a variant two keys share (smith / smyth)');
      assert.deepEqual(await store.accountsWithKeys(['d:JN|myth', 'p:JN|SM0']), ['smith-1', 'smyth']);
      assert.deepEqual(await store.accountsWithKeys(['d:JN|jones']), []);
      const variants = await database.db.selectFrom('key_variants').select(['variant', 'key']).where('key', '=', 'd:JN|smith').orderBy('variant').execute();
      assert.deepEqual(variants, [{ variant: 'd:JN|mith', key: 'd:JN|smith' }, { variant: 'd:JN|smth', key: 'd:JN|smith' }], 'each variant stored once');
    });
  });
}
