import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameTokens, segment, splitHandle } from './name-tokens.js';

const KNOWN = new Set(['ramzan', 'kadyrov', 'ram', 'zan', 'akhmat', 'vladimir', 'putin']);

test('splits a display name into normalised words', () => {
  assert.deepEqual(nameTokens('𝐑𝐚𝐦𝐳𝐚𝐧 Kadyrov 🇷🇺'), ['ramzan', 'kadyrov']);
  assert.deepEqual(nameTokens("PUTIN, Vladimir V."), ['putin', 'vladimir', 'v']);
  assert.deepEqual(nameTokens('🔥'), []);
});

test('splits handles at separators, camelCase and digits, and drops handle words', () => {
  assert.deepEqual(splitHandle('ramzan_kadyrov95'), [['ramzan', 'kadyrov']]);
  assert.deepEqual(splitHandle('RamzanKadyrov'), [['ramzan', 'kadyrov']]);
  assert.deepEqual(splitHandle('kadyrov.official'), [['kadyrov']]);
  assert.deepEqual(splitHandle('kadyrov_95'), [['kadyrov']]);
  assert.deepEqual(splitHandle('@the_real_kadyrov'), [['kadyrov']]);
  assert.deepEqual(splitHandle('KADYROV_TV'), [['kadyrov']]);
  assert.deepEqual(splitHandle('𝐑𝐚𝐦𝐳𝐚𝐧𝐊𝐚𝐝𝐲𝐫𝐨𝐯'), [['ramzan', 'kadyrov']]);
  assert.deepEqual(splitHandle('official_2'), []);
});

test('cuts a run-together handle with the known name parts, cuts first', () => {
  assert.deepEqual(splitHandle('ramzankadyrov', KNOWN), [['ramzan', 'kadyrov'], ['ram', 'zan', 'kadyrov'], ['ramzankadyrov']]);
  assert.deepEqual(splitHandle('vladimirputin_official', KNOWN), [['vladimir', 'putin'], ['vladimirputin']]);
  assert.deepEqual(splitHandle('ramzan_kadyrov', KNOWN), [['ramzan', 'kadyrov']]);
});

test('segments a run into known parts only, fewest parts first, bounded', () => {
  assert.deepEqual(segment('ramzankadyrov', KNOWN), [['ramzan', 'kadyrov'], ['ram', 'zan', 'kadyrov']]);
  assert.deepEqual(segment('ramzankadyrovx', KNOWN), []);
  assert.deepEqual(segment('ramzan', KNOWN), [['ramzan'], ['ram', 'zan']]);
  assert.deepEqual(segment('ramzan', KNOWN, 7), []);
  assert.deepEqual(segment('ram'.repeat(20), KNOWN), []);
  assert.ok(segment('ram'.repeat(10), KNOWN).length <= 8);
});
