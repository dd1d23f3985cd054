import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeName } from './normalize-name.js';
import { phoneticKey } from './phonetic-key.js';
import { MAX_ROMANIZATIONS, romanizations } from './transliterate.js';

function romanize(name: string): string[] {
  return romanizations(normalizeName(name));
}

function keys(name: string): string {
  return name.split(' ').map(phoneticKey).join(' ');
}

/** True when some romanisation of `native` has the same phonetic keys, word for word, as `latin`. */
function meets(native: string, latin: string): boolean {
  return romanize(native).some((r) => keys(r) === keys(latin));
}

test('returns a Latin name as it is, alone', () => {
  assert.deepEqual(romanizations('ramzan kadyrov'), ['ramzan kadyrov']);
  assert.deepEqual(romanizations(''), []);
});

test('romanises Cyrillic in the schemes lists use', () => {
  const kadyrov = romanize('Рамзан Кадыров');
  assert.equal(kadyrov[0], 'ramzan kadyrov');
  assert.ok(kadyrov.includes('ramzan kadirov'), kadyrov.join(', '));
  assert.deepEqual(romanize('Милорад Додик'), ['milorad dodik']);
  const patronymic = romanize('Рамзан Ахматович Кадыров');
  assert.ok(patronymic.includes('ramzan akhmatovich kadyrov'), patronymic.join(', '));
  assert.ok(patronymic.some((r) => r.startsWith('ramzan ahmatovich')), patronymic.join(', '));
  assert.ok(romanize('Евгений Пригожин').includes('yevgeniy prigozhin'));
  assert.ok(romanize('Евгений Пригожин').includes('evgenii prigozhin'));
  assert.ok(romanize('Юлия Тимошенко').some((r) => r.startsWith('yuliya')));
  assert.ok(romanize('Володимир Зеленський').includes('volodymyr zelenskyi'));
  assert.ok(romanize('Александар Вучић').includes('aleksandar vucic'));
  assert.ok(romanize('Қасым-Жомарт Тоқаев').includes('kasym zhomart tokaev'));
});

test('romanises Arabic and Persian names in their usual spellings', () => {
  const soleimani = romanize('قاسم سليماني');
  assert.equal(soleimani[0], 'qasem soleimani');
  assert.ok(soleimani.some((r) => keys(r) === keys('qassem suleimani')));
  assert.ok(soleimani.some((r) => keys(r) === keys('qasem soleimani')));
  assert.ok(meets('قاسِم سُلَيْمانی', 'Ghasem Soleymani'));
  assert.ok(romanize('محمد بن سلمان').includes('mohammed bin salman') || meets('محمد بن سلمان', 'mohammed bin salman'));
  assert.ok(romanize('عبد الرحمن').includes('abdulrahman'));
  assert.ok(romanize('بشار الاسد').includes('bashar al assad'));
  assert.ok(meets('علی خامنه‌ای', 'Ali Khamenei'));
  assert.ok(meets('فلاديمير بوتين', 'Vladimir Putin'), 'letter fallback');
});

test('romanises Han in pinyin, family name apart, given name joined and spaced', () => {
  const xi = romanize('习近平');
  assert.equal(xi[0], 'xi jinping');
  assert.ok(xi.includes('xi jin ping'));
  assert.ok(romanize('蔡英文').includes('tsai ying wen'), 'Wade-Giles');
  assert.equal(romanize('欧阳娜娜')[0], 'ouyang nana');
});

test('romanises Hangul with the customary family name and RR/MR given names', () => {
  const kim = romanize('김정은');
  assert.equal(kim[0], 'kim jong un');
  assert.ok(kim.includes('gim jeongeun'));
  assert.ok(meets('김정은', 'Kim Jong Un'));
  assert.ok(meets('김 정은', 'Kim Jong-un'));
  assert.ok(meets('박근혜', 'Park Geun-hye'));
  assert.ok(meets('문재인', 'Moon Jae-in'));
});

test('romanises Greek, Hebrew, Armenian, Georgian, Kana and Devanagari', () => {
  assert.ok(romanize('Κυριάκος Μητσοτάκης').includes('kyriakos mitsotakis'));
  assert.ok(meets('בנימין נתניהו', 'Binyamin Netanyahu'));
  assert.ok(romanize('Սերժ Սարգսյան').includes('serzh sargsyan'));
  assert.ok(meets('Պետրոսյան', 'Bedrosian'), 'Western Armenian');
  assert.ok(romanize('მიხეილ სააკაშვილი').includes('mikheil saakashvili'));
  assert.ok(romanize('あべ しんぞう').includes('abe shinzo'));
  assert.deepEqual(romanize('नरेन्द्र मोदी')[0], 'narendra modi');
  assert.deepEqual(romanize('राहुल गांधी')[0], 'rahul gandhi');
  assert.ok(romanize('ทักษิณ').length > 0, 'Thai through any-ascii');
});

test('romanises Khmer by syllable: series, inherent vowels, finals, subscripts', () => {
  assert.deepEqual(romanize('ប៉ុល ពត'), ['pol pot'], 'ប៉ is p; ពត has the inherent vowel');
  assert.deepEqual(romanize('ហ៊ុន សែន'), ['hun saen'], 'ុ reads u after a second-series letter');
  assert.deepEqual(romanize('គីម'), ['kim']);
  assert.deepEqual(romanize('កឹម សុខា'), ['koem sokha'], 'ខ before a vowel sign opens the next syllable');
  assert.deepEqual(romanize('អង្គរ'), ['angkor'], 'a consonant before a subscript closes the syllable');
  assert.deepEqual(romanize('ខ្មែរ'), ['khmaer'], 'a subscript at the start is part of the initial');
  assert.deepEqual(romanize('ឯម សុផល'), ['aem sophal'], 'an independent vowel; two bare consonants at the end are a syllable');
  assert.ok(meets('ហ៊ុន ម៉ាណែត', 'Hun Manet'));
});

test('bounds and de-duplicates the romanisations', () => {
  for (const name of ['Рамзан Ахматович Кадыров', 'عبد الرحمن الاحمد محمد', '김정은', 'Կարեն Կարապետյան', 'សម រង្ស៊ី']) {
    const all = romanize(name);
    assert.ok(all.length >= 1 && all.length <= MAX_ROMANIZATIONS, name);
    assert.equal(new Set(all).size, all.length, name);
    for (const r of all) assert.match(r, /^[a-z0-9]+( [a-z0-9]+)*$/, name);
  }
});
