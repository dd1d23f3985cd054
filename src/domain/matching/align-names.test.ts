import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignNames, GENDER_FORM_SIMILARITY, OTHER_ENDING_CAP, partSimilarity } from './align-names.js';
import { nameForms, tokenKey } from './name-form.js';
import { tokenStatsOf } from './token-stats.js';

const stats = tokenStatsOf(new Map(), 0);
const form = (name: string) => nameForms(name, false)[0] ?? assert.fail(`no form for ${name}`);
const align = (a: string, b: string) => alignNames(form(a), form(b), stats, { isPerson: true, withParts: true });

test('identical names align fully, in any order', () => {
  assert.equal(align('Ramzan Kadyrov', 'Ramzan Kadyrov').similarity, 1);
  assert.equal(align('KADYROV Ramzan', 'Ramzan Kadyrov').similarity, 1);
});

test('a missing patronymic or middle name costs little, a differing part a lot', () => {
  const patronymic = align('Ramzan Kadyrov', 'KADYROV, Ramzan Akhmatovich').similarity;
  const middle = align('John Smith', 'John Edward Smith').similarity;
  const other = align('John Brown', 'John Edward Smith').similarity;
  assert.ok(patronymic > 0.98, String(patronymic));
  assert.ok(middle > 0.9 && middle < patronymic, String(middle));
  assert.ok(other < 0.6, String(other));
});

test('a typo scores below the exact name, another romanisation near it', () => {
  const exact = align('Ramzan Kadyrov', 'Ramzan Kadyrov').similarity;
  const typo = align('Ramzan Kadyrvo', 'Ramzan Kadyrov').similarity;
  const romanised = align('Ramzan Kadirov', 'Ramzan Kadyrov').similarity;
  const otherTypo = align('Ramzan Kadyrxv', 'Ramzan Kadyrov').similarity;
  assert.ok(typo < exact && typo > 0.85, String(typo));
  assert.ok(romanised < exact && romanised > 0.9, String(romanised));
  assert.ok(otherTypo < exact && otherTypo > 0.85, String(otherTypo));
});

test('initials meet the part they stand for, weakly', () => {
  const initial = align('R Kadyrov', 'Ramzan Kadyrov');
  assert.ok(initial.parts.some((p) => p.how === 'initial' && p.listed === 'ramzan'));
  assert.ok(initial.similarity < align('Ramzan Kadyrov', 'Ramzan Kadyrov').similarity);
});

test('part similarity names how parts met', () => {
  assert.equal(partSimilarity('bill', 'PL', 'william', 'PLM').how, 'phonetic');
  assert.equal(partSimilarity('qasem', 'KSM', 'ghasem', 'KSM').how, 'phonetic');
  assert.equal(partSimilarity('kadyrov', 'KTRP', 'kadyorv', 'KTRP').how, 'phonetic');
  assert.equal(partSimilarity('scholz', 'SLS', 'schulz', 'SLS').how, 'phonetic');
  assert.equal(partSimilarity('merkel', 'MRKL', 'merkle', 'MRKL').how, 'phonetic');
  assert.equal(partSimilarity('ivanov', 'APNP', 'petrov', 'PTRP').how, 'none');
});

test('joined and split parts meet (abdulrahman = abdul rahman)', () => {
  assert.ok(align('Abdulrahman Hassan', 'Abdul Rahman Hassan').similarity > 0.95);
});

test('legal forms, honorifics and "&" do not count', () => {
  const org = (a: string, b: string) =>
    alignNames(nameForms(a, true)[0] ?? assert.fail(), nameForms(b, true)[0] ?? assert.fail(), stats, { isPerson: false }).similarity;
  assert.equal(org('OAO Gazprom', 'Gazprom JSC'), 1);
  assert.equal(org('Bowne Global Solutions, L.L.C.', 'Bowne Global Solutions LLC'), 1);
  assert.equal(org('Smith & Sons Ltd', 'Smith and Sons Limited'), 1);
  assert.equal(align('Sheikh Ahmad Yassin', 'Ahmad Yassin').similarity, 1);
});

test('another closing vowel or a feminine form is another name, not another spelling', () => {
  const sim = (a: string, b: string) => partSimilarity(a, tokenKey(a), b, tokenKey(b)).similarity;
  assert.ok(sim('mary', 'mario') <= OTHER_ENDING_CAP && sim('emily', 'emilio') <= OTHER_ENDING_CAP && sim('karimi', 'karim') < 0.9);
  assert.ok(sim('luis', 'luisa') <= GENDER_FORM_SIMILARITY && sim('mario', 'maria') <= GENDER_FORM_SIMILARITY && sim('ivanov', 'ivanova') <= GENDER_FORM_SIMILARITY);
  for (const [a, b] of [['sergey', 'sergei'], ['hamzah', 'hamza'], ['kadyrov', 'kadirov'], ['merkle', 'merkel'], ['dmitriy', 'dmitri'], ['yahya', 'yahia']]) {
    assert.ok(sim(a!, b!) > 0.9, `${a} ~ ${b}: ${sim(a!, b!)}`);
  }
});
