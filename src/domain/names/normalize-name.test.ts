import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeName } from './normalize-name.js';

test('decorative, fullwidth, circled, squared and small-capital letters read as plain letters', () => {
  for (const styled of [
    '𝐑𝐚𝐦𝐳𝐚𝐧 𝐊𝐚𝐝𝐲𝐫𝐨𝐯',
    '𝓡𝓪𝓶𝔃𝓪𝓷 𝓚𝓪𝓭𝔂𝓻𝓸𝓿',
    '𝕽𝖆𝖒𝖟𝖆𝖓 𝕶𝖆𝖉𝖞𝖗𝖔𝖛',
    '𝕽𝕒𝕞𝕫𝕒𝕟 𝕂𝕒𝕕𝕪𝕣𝕠𝕧',
    'Ｒａｍｚａｎ Ｋａｄｙｒｏｖ',
    'Ⓡⓐⓜⓩⓐⓝ ⓚⓐⓓⓨⓡⓞⓥ',
    '🆁🅰🅼🆉🅰🅽 🅺🅰🅳🆈🆁🅾🆅',
    '🅡🅐🅜🅩🅐🅝 🅚🅐🅓🅨🅡🅞🅥',
    'ʀᴀᴍᴢᴀɴ ᴋᴀᴅʏʀᴏᴠ',
  ]) {
    assert.equal(normalizeName(styled), 'ramzan kadyrov', styled);
  }
});

test('folds Cyrillic and Greek look-alikes inside a mostly Latin word onto Latin', () => {
  assert.equal(normalizeName('Rаmzаn Kаdyrоv'), 'ramzan kadyrov'); // Cyrillic а, о
  assert.equal(normalizeName('RAMZAN KАDYRОV'), 'ramzan kadyrov'); // Cyrillic А, О
  assert.equal(normalizeName('Ramzan Kadyrοv'), 'ramzan kadyrov'); // Greek ο
  assert.equal(normalizeName('ΚΑDYROV'), 'kadyrov'); // Greek Κ, Α
});

test('keeps a word wholly in Cyrillic (or another script) in its script', () => {
  assert.equal(normalizeName('Рамзан Кадыров'), 'рамзан кадыров');
  assert.equal(normalizeName('Ramzan Кадыров'), 'ramzan кадыров');
  assert.equal(normalizeName('Кaдыров'), 'кадыров'); // stray Latin a in a Cyrillic word
  assert.equal(normalizeName('Влади́мир ПУ́ТИН'), 'владимир путин');
  assert.equal(normalizeName('Йошкар Ёлкин'), 'йошкар ёлкин');
  assert.equal(normalizeName('习近平'), '习近平');
});

test('removes Latin diacritics, including letters without a decomposition', () => {
  assert.equal(normalizeName('José Müller-Lüdenscheidt'), 'jose muller ludenscheidt');
  assert.equal(normalizeName('Søren Łukasz Straße'), 'soren lukasz strasse');
  assert.equal(normalizeName('Đorđe Ğüneş ıspir İlham'), 'dorde gunes ispir ilham');
  assert.equal(normalizeName('Œdipe Æsir Þór'), 'oedipe aesir thor');
});

test('joins at apostrophes, spaces out punctuation, drops emoji and symbols', () => {
  assert.equal(normalizeName("O'Brien, Seán"), 'obrien sean');
  assert.equal(normalizeName('D’Artagnan'), 'dartagnan');
  assert.equal(normalizeName('al-Assad, Bashar'), 'al assad bashar');
  assert.equal(normalizeName('  Ramzan 🇷🇺🔥👍🏽  Kadyrov ✔️ '), 'ramzan kadyrov');
  assert.equal(normalizeName('Ramzan\u200d\u2764\ufe0f Kadyrov™'), 'ramzan kadyrov');
  assert.equal(normalizeName('OCEAN STAR 7'), 'ocean star 7');
  assert.equal(normalizeName('🔥✨'), '');
});

test('removes Arabic harakat and unifies Arabic and Persian letter forms', () => {
  assert.equal(normalizeName('قاسِم سُلَيْمانی'), 'قاسم سليماني');
  assert.equal(normalizeName('أحمد'), 'احمد');
  assert.equal(normalizeName('علی خامنه‌ای'), 'علي خامنهاي');
  assert.equal(normalizeName('שָׁלוֹם'), 'שלום');
});

test('keeps the marks other scripts spell with', () => {
  assert.equal(normalizeName('नरेन्द्र मोदी'), 'नरेन्द्र मोदी');
  assert.equal(normalizeName('ทักษิณ'), 'ทักษิณ');
  assert.equal(normalizeName('が'), 'が');
});
