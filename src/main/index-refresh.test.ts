import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountRecord } from '../domain/accounts/account.js';
import { buildEntity } from '../domain/entities/build-entity.js';
import type { Entity } from '../domain/entities/entity.js';
import type { MatchIndex } from '../domain/matching/match-types.js';
import { openListFeeds } from '../adapters/lists/list-feeds.js';
import { KyselyAuditStore } from '../adapters/storage/audit-events.js';
import { openDatabase, type OpenDatabase } from '../adapters/storage/database.js';
import { KyselyListStore } from '../adapters/storage/kysely-list-store.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import { sharedData } from '../../test/paths.js';
import { ingestList } from '../app/ingest-list.js';
import { loadMatchIndex } from '../app/load-match-index.js';
import type { ListFeed } from '../app/ports.js';

const clock = { now: () => new Date('2026-02-03T04:05:06Z') };

function feedOf(source: string, entities: readonly Entity[]): ListFeed {
  return {
    source,
    format: 'test-format',
    name: `${source}.csv`,
    files: [{ name: `${source}.csv`, sha256: 'x', bytes: 1 }],
    async *entities() {
      yield* entities;
    },
  };
}

let tdb: TestDatabase;
let database: OpenDatabase;
let sdn: Entity[] = [];
before(async () => {
  tdb = await createTestDatabase('sqlite');
  database = await openDatabase(tdb.url);
  const [feed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
  for await (const e of feed!.entities({ warn() {}, setPublishedAt() {} })) sdn.push(e);
  sdn = sdn.filter((_, i) => i % 4 === 0);
});
after(async () => {
  await database.close();
  await tdb.drop();
});

const answers = (index: MatchIndex, accounts: readonly AccountRecord[]): string => JSON.stringify(accounts.map((a) => index.screen(a, { limit: 50 })));

test('the next version’s index, derived from the loaded one and the stored diff, screens as a full load', async () => {
  const listStore = new KyselyListStore(database.db, database.dialect);
  const deps = { listStore, auditStore: new KyselyAuditStore(database.db, database.dialect), clock };
  const other = [buildEntity({ id: 'test:1', source: 'test', schema: 'Person', names: [{ full: 'Zakhar Ilyich Petrovsky', kind: 'primary' }] })];
  await ingestList(deps, feedOf('ofac-sdn', sdn));
  await ingestList(deps, feedOf('test', other));
  const first = await loadMatchIndex({ listStore });

  // The next SDN version: some removed, some renamed, some added.
  const renamed = (e: Entity): Entity => buildEntity({ ...e, names: [{ full: `${e.names[0]!.full.split(',')[0]}, Zakhar Ilyich`, kind: 'primary' }, ...e.names.slice(1)] });
  const added = Array.from({ length: 5 }, (_, k) => buildEntity({ id: `ofac-sdn:9900${k}`, source: 'ofac-sdn', schema: 'Person', names: [{ full: `PETROVSKY, Anatoly ${k}`, kind: 'primary' }] }));
  const next = [...sdn.filter((_, i) => i % 50 !== 0).map((e, i) => (i % 61 === 0 ? renamed(e) : e)), ...added];
  await ingestList(deps, feedOf('ofac-sdn', next));

  const derived = await loadMatchIndex({ listStore }, first);
  const full = await loadMatchIndex({ listStore });
  assert.deepEqual(derived.versions.map((v) => v.id), ['ofac-sdn@2', 'test@1']);
  assert.equal(derived.index.size, full.index.size);
  assert.equal(derived.index.size, next.length + other.length);
  assert.equal(derived.index.entity(sdn[0]!.id), undefined, 'a removed entity is gone');
  assert.deepEqual(derived.index.entity('ofac-sdn:99003'), full.index.entity('ofac-sdn:99003'));
  const accounts: AccountRecord[] = [
    { id: 'a', displayName: 'Anatoly Petrovsky' },
    { id: 'b', displayName: 'Zakhar Petrovsky' },
    ...sdn.slice(0, 400).filter((_, i) => i % 9 === 0).map((e, i) => ({ id: `s${i}`, displayName: e.names[0]!.full.split(',').reverse().join(' ').trim() })),
  ];
  const derivedAnswers = answers(derived.index, accounts);
  assert.equal(derivedAnswers, answers(full.index, accounts));
  assert.notEqual(derivedAnswers, answers(first.index, accounts), 'the accounts see the change');
  // Nothing changed since: the same index object is kept.
  assert.equal((await loadMatchIndex({ listStore }, derived)).index, derived.index);
});
