import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex } from './build-match-index.js';
import type { Party } from './match-types.js';

const index = buildMatchIndex([]);
const score = (a: Party, b: Party) => index.compare(a, b).score;
const kadyrov: Party = { names: ['KADYROV, Ramzan Akhmatovich'], birthDates: ['1976-10-05'], countries: ['RU'] };

test('an agreeing birth date raises, a contradicting one lowers, strongly when years apart', () => {
  const nameOnly = score({ names: ['Ramzan Kadyrov'] }, kadyrov);
  const same = score({ names: ['Ramzan Kadyrov'], birthDates: ['1976-10-05'] }, kadyrov);
  const sameYear = score({ names: ['Ramzan Kadyrov'], birthDates: ['1976'] }, kadyrov);
  const near = score({ names: ['Ramzan Kadyrov'], birthDates: ['1978'] }, kadyrov);
  const far = score({ names: ['Ramzan Kadyrov'], birthDates: ['1990'] }, kadyrov);
  assert.ok(same > sameYear && sameYear > nameOnly, `${same} ${sameYear} ${nameOnly}`);
  assert.ok(nameOnly > near && near > far, `${nameOnly} ${near} ${far}`);
  assert.ok(far < index.threshold - 0.2);
});

test('a circa date or a range counts as agreement inside it', () => {
  const circa = index.compare({ names: ['Ramzan Kadyrov'], birthDates: ['1977'] }, { names: ['Ramzan Kadyrov'], birthDates: ['1976'] });
  assert.ok(circa.score < score({ names: ['Ramzan Kadyrov'] }, { names: ['Ramzan Kadyrov'] }));
});

test('a country among the listed ones raises a little', () => {
  const base = score({ names: ['Ramzan Kadyrov'] }, kadyrov);
  assert.ok(score({ names: ['Ramzan Kadyrov'], countries: ['RU'] }, kadyrov) > base);
});

test('identical names score highest; only name and birth date together reach 0.99', () => {
  const exact = score({ names: ['Ramzan Kadyrov'] }, { names: ['Ramzan Kadyrov'] });
  assert.ok(exact < 0.99 && exact >= index.threshold);
  assert.ok(score({ names: ['Ramzan Kadyrov'], birthDates: ['1976-10-05'] }, { names: ['Ramzan Kadyrov'], birthDates: ['1976-10-05'] }) >= 0.99);
  assert.ok(score({ names: ['Ramzan Kadyrov'] }, { names: ['Ramzan Kadirov'] }) < exact);
  assert.ok(score({ names: ['Ramzan Kadyrvo'] }, { names: ['Ramzan Kadyrov'] }) < exact);
});

test('a Cyrillic original scores like its Latin spelling', () => {
  const latin = score({ names: ['Ramzan Kadyrov'] }, kadyrov);
  const cyrillic = score({ names: ['Рамзан Кадыров'] }, kadyrov);
  assert.equal(cyrillic, latin);
});

test('a person against an organisation needs a near-identical name', () => {
  const same = score({ names: ['Gazprom Neft Trading'], schema: 'Company' }, { names: ['Gazprom Neft JSC'], schema: 'Company' });
  const cross = score({ names: ['Gazprom Neft Trading'], schema: 'Person' }, { names: ['Gazprom Neft JSC'], schema: 'Company' });
  const exact = score({ names: ['Gazprom Neft'], schema: 'Person' }, { names: ['Gazprom Neft JSC'], schema: 'Company' });
  assert.ok(cross < same - 0.05, `${cross} ${same}`);
  assert.ok(exact >= index.threshold, String(exact));
});

test('every comparison is explained: parts, features, algorithm, summary', () => {
  const c = index.compare({ names: ['Рамзан Кадыров'], birthDates: ['1976-10-05'] }, kadyrov);
  assert.equal(c.explanation.algorithm.name, 'warden-name');
  assert.equal(c.explanation.transliteration, 'ramzan kadyrov');
  assert.ok(c.explanation.alignment.some((p) => p.query === 'kadyrov' && p.listed === 'kadyrov' && p.how === 'exact'));
  assert.ok(c.explanation.features.some((f) => f.feature === 'birthDate' && f.contribution > 0));
  assert.match(c.explanation.summary, /Рамзан Кадыров/);
  assert.equal(c.match, c.score >= c.threshold);
});

test('scores do not saturate: varied pairs spread below 1', () => {
  const pairs: [string, string][] = [
    ['John Smith', 'John Smith'], ['Jon Smith', 'John Smith'], ['John Smyth', 'John Smith'], ['Smith John', 'John Smith'],
    ['John Edward Smith', 'John Smith'], ['Jane Smith', 'John Smith'], ['John Brown', 'John Smith'],
  ];
  const scores = pairs.map(([a, b]) => score({ names: [a] }, { names: [b] }));
  assert.equal(scores.filter((s) => s >= 1).length, 0);
  assert.ok(new Set(scores).size >= 4, scores.join(' '));
});
