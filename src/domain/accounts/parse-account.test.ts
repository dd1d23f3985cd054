import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccount } from './parse-account.js';

test('accepts a full record and normalises codes', () => {
  const r = parseAccount({ id: 'a1', displayName: ' Ramzan ', handle: 'rk', birthDate: '1976-10-05', country: 'ru', language: 'RU', extra: 1 });
  assert.deepEqual(r, { kind: 'account', account: { id: 'a1', displayName: 'Ramzan', handle: 'rk', birthDate: '1976-10-05', country: 'RU', language: 'ru' } });
});

test('a numeric id is accepted as text; empty strings are absent', () => {
  const r = parseAccount({ id: 7, displayName: '', handle: 'x' });
  assert.deepEqual(r, { kind: 'account', account: { id: '7', handle: 'x' } });
});

test('names every bad field', () => {
  const r = parseAccount({ displayName: '', birthDate: '1976-02-30', country: 'Russia', bio: 5 });
  assert.equal(r.kind, 'invalid');
  const fields = r.kind === 'invalid' ? r.problems.map((p) => p.field).sort() : [];
  assert.deepEqual(fields, ['bio', 'birthDate', 'country', 'displayName', 'id']);
});

test('accepts year and month precision, rejects other shapes', () => {
  assert.equal(parseAccount({ id: '1', handle: 'h', birthDate: '1976' }).kind, 'account');
  assert.equal(parseAccount({ id: '1', handle: 'h', birthDate: '1976-10' }).kind, 'account');
  assert.equal(parseAccount({ id: '1', handle: 'h', birthDate: '05/10/1976' }).kind, 'invalid');
  assert.equal(parseAccount({ id: '1', handle: 'h', birthDate: '1976-13' }).kind, 'invalid');
  assert.equal(parseAccount([]).kind, 'invalid');
});
