import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewAccountMatch } from '../app/review-account-match.js';
import { upsertAccount } from '../app/upsert-account.js';
import { KyselyEnforcementStore } from '../adapters/storage/kysely-enforcement-store.js';
import { openDatabase, type OpenDatabase } from '../adapters/storage/database.js';
import { buildEntity } from '../domain/entities/build-entity.js';
import type { EntityDraft } from '../domain/entities/entity.js';
import { buildMatchIndex } from '../domain/matching/build-match-index.js';

const clock = { now: () => new Date() };
let dir: string;
let database: OpenDatabase;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-dismissal-'));
  database = await openDatabase(`sqlite:${join(dir, 'w.db')}`);
});
after(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const base: EntityDraft = { id: 'test:1', source: 'test', schema: 'Person', names: [{ full: 'KADYROV, Ramzan Akhmatovich', kind: 'primary' }], programs: ['GLOMAG'], birthDates: [{ value: '1976-10-05' }] };
const others = Array.from({ length: 30 }, (_, i) => buildEntity({ id: `test:o${i}`, source: 'test', schema: 'Person', names: [{ full: `PERSON${i}, Other`, kind: 'primary' }] }));

test('a dismissed match reopens when the entity change touches what matched, not otherwise', async () => {
  const store = new KyselyEnforcementStore(database.db, database.dialect);
  const screenWith = async (draft: EntityDraft) => {
    const index = buildMatchIndex([buildEntity(draft), ...others]);
    const r = await upsertAccount({ enforcementStore: store, matchIndex: index, listVersions: ['test@1'], clock }, { record: { id: 'acc', displayName: 'Ramzan Kadyrov' } }, 'platform');
    return r.matches.find((m) => m.entityId === 'test:1')!;
  };
  const first = await screenWith(base);
  assert.equal(first.status, 'open');
  await reviewAccountMatch({ enforcementStore: store, clock }, first.id, { kind: 'dismiss', reason: 'a namesake' }, { id: 'analyst', role: 'analyst' });
  assert.equal((await screenWith({ ...base, programs: ['GLOMAG', 'RUSSIA-EO14024'], remarks: 'new remark' })).status, 'dismissed');
  assert.equal((await screenWith({ ...base, names: [{ full: 'KADYROV, Ramzan', kind: 'primary' }] })).status, 'open');
});
