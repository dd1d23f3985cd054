import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseListDate } from './partial-date.js';

test('reads the date forms the lists use', () => {
  assert.deepEqual(parseListDate('05 Oct 1976'), { value: '1976-10-05' });
  assert.deepEqual(parseListDate('Oct 1976'), { value: '1976-10' });
  assert.deepEqual(parseListDate('1977'), { value: '1977' });
  assert.deepEqual(parseListDate('circa 1960'), { value: '1960', circa: true });
  assert.deepEqual(parseListDate('1968 to 1970'), { value: '1968', to: '1970' });
  assert.deepEqual(parseListDate('00/00/1976'), { value: '1976' });
  assert.deepEqual(parseListDate('05/10/1976'), { value: '1976-10-05' });
  assert.deepEqual(parseListDate('1976-10-05'), { value: '1976-10-05' });
});

test('rejects what is not a date', () => {
  assert.equal(parseListDate('Tsenteroi'), undefined);
  assert.equal(parseListDate('31 Foo 1976'), undefined);
  assert.equal(parseListDate('45/13/1976'), undefined);
  assert.equal(parseListDate(''), undefined);
});
