import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/paths.js';
import { normalizeName } from './normalize-name.js';
import { phoneticKey } from './phonetic-key.js';
import { romanizations } from './transliterate.js';

/**
 * Lines of the file that name Putin without spelling out "Vladimir" (a title or initials):
 * no romanisation can give them both keys, so they are measured apart.
 */
const WITHOUT_GIVEN_NAME = new Set([
  'Präsident Putin', 'Predsjednik Putin', 'Președintele Putin', 'Presiden Putin', 'Presidente Putin',
  'Putyin elnök', 'Президент Путин', 'В. В. Путин', 'Путин В. В.',
]);

test('romanises the many-script variants of "Vladimir Putin" onto both phonetic keys', (t) => {
  const lines = readFileSync(sharedData('names', 'putin_name_variants.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const vladimir = phoneticKey('vladimir');
  const putin = phoneticKey('putin');
  const hasKeys = (line: string, wanted: readonly string[]): boolean =>
    romanizations(normalizeName(line)).some((r) => {
      const ks = new Set(r.split(' ').map(phoneticKey));
      return wanted.every((k) => ks.has(k));
    });
  const spelled = lines.filter((l) => !WITHOUT_GIVEN_NAME.has(l));
  const bothOnAll = lines.filter((l) => hasKeys(l, [vladimir, putin]));
  const bothOnSpelled = spelled.filter((l) => hasKeys(l, [vladimir, putin]));
  const putinOnAll = lines.filter((l) => hasKeys(l, [putin]));
  const missed = spelled.filter((l) => !hasKeys(l, [vladimir, putin]));
  const share = (n: number, of: number): string => `${n}/${of} = ${((100 * n) / of).toFixed(1)}%`;
  const reportLines = [
    `both keys, all lines: ${share(bothOnAll.length, lines.length)}`,
    `both keys, lines spelling the given name: ${share(bothOnSpelled.length, spelled.length)}`,
    `putin key, all lines: ${share(putinOnAll.length, lines.length)}`,
    `missed: ${missed.join(' | ')}`,
  ];
  for (const line of reportLines) t.diagnostic(line);
  const report = reportLines.join('\n');
  assert.ok(lines.length >= 80, report);
  assert.ok(bothOnSpelled.length / spelled.length >= 0.9, report);
  assert.ok(bothOnAll.length / lines.length >= 0.8, report);
  assert.ok(putinOnAll.length / lines.length >= 0.9, report);
});
