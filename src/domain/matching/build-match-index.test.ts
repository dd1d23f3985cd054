import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openListFeeds } from '../../adapters/lists/list-feeds.js';
import { sharedData } from '../../../test/paths.js';
import type { AccountRecord } from '../accounts/account.js';
import { buildEntity } from '../entities/build-entity.js';
import type { Entity } from '../entities/entity.js';
import { buildMatchIndex } from './build-match-index.js';
import type { MatchIndex } from './match-types.js';

let index: MatchIndex;
let entities: Entity[];

before(async () => {
  entities = [];
  const files = ['ofac/sdn.csv', 'un/UN_consolidated.xml', 'us_csl/consolidated.csv.gz'].map((f) => sharedData(f));
  for (const feed of await openListFeeds(files)) {
    for await (const e of feed.entities({ warn() {}, setPublishedAt() {} })) entities.push(e);
  }
  index = buildMatchIndex(entities);
});

/** The best Person match of an account at the default threshold, ties broken as screen() ranks them. */
function topPerson(account: Omit<AccountRecord, 'id'>): string | undefined {
  const matches = index.screen({ id: 'a', ...account }).filter((m) => index.entity(m.entityId)?.schema === 'Person');
  return matches[0]?.entityId;
}

const MUST_FIND: [Omit<AccountRecord, 'id'>, string][] = [
  [{ displayName: 'Рамзан Кадыров' }, 'ofac-sdn:23343'],
  [{ displayName: 'Ramzan Kadyrov' }, 'ofac-sdn:23343'],
  [{ displayName: 'KADYROV Ramzan' }, 'ofac-sdn:23343'],
  [{ handle: 'ramzan_kadyrov_95' }, 'ofac-sdn:23343'],
  [{ displayName: 'Рамзан Ахматович Кадыров' }, 'ofac-sdn:23343'],
  [{ displayName: '𝐑𝐚𝐦𝐳𝐚𝐧 𝐊𝐚𝐝𝐲𝐫𝐨𝐯' }, 'ofac-sdn:23343'],
  [{ displayName: 'Qassem Suleimani' }, 'ofac-sdn:10481'],
  [{ displayName: 'قاسم سليماني' }, 'ofac-sdn:10481'],
  [{ displayName: 'Милорад Додик' }, 'ofac-sdn:21465'],
];

for (const [account, expected] of MUST_FIND) {
  test(`must find ${expected} for ${JSON.stringify(account)}`, () => {
    assert.equal(topPerson(account), expected);
  });
}

test('a bio alone opens nothing', () => {
  assert.deepEqual(index.screen({ id: 'b', bio: 'Глава Чеченской Республики, Ramzan Kadyrov official page' }), []);
  assert.deepEqual(index.screen({ id: 'b', displayName: 'Cat lover', bio: 'Ramzan Kadyrov fan page' }), []);
});

test("a bio naming the entity's office raises a name match and says so", () => {
  const plain = index.screen({ id: 'c', displayName: 'Ramzan Kadyrov' }).find((m) => m.entityId === 'ofac-sdn:23343');
  const withBio = index
    .screen({ id: 'c', displayName: 'Ramzan Kadyrov', bio: 'Глава Чеченской Республики' })
    .find((m) => m.entityId === 'ofac-sdn:23343');
  assert.ok(plain && withBio && withBio.score > plain.score);
  assert.ok(withBio.explanation.features.some((f) => f.feature === 'bio' && f.contribution > 0));
});

test('every match is explained with the algorithm, parts and a summary', () => {
  const [m] = index.screen({ id: 'd', displayName: 'Рамзан Кадыров', birthDate: '1976-10-05' });
  assert.ok(m);
  assert.deepEqual(m.explanation.algorithm, { name: 'warden-name', version: '1.4.0' });
  assert.equal(m.explanation.queryField, 'displayName');
  assert.equal(m.explanation.transliteration, 'ramzan kadyrov');
  assert.ok(m.explanation.alignment.length >= 2);
  assert.ok(m.explanation.summary.length > 20);
  assert.ok(m.score >= 0.99);
});

test('a contradicting birth year drops a name match below the threshold', () => {
  const found = index.screen({ id: 'e', displayName: 'Ramzan Kadyrov', birthDate: '1990' }).map((m) => m.entityId);
  assert.ok(!found.includes('ofac-sdn:23343'));
});

test('screen() only returns entities that share a blocking key with the account', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const people = entities.filter((e) => e.schema === 'Person');
  let checked = 0;
  for (let i = 0; i < 150; i++) {
    const e = people[Math.floor(rnd() * people.length)];
    const name = e?.names[0]?.full.replace(',', '') ?? '';
    const account: AccountRecord = { id: String(i), displayName: name };
    const keys = new Set(index.accountKeys(account));
    for (const m of index.screen(account, { minScore: 0.3, limit: 50 })) {
      const entity = index.entity(m.entityId);
      assert.ok(entity);
      assert.ok(index.entityKeys(entity).some((k) => keys.has(k)), `${name} → ${m.entityId}`);
      checked++;
    }
  }
  assert.ok(checked > 150);
});

test('storedKeys holds the same keys as accountKeys: its keys and the variants of its typo keys, each variant with its own key', () => {
  let typoKeys = 0;
  for (const displayName of ['Ramzan Kadyrov', 'Рамзан Ахматович Кадыров', 'Emily Johnson', 'Bill Clinton', 'قاسم سليماني', 'Li Wei', 'Gazprom']) {
    const account: AccountRecord = { id: 'k', displayName, handle: 'some_handle99' };
    const stored = index.storedKeys(account);
    const all = new Set([...stored.keys, ...stored.variants.map(([variant]) => variant)]);
    assert.deepEqual([...all].sort(), index.accountKeys(account), displayName);
    const keys = new Set(stored.keys);
    for (const [variant, key] of stored.variants) {
      assert.ok(keys.has(key), `${variant} stands for a key of the account`);
      assert.ok(key.startsWith('d:') && variant.startsWith('d:'));
      const [, word = ''] = key.split('|');
      const [, less = ''] = variant.split('|');
      assert.equal(less.length, word.length - 1, `${variant} is ${key} less one letter`);
    }
    typoKeys += stored.variants.length;
    assert.ok(stored.keys.length < index.accountKeys(account).length || stored.variants.length === 0);
  }
  assert.ok(typoKeys > 20, 'ordinary names have typo variants');
});

test('one typo in either part still finds the listed person, even beside a common part', () => {
  for (const [displayName, id] of [
    ['Wafsiq Safa', 'ofac-sdn:26957'],
    ['Ahemt Duri', 'ofac-sdn:46868'],
    ['Salah Habbb', 'ofac-sdn:20222'],
    ['Husain Ali Hnzzima', 'ofac-sdn:26954'],
  ] as const) {
    const found = index.screen({ id: 'a', displayName }, { minScore: 0, limit: 1000 }).some((m) => m.entityId === id);
    assert.ok(found, `${displayName} → ${id} is not even a candidate`);
  }
});

test("a person's initials do not meet an organisation's two-letter word", () => {
  const org = entities.find((e) => e.schema !== 'Person' && e.names.some((n) => /^NS\b/.test(n.full)));
  assert.ok(org, 'a listed organisation named "NS …"');
  const hit = index.screen({ id: 'a', displayName: 'Nisha Shanker' }, { minScore: 0.5 }).find((m) => m.entityId === org.id);
  assert.equal(hit, undefined, JSON.stringify(hit?.explanation));
});

test('names in Han or Hangul that romanise alike but are other characters are other names', () => {
  const person = (n: string) => ({ names: [n], schema: 'Person' as const });
  assert.equal(index.compare(person('김정은'), person('김정은')).match, true);
  assert.equal(index.compare(person('김종은'), person('김정은')).match, false);
  assert.equal(index.compare(person('高石早苗'), person('高市早苗')).match, false);
  assert.equal(index.compare(person('김정은'), person('Kim Jong Un')).match, true);
});

test('a name written in Arabic letters meets its Latin spelling whatever vowels the romanisation guessed', () => {
  const person = (n: string) => ({ names: [n], schema: 'Person' as const });
  assert.equal(index.compare(person('فرناندو بيريز'), person('Fernando Pérez')).match, true);
});

test('an account read in several romanisations scores at least what each of them scores alone', () => {
  // علی رضا زارعی romanises as ali reza zarei, ali ridha zari… Sharing one form's bound with
  // the forms of the same phonetic keys had pruned the one reading that comes nearest.
  const lari = 'ofac-sdn:33232';
  const scoreOf = (displayName: string): number => index.screen({ id: 'a', displayName }, { minScore: 0.5 }).find((m) => m.entityId === lari)?.score ?? 0;
  const alone = scoreOf('Ali Ridha Zari');
  assert.ok(alone >= index.threshold, `${alone}`);
  assert.ok(scoreOf('علی رضا زارعی') >= alone - 1e-9);
});

test('a listed person known by a title is found by the title and surname', () => {
  assert.ok(index.screen({ id: 'a', displayName: 'Haji Noorzai' }).some((m) => m.entityId === 'ofac-sdn:8240'));
  assert.ok(index.screen({ id: 'a', handle: 'shaikh_kaskar55' }).some((m) => m.entityId === 'ofac-sdn:16495'));
});

test('partsChange: the parts a change lists or unlists, and the names it makes read differently', () => {
  const person = (id: string, full: string): Entity => buildEntity({ id, source: 'test', schema: 'Person', names: [{ full, kind: 'primary' }] });
  const before = [person('t:1', 'IVANOV, Anatoly'), person('t:2', 'SIDOROV, Boris')];
  const index = buildMatchIndex(before);
  const added = person('t:3', 'PETROVSKY, Anatoly');
  const next = index.withChanges(new Set(), [added]);
  const change = next.partsChange([], [next.entity('t:3')!]);
  assert.deepEqual(change.parts, ['petrovsky'], 'Anatoly was listed already');
  assert.equal(change.isCutDifferently({ handle: 'anatolypetrovsky' }), true);
  assert.equal(change.isCutDifferently({ displayName: 'AnatolyPetrovsky' }), false, 'camel case is cut without known parts');
  assert.equal(change.isCutDifferently({ displayName: 'Anatoly Petrovsky' }), false, 'a name with spaces is not cut');
  assert.equal(change.isCutDifferently({ handle: 'borisivanov' }), false);
  assert.ok(next.screen({ id: 'a', handle: 'anatolypetrovsky' }).some((m) => m.entityId === 't:3'));
  assert.ok(!index.storedKeys({ id: 'a', handle: 'anatolypetrovsky' }).keys.some((k) => next.entityKeys(next.entity('t:3')!).includes(k)), 'stored before, the handle meets none of its keys');
  assert.ok(index.storedKeys({ id: 'a', handle: 'anatolypetrovsky' }).cuts.some((c) => c.startsWith('petrovsky')), 'but one of its cuts begins with the new part');

  // Renamed, then removed: the parts only that entity held stop being known.
  const renamed = person('t:2', 'SIDOROV, Gleb');
  const third = next.withChanges(new Set(['t:2']), [renamed]);
  assert.deepEqual(third.partsChange([next.entity('t:2')!], [third.entity('t:2')!]).parts, ['boris', 'gleb']);
  const fourth = third.withChanges(new Set(['t:3']), []);
  const gone = fourth.partsChange([third.entity('t:3')!], []);
  assert.deepEqual(gone.parts, ['petrovsky']);
  assert.equal(gone.isCutDifferently({ handle: 'anatolypetrovsky' }), true);
  // A probe shares its parent's known parts: no change of its own.
  assert.deepEqual(next.probe([next.entity('t:3')!]).partsChange([], [next.entity('t:3')!]).parts, []);
});
