import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptOf } from './name-script.js';

test('detects the non-Latin script of a name', () => {
  assert.equal(scriptOf('قاسم سليماني'), 'Arab');
  assert.equal(scriptOf('Банк ВТБ'), 'Cyrl');
  assert.equal(scriptOf('VTB Банк'), 'Cyrl');
  assert.equal(scriptOf('金正恩'), 'Hani');
  assert.equal(scriptOf('オウム真理教'), 'Jpan');
  assert.equal(scriptOf('김정은'), 'Hang');
  assert.equal(scriptOf('JAMAAH ANSHARUT DAULAH'), undefined);
  assert.equal(scriptOf('Müller-Łukasz'), undefined);
  assert.equal(scriptOf(''), undefined);
});
