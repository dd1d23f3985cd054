import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSharedEntities } from '../../../bench/matching/datasets.js';
import { buildMatchIndex } from './build-match-index.js';
import { frozenNameRarity, rarityTableText, tokenStatsFromTable } from './name-rarity.js';
import { NAME_RARITY_TABLE } from './name-rarity.generated.js';
import { tokenKey } from './name-form.js';

test('the frozen table is the one the shared lists give today (else: npm run gen:rarity, and bump the version)', async () => {
  assert.equal(rarityTableText(await loadSharedEntities()), NAME_RARITY_TABLE);
});

test('the table reads back: common parts weigh least, unseen parts most', () => {
  const stats = frozenNameRarity();
  assert.ok(stats.total > 10_000);
  const common = stats.weight(tokenKey('mohammad'));
  const rare = stats.weight(tokenKey('kadyrov'));
  const unseen = stats.weight('QQQQXQQ');
  assert.ok(stats.frequency(tokenKey('mohammad')) > 100);
  assert.ok(common < rare && rare < unseen, `${common} ${rare} ${unseen}`);
  const small = tokenStatsFromTable('total:2000\n3:AB CD\n7:EF');
  assert.equal(small.frequency('CD'), 3);
  assert.equal(small.frequency('EF'), 7);
  assert.equal(small.frequency('GH'), 0);
});

test('a score does not depend on which other entities are listed', async () => {
  const all = (await loadSharedEntities()).filter((e) => e.schema === 'Person');
  const kadyrov = all.find((e) => e.id === 'ofac-sdn:23343');
  assert.ok(kadyrov);
  const id = kadyrov.id;
  const few = buildMatchIndex([kadyrov, ...all.slice(0, 10)]);
  const many = buildMatchIndex(all);
  for (const displayName of ['Ramzan Kadyrov', 'Рамзан Кадыров', 'Ramzan Kadirov']) {
    const a = few.screen({ id: 'a', displayName }).find((m) => m.entityId === id);
    const b = many.screen({ id: 'a', displayName }).find((m) => m.entityId === id);
    assert.ok(a && b, displayName);
    assert.equal(a.score, b.score, displayName);
  }
});
