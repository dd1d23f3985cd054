import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadMatchIndex } from '../app/load-match-index.js';
import { restoreAccount } from '../app/restore-account.js';
import { reviewAccountMatch } from '../app/review-account-match.js';
import { upsertAccount } from '../app/upsert-account.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { openDatabase, type OpenDatabase } from '../adapters/storage/database.js';
import { ROLES } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { MatchIndex } from '../domain/matching/match-types.js';
import { sharedData } from '../../test/paths.js';
import { warden } from '../../test/cli-harness.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/databases.js';

const NAMES = ['Ramzan Kadyrov', 'Рамзан Кадыров', 'Qassem Suleimani', 'Emily Johnson', 'Milorad Dodik'];
const clock = { now: () => new Date() };

type Step =
  | { t: 'upsert'; account: number; name: number }
  | { t: 'review'; account: number; pick: number; decision: 'confirm' | 'dismiss' | 'escalate'; actor: number }
  | { t: 'restore'; account: number; actor: number; overturnAll: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('upsert' as const), account: fc.nat(3), name: fc.nat(NAMES.length - 1) }),
  fc.record({ t: fc.constant('review' as const), account: fc.nat(3), pick: fc.nat(5), decision: fc.constantFrom('confirm' as const, 'dismiss' as const, 'escalate' as const), actor: fc.nat(ROLES.length * 2 - 1) }),
  fc.record({ t: fc.constant('restore' as const), account: fc.nat(3), actor: fc.nat(ROLES.length * 2 - 1), overturnAll: fc.boolean() }),
);

for (const dialect of TEST_DIALECTS)
describe(`enforcement invariant on ${dialect} (use cases + real store, concurrent steps)`, () => {
  let tdb: TestDatabase;
  let database: OpenDatabase;
  let index: MatchIndex;
  before(async () => {
    tdb = await createTestDatabase(dialect);
    assert.equal((await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    database = await openDatabase(tdb.url);
    index = (await loadMatchIndex({ listStore: new KyselyListStore(database.db, database.dialect) })).index;
  });
  after(async () => {
    await database.close();
    await tdb.drop();
  });

  test('no run of upserts, reviews and restores, some at once, leaves an account unsuspended with a confirmed match to a designated entity', async () => {
    const store = new KyselyEnforcementStore(database.db, database.dialect);
    const isDesignated = (id: string): boolean => index.entity(id) !== undefined;
    const actors = ROLES.flatMap((role) => [0, 1].map((i) => ({ id: `${role}-${i}`, role })));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rounds) => {
        run += 1;
        const accountId = (n: number): string => `run${run}-acct${n}`;
        const perform = async (s: Step): Promise<void> => {
          try {
            if (s.t === 'upsert') {
              await upsertAccount({ enforcementStore: store, matchIndex: index, listVersions: ['ofac-sdn@1'], clock }, { record: { id: accountId(s.account), displayName: NAMES[s.name]! } }, 'platform');
            } else if (s.t === 'review') {
              const matches = await store.matchesOf(accountId(s.account));
              const m = matches[s.pick % Math.max(1, matches.length)];
              if (m) await reviewAccountMatch({ enforcementStore: store, clock }, m.id, { kind: s.decision, reason: 'r' }, actors[s.actor]!);
            } else {
              const matches = await store.matchesOf(accountId(s.account));
              await restoreAccount({ enforcementStore: store, clock, isDesignated }, accountId(s.account), {
                actor: actors[s.actor]!,
                reason: 'r',
                ...(s.overturnAll ? { overturn: matches.map((m) => m.id) } : {}),
              });
            }
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
          }
        };
        for (const round of rounds) {
          await Promise.all(round.map(perform));
          for (let n = 0; n < 4; n++) {
            const account = await store.account(accountId(n));
            if (!account || account.state === 'suspended') continue;
            const matches = await store.matchesOf(accountId(n));
            const offending = matches.filter((m) => m.status === 'confirmed' && isDesignated(m.entityId));
            if (offending.length > 0) return false;
          }
        }
        return true;
      }),
      { numRuns: 25 },
    );
  });
});
