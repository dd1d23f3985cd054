import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutSuffixes, isCutDifferently, queryNames } from './query-names.js';

const suffixes = (word: string): string[] => Array.from({ length: word.length - 1 }, (_, i) => word.slice(i));

test('cutSuffixes: every suffix of two letters or more of the words a handle or run-together name is cut from', () => {
  assert.deepEqual(cutSuffixes({ handle: 'ramzan_kadyrov95' }), [...suffixes('ramzan'), ...suffixes('kadyrov')].sort());
  assert.deepEqual(cutSuffixes({ displayName: 'RamzanKadyrov' }), [...suffixes('ramzan'), ...suffixes('kadyrov')].sort(), 'a run-together display name, cut at the change of case');
  assert.deepEqual(cutSuffixes({ displayName: 'ramzankadyrov' }), suffixes('ramzankadyrov').sort());
  assert.deepEqual(cutSuffixes({ displayName: 'Ramzan Kadyrov' }), [], 'a name with spaces is never cut');
  assert.deepEqual(cutSuffixes({ displayName: 'Kadyrov' }), [], 'a one-word name shorter than eight letters is not read as run together');
  assert.deepEqual(cutSuffixes({ handle: 'the_real_ali' }), [], 'handle words dropped, and words under four letters cannot be cut in two');
  const astral = cutSuffixes({ handle: 'ab\u{20000}\u{20001}cd' });
  assert.ok(astral.length > 0 && astral.every((s) => { const u = s.charCodeAt(0); return u < 0xdc00 || u > 0xdfff; }), 'no suffix starts inside a surrogate pair');
});

test('isCutDifferently: true exactly when the known parts change how queryNames reads the names', () => {
  const before = new Set(['ramzan']);
  const after = new Set(['ramzan', 'kadyrov']);
  const read = (names: { handle?: string; displayName?: string }, known: ReadonlySet<string>): string[] => queryNames({ id: 'a', ...names }, known).map((q) => q.form.tokens.join(' '));
  for (const names of [{ handle: 'ramzankadyrov' }, { displayName: 'ramzankadyrov' }, { handle: 'kadyrov_official' }, { handle: 'john_smith' }, { displayName: 'Ramzan Kadyrov' }]) {
    const differs = JSON.stringify(read(names, before)) !== JSON.stringify(read(names, after));
    assert.equal(isCutDifferently(names, after, before), differs, JSON.stringify(names));
  }
  assert.equal(isCutDifferently({ handle: 'ramzankadyrov' }, after, before), true);
  assert.equal(isCutDifferently({ handle: 'john_smith' }, after, before), false);
});
