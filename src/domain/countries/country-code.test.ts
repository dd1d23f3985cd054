import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryValue, toCountryCode } from './country-code.js';

test('resolves country names as lists write them', () => {
  assert.equal(toCountryCode('Russia'), 'RU');
  assert.equal(toCountryCode('Korea, North'), 'KP');
  assert.equal(toCountryCode('Iran (Islamic Republic of)'), 'IR');
  assert.equal(toCountryCode('ru'), 'RU');
  assert.equal(toCountryCode('IRN'), 'IR');
  assert.equal(toCountryCode('United Kingdom of Great Britain and Northern Ireland'), 'GB');
  assert.equal(toCountryCode('Pakistani'), 'PK');
  assert.equal(toCountryCode('Atlantis'), undefined);
  assert.equal(countryValue('Atlantis'), 'Atlantis');
});
