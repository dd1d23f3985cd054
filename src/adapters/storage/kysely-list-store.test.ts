import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestList } from '../../app/ingest-list.js';
import type { FeedContext, ListFeed } from '../../app/ports.js';
import { buildEntity } from '../../domain/entities/build-entity.js';
import type { Entity } from '../../domain/entities/entity.js';
import { ListRejectedError } from '../../domain/errors.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/databases.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { KyselyAuditStore } from './audit-events.js';
import { KyselyListStore } from './kysely-list-store.js';
import { verifyAudit } from '../../app/verify-audit.js';

const clock = { now: () => new Date('2026-01-02T03:04:05Z') };

function person(n: number, extra: Partial<Entity> = {}): Entity {
  return buildEntity({ id: `test:${n}`, source: 'test', schema: 'Person', names: [{ full: `PERSON ${n}`, kind: 'primary' }], ...extra });
}

/** A feed of given entities; `failAt` makes it throw like a parser meeting a cut-short file. */
function feed(entities: Entity[], options: { failAt?: number; publishedAt?: string } = {}): ListFeed {
  return {
    source: 'test',
    format: 'test-format',
    name: 'test.csv',
    files: [{ name: 'test.csv', sha256: 'x', bytes: 1 }],
    async *entities(ctx: FeedContext) {
      if (options.publishedAt) ctx.setPublishedAt(options.publishedAt);
      for (const [i, e] of entities.entries()) {
        if (i === options.failAt) throw new ListRejectedError('test.csv', 'file is cut short', i + 1);
        yield e;
      }
    },
  };
}

/** The ListStore contract: the same cases on every engine. */
for (const dialect of TEST_DIALECTS) {
  describe(`KyselyListStore on ${dialect}`, () => {
    let tdb: TestDatabase;
    let database: OpenDatabase;
    let store: KyselyListStore;
    let deps: { listStore: KyselyListStore; auditStore: KyselyAuditStore; clock: typeof clock };
    before(async () => {
      tdb = await createTestDatabase(dialect);
      database = await openDatabase(tdb.url);
      store = new KyselyListStore(database.db, database.dialect);
      deps = { listStore: store, auditStore: new KyselyAuditStore(database.db, database.dialect), clock };
    });
    after(async () => {
      await database.close();
      await tdb.drop();
    });

    const base = Array.from({ length: 50 }, (_, i) => person(i));

    test('a first import creates version 1 with every entity added', async () => {
      const r = await ingestList(deps, feed(base, { publishedAt: '2024-05-03' }));
      assert.equal(r.status, 'created');
      assert.equal(r.version.id, 'test@1');
      assert.equal(r.version.entityCount, 50);
      assert.equal(r.version.added, 50);
      assert.equal(r.version.publishedAt, '2024-05-03');
      assert.equal(r.version.importedAt, '2026-01-02T03:04:05.000Z');
      assert.deepEqual((await store.activeVersions()).map((v) => v.id), ['test@1']);
      const got = await store.entity('test:7');
      assert.deepEqual(got?.entity, base[7]);
      assert.equal(got?.version.id, 'test@1');
    });

    test('the same content again, in another order, is unchanged and stores nothing', async () => {
      const r = await ingestList(deps, feed([...base].reverse()));
      assert.equal(r.status, 'unchanged');
      assert.equal(r.version.id, 'test@1');
      assert.equal((await store.versions('test')).length, 1);
    });

    test('a changed feed makes version 2 with an exact diff naming the changed fields', async () => {
      const next = base.map((e, i) => (i === 11 ? person(11, { programs: ['NEW'] }) : e)).filter((_, i) => i !== 3 && i !== 4);
      next.push(person(100));
      const r = await ingestList(deps, feed(next));
      assert.equal(r.status, 'created');
      assert.equal(r.version.id, 'test@2');
      assert.deepEqual([r.version.added, r.version.removed, r.version.changed], [1, 2, 1]);
      assert.deepEqual(await store.changes('test@2'), [
        { entityId: 'test:100', change: 'added', fields: [] },
        { entityId: 'test:11', change: 'changed', fields: ['programs'] },
        { entityId: 'test:3', change: 'removed', fields: [] },
        { entityId: 'test:4', change: 'removed', fields: [] },
      ]);
      const versions = await store.versions('test');
      assert.deepEqual(versions.map((v) => [v.id, v.status]), [['test@1', 'superseded'], ['test@2', 'active']]);
      const removed = await store.entity('test:3');
      assert.equal(removed?.isListed, false);
      assert.equal(removed?.version.id, 'test@1');
      assert.deepEqual((await store.entity('test:11'))?.entity.programs, ['NEW']);
    });

    test('a feed that fails half-way stores nothing and the active version stays', async () => {
      const bigger = [...base, ...Array.from({ length: 20 }, (_, i) => person(200 + i))];
      await assert.rejects(ingestList(deps, feed(bigger, { failAt: 60 })), (err: unknown) => {
        assert.ok(err instanceof ListRejectedError);
        assert.equal(err.file, 'test.csv');
        assert.equal(err.line, 61);
        return true;
      });
      assert.deepEqual((await store.activeVersions()).map((v) => v.id), ['test@2']);
      assert.equal((await store.versions('test')).length, 2);
      assert.equal(await store.entity('test:205'), undefined);
    });

    test('a feed that shrinks by more than the limit is rejected unless forced', async () => {
      const half = base.slice(0, 25);
      await assert.rejects(ingestList(deps, feed(half)), /fewer than the active version test@2/);
      assert.deepEqual((await store.activeVersions()).map((v) => v.id), ['test@2']);
      const forced = await ingestList(deps, feed(half), { force: true });
      assert.equal(forced.version.id, 'test@3');
      assert.equal(forced.version.entityCount, 25);
    });

    test('an empty feed is rejected', async () => {
      await assert.rejects(ingestList(deps, feed([])), /holds no records/);
      assert.deepEqual((await store.activeVersions()).map((v) => v.id), ['test@3']);
    });

    test('an id repeated in a feed is stored once (the first) with a warning', async () => {
      const dup = buildEntity({ id: 'dup:1', source: 'dup', schema: 'Person', names: [{ full: 'FIRST', kind: 'primary' }] });
      const again = buildEntity({ id: 'dup:1', source: 'dup', schema: 'Person', names: [{ full: 'SECOND', kind: 'primary' }] });
      const other = buildEntity({ id: 'dup:2', source: 'dup', schema: 'Person', names: [{ full: 'OTHER', kind: 'primary' }] });
      const r = await ingestList(deps, { ...feed([dup, other, again]), source: 'dup' });
      assert.equal(r.version.entityCount, 2);
      assert.equal(r.warningCount, 1);
      assert.match(r.warnings[0] ?? '', /dup:1 appears more than once/);
      assert.equal((await store.entity('dup:1'))?.entity.names[0]?.full, 'FIRST');
    });

    test('every version and every rejected feed is in the audit log, and the chain verifies', async () => {
      const events = await deps.auditStore.events();
      const actions = events.map((e) => `${e.action} ${e.subject}`);
      assert.deepEqual(actions.filter((a) => a.startsWith('list.version.created test@')), [
        'list.version.created test@1',
        'list.version.created test@2',
        'list.version.created test@3',
      ]);
      assert.equal(actions.filter((a) => a === 'list.feed.rejected test').length, 3);
      const created = events.find((e) => e.subject === 'test@2');
      assert.deepEqual([created?.data['added'], created?.data['removed'], created?.data['changed']], [1, 2, 1]);
      assert.deepEqual(await verifyAudit(deps), { ok: true, events: events.length, headHash: events.at(-1)!.hash });
    });

    test('an audit row edited or deleted in SQL is detected', async () => {
      const before = await verifyAudit(deps);
      await database.db.updateTable('audit_events').set({ subject: 'forged' }).where('seq', '=', 2).execute();
      const edited = await verifyAudit(deps);
      assert.equal(edited.ok, false);
      assert.deepEqual(edited.break, { seq: 2, reason: 'event 2 was altered (its hash does not match its content)' });
      await database.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
      const deleted = await verifyAudit(deps);
      assert.equal(deleted.ok, false);
      assert.equal(deleted.break?.seq, 2);
      assert.match(deleted.break?.reason ?? '', /missing/);
      assert.ok(before.ok);
    });

    test('deltas between any two versions, and entities of a version in id order', async () => {
      const deltas = [];
      for await (const d of store.deltas('test@1', 'test@3')) deltas.push(`${d.change}:${d.entityId}`);
      assert.equal(deltas.filter((d) => d.startsWith('removed:')).length, 25);
      const ids = [];
      for await (const e of store.entities('test@3')) ids.push(e.id);
      assert.equal(ids.length, 25);
      assert.deepEqual(ids, [...ids].sort());
    });
  });
}
