import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex } from './build-match-index.js';
import type { Schema } from '../entities/entity.js';
import type { Party } from './match-types.js';
import { abdulTokens, identityTokens, nameForms, nameReadings, numbersAsDigits } from './name-form.js';

const index = buildMatchIndex([]);
const party = (name: string, schema: Schema): Party => ({ names: [name], schema });
const score = (a: string, b: string, schema: Schema = 'Company'): number => index.compare(party(a, schema), party(b, schema)).score;
const tokensOf = (name: string, isOrganization: boolean): string[][] => nameForms(name, isOrganization).map((f) => [...f.tokens]);

test('number words and ordinals are read as digits, a tens word taking the unit after it', () => {
  assert.deepEqual(numbersAsDigits(['brigade', 'forty', 'four']), ['brigade', '44']);
  assert.deepEqual(numbersAsDigits(['fourty', 'four']), ['44']);
  assert.deepEqual(numbersAsDigits(['three', 'percenters']), ['3', 'percenters']);
  assert.deepEqual(numbersAsDigits(['1st', 'international', 'bank']), ['1', 'international', 'bank']);
  assert.deepEqual(numbersAsDigits(['first', 'international']), ['1', 'international']);
  assert.deepEqual(numbersAsDigits(['twenty', 'first']), ['20', '1'], 'an ordinal is not a unit of the tens before it');
  assert.deepEqual(numbersAsDigits(['forty', '4']), ['44']);
  const plain = ['ramzan', 'kadyrov'];
  assert.equal(numbersAsDigits(plain), plain, 'a name without number words is not copied');
  assert.ok(score('Brigade Forty-Four', 'Brigade 44', 'Organization') >= index.threshold);
  assert.ok(score('1st International Bank', 'First International Bank') >= index.threshold);
  assert.ok(score('Brigade 44', 'Brigade 45', 'Organization') < index.threshold, 'another number is another name');
});

test('a legal form with one typo, or cut short at the end of the name, is a legal form', () => {
  assert.deepEqual(identityTokens(['siemens', 'aktiengeselschaft'], true), ['siemens']);
  assert.deepEqual(identityTokens(['acme', 'corporatoin'], false), ['acme'], 'long forms in any name');
  assert.deepEqual(identityTokens(['tactical', 'missiles', 'joint', 'stock', 'compan'], true), ['tactical', 'missiles']);
  assert.deepEqual(identityTokens(['tactical', 'corpor'], true), ['tactical']);
  assert.deepEqual(identityTokens(['corpor', 'tactical'], true), ['corpor', 'tactical'], 'cut short only at the end');
  assert.deepEqual(identityTokens(['speed', 'limit'], true), ['speed', 'limit'], 'a word of five letters is not a cut form');
  assert.deepEqual(identityTokens(['stork', 'industries'], true), ['stork', 'industries'], 'short forms do not take typos');
  assert.deepEqual(identityTokens(['pro', 'traffic', 'societatea', 'cu', 'raspundere', 'limitata'], true), ['pro', 'traffic']);
  assert.ok(score('Siemens Aktiengeselschaft', 'Siemens AG') >= index.threshold);
  assert.ok(score('Societatea cu Răspundere Limitată PRO TRAFFIC', 'SRL PRO TRAFFIC') >= index.threshold);
  assert.ok(score('Hellenic Spirit', 'MV Hellenic Spirit', 'Vessel') >= index.threshold);
});

test('a name is also read cut at changes of case and without what it says in brackets', () => {
  assert.deepEqual(nameReadings('Ramzan Kadyrov'), [{ text: 'Ramzan Kadyrov', bracketed: 'Ramzan Kadyrov' }]);
  assert.deepEqual(nameReadings('SiemensAG').map((r) => r.text), ['SiemensAG', 'Siemens AG']);
  assert.deepEqual(nameReadings('Deutsche Bank (Schweiz) AG').map((r) => r.text), ['Deutsche Bank (Schweiz) AG', 'Deutsche Bank AG']);
  assert.deepEqual(nameReadings('(Ahmed)').map((r) => r.text), ['(Ahmed)'], 'nothing left outside the brackets: no reading');
  assert.deepEqual(tokensOf('SANTOS, Ahmad (Ahmed)', false), [['santos', 'ahmad', 'ahmed'], ['santos', 'ahmad']]);
  assert.equal(nameForms('SANTOS, Ahmad (Ahmed)', false)[1]?.surnameParts, 1, 'the surname is still marked');
  assert.ok(score('SiemensAG', 'Siemens AG') >= index.threshold);
  assert.ok(score('FridrichBuchenberg', 'Friedrich Buchenberg', 'Person') >= index.threshold);
  assert.ok(score('Deutsche Bank (Schweiz) AG', 'Deutsche Bank AG') >= index.threshold);
});

test('two names that both qualify in brackets are compared with their qualifiers', () => {
  assert.ok(score('Bank of China (Hong Kong) Limited', 'Bank of China (Australia) Limited') < index.threshold);
  assert.ok(score('Bank of China (Hong Kong) Limited', 'Bank of China (Hong Kong) Limited') >= index.threshold);
});

test("an organisation's initials meet its name of two or three words; a person's do not", () => {
  assert.ok(score('PLA', 'People’s Liberation Army', 'Organization') >= index.threshold);
  assert.ok(score('US Steel', 'United States Steel') >= index.threshold);
  assert.ok(score('Pla', 'Pablo Luis Alvarez', 'Person') < 0.5);
});

test('a part split in two meets the listed part, also when the other side has as many parts', () => {
  assert.ok(score('Nikolai Patr ushev', 'Nikolai Platonovich Patrushev', 'Person') >= index.threshold);
});

test('Abd al-, Abdel and Abd-ar- names get a second form written abdul, the article after it gone', () => {
  assert.deepEqual(abdulTokens(['abd', 'al', 'aziz', 'al', 'nuristani']), ['abdul', 'aziz', 'al', 'nuristani']);
  assert.deepEqual(abdulTokens(['abdel', 'fattah']), ['abdul', 'fattah']);
  assert.deepEqual(abdulTokens(['abd', 'ar', 'rahman']), ['abdul', 'rahman']);
  assert.deepEqual(abdulTokens(['sundus', 'abd', 'al']), ['sundus', 'abdul', 'al'], 'an article that ends the name stays');
  assert.deepEqual(abdulTokens(['abdul', 'aziz']), [], 'already written so: no second form');
  assert.deepEqual(abdulTokens(['ramzan', 'kadyrov']), []);
  assert.deepEqual(tokensOf('Sundus Abd Al-Ghafur', false), [['sundus', 'abd', 'al', 'ghafur'], ['sundus', 'abdul', 'ghafur']]);
  assert.ok(score("'Abd al-Aziz al-Nuristani", 'Abdul Aziz Nooristani', 'Person') >= index.threshold);
});

test('"SURNAME, Given" marks the surname in every form of the name', () => {
  const forms = nameForms('AL-MASRI, Abd Al-Aziz', false);
  assert.deepEqual(forms.map((f) => [f.tokens.join(' '), f.surnameParts]), [['al masri abd al aziz', 2], ['al masri abdul aziz', 2]]);
});

test('two or three capital consonants in a name not in capitals are initials', () => {
  assert.deepEqual(nameReadings('JC Juncker').map((r) => r.text), ['JC Juncker', 'J C Juncker']);
  assert.deepEqual(nameReadings('KIM Jong Un').map((r) => r.text), ['KIM Jong Un'], 'a word with a vowel is a name');
  assert.deepEqual(nameReadings('JSC MUROM').map((r) => r.text), ['JSC MUROM'], 'a name in capitals says nothing by its capitals');
  assert.ok(score('JC Juncker', 'Jean-Claude Juncker', 'Person') >= index.threshold);
});

test('between two names in Arabic letters, a part one letter off as romanised but more as written is another name', () => {
  const [arif] = nameForms('عارف علی زرداری', false);
  assert.deepEqual(arif?.writtenParts, ['عارف', 'علي', 'زرداري']);
  assert.equal(nameForms('Arif Ali Zardari', false)[0]?.writtenParts, undefined);
  // araf / asaf is one letter as romanised, two as written (ع and ر against ص).
  assert.ok(score('عارف علی زرداری', 'آصف علی زرداری', 'Person') < index.threshold);
  // The same names romanised are one typo apart, and still meet as such.
  assert.ok(score('Arif Ali Zardari', 'Asif Ali Zardari', 'Person') >= index.threshold);
  assert.ok(score('عارف علی زرداری', 'Arif Ali Zardari', 'Person') >= index.threshold, 'against a Latin spelling, as before');
  // One letter off as written is a typo in either script.
  assert.ok(score('عارف علی زرداری', 'عارف علي زردارى', 'Person') >= index.threshold);
  assert.ok(score('حسين علي زرداري', 'حسن علي زرداري', 'Person') >= 0.75);
});

test('a name with a title is also read with it, after every reading without', () => {
  assert.deepEqual(tokensOf('Haji Bashir Noorzai', false), [['bashir', 'noorzai'], ['haji', 'bashir', 'noorzai']]);
  assert.deepEqual(tokensOf('Ramzan Kadyrov', false), [['ramzan', 'kadyrov']]);
  assert.deepEqual(tokensOf('Sheikh', false), [['sheikh']], 'a name that is only a title keeps it, once');
  assert.ok(score('Haji Noorzai', 'NOORZAI, Haji Bashir', 'Person') >= index.threshold);
  assert.ok(score('Sheikh Ahmad Yassin', 'Ahmad Yassin', 'Person') >= index.threshold, 'and is still read without it');
});
