import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneticKey } from './phonetic-key.js';

function assertSameKey(spellings: readonly string[]): void {
  const [first, ...rest] = spellings;
  const key = phoneticKey(first ?? '');
  assert.notEqual(key, '');
  for (const s of rest) assert.equal(phoneticKey(s), key, `${s} vs ${first}`);
}

test('gives the romanisation variants of one name one key', () => {
  assertSameKey(['kadyrov', 'kadirov', 'qadyrov', 'kadyrow']);
  assertSameKey(['soleimani', 'suleimani', 'sulaimani', 'soleymani', 'sulaymani']);
  assertSameKey(['qasem', 'qassem', 'kasim', 'ghasem', 'qasim', 'kassem']);
  assertSameKey(['mohammad', 'muhammad', 'mohammed', 'mohamed', 'muhammed']);
  assertSameKey(['jon', 'john']);
  assertSameKey(['akhmatovich', 'ahmatovich']);
  assertSameKey(['vladimir', 'wladimir', 'volodymyr', 'vlagyimir', 'vladimer']);
  assertSameKey(['putin', 'poutine', 'poetin', 'putyin', 'butin']);
  assertSameKey(['vladimirovich', 'vladimirovic', 'vladimirovitch', 'wladimirowitsch', 'vladimirowicz']);
  assertSameKey(['yevgeniy', 'evgeny', 'evgenii']);
  assertSameKey(['sergey', 'sergej', 'sergei']);
  assertSameKey(['khrushchev', 'hrushchev']);
  assertSameKey(['kim', 'gim']);
  assertSameKey(['jong', 'jeong']);
  assertSameKey(['un', 'eun']);
});

test('keeps clearly different names apart', () => {
  const distinct = ['dodik', 'dudaev', 'kadyrov', 'putin', 'medvedev', 'lavrov', 'soleimani', 'qasem', 'mahmoud', 'mohammad'];
  const keys = distinct.map(phoneticKey);
  assert.equal(new Set(keys).size, distinct.length, keys.join(' '));
});

test('reads only Latin letters and is empty for nothing', () => {
  assert.equal(phoneticKey(''), '');
  assert.equal(phoneticKey('95'), '');
  assert.equal(phoneticKey('Kadyrov'), phoneticKey('kadyrov'));
});
