import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptCodeOf } from './script.js';

test('maps script names to ISO 15924 codes', () => {
  assert.equal(scriptCodeOf('Cyrillic'), 'Cyrl');
  assert.equal(scriptCodeOf('Chinese Simplified'), 'Hans');
  assert.equal(scriptCodeOf('Latin'), 'Latn');
  assert.equal(scriptCodeOf('Arab'), 'Arab');
  assert.equal(scriptCodeOf('Klingon'), undefined);
});
