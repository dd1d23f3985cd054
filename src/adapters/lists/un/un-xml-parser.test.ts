import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sharedData } from '../../../../test/paths.js';
import { parseFile, recordingContext, singleFileInput } from '../xml/parse-harness.js';
import { unXmlParser } from './un-xml-parser.js';

const FULL = sharedData('un', 'UN_consolidated.xml');
const SAMPLE = sharedData('un', 'UN_consolidated_sample_2024-10-17.xml');

test('sniffs the UN consolidated list by its root element', () => {
  assert.equal(unXmlParser.sniff(readFileSync(FULL, 'utf8').slice(0, 65536), 'UN_consolidated.xml'), true);
  assert.equal(unXmlParser.sniff('<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">', 'x.xml'), false);
  assert.equal(unXmlParser.sourceOf('', 'UN_consolidated.xml'), 'un');
});

test('reads the whole UN list: 730 individuals and 273 entities, dated by dateGenerated', async () => {
  const { entities, ctx } = await parseFile(unXmlParser, FULL);
  assert.equal(entities.length, 1003);
  assert.equal(entities.filter((e) => e.schema === 'Person').length, 730);
  assert.equal(entities.filter((e) => e.schema === 'Organization').length, 273);
  assert.equal(new Set(entities.map((e) => e.id)).size, 1003);
  assert.equal(ctx.publishedAt, '2026-02-27');
  assert.deepEqual(ctx.warnings, []);
  assert.ok(entities.every((e) => e.source === 'un' && e.names[0]?.kind === 'primary' && e.programs.length === 1));
  assert.ok(entities.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.listedOn ?? '')), 'LISTED_ON with a time zone is read too');

  const tabatabaei = entities.find((e) => e.id === 'un:IRi.041');
  assert.deepEqual(tabatabaei?.nationalities, ['IR']);
  const names = entities.flatMap((e) => e.names);
  assert.ok(names.filter((n) => n.script === 'Arab').length > 300, 'NAME_ORIGINAL_SCRIPT in Arabic');
  assert.ok(names.some((n) => n.script === 'Cyrl'));
  assert.ok(
    names.every((n) => n.full.trim() !== '' && (n.kind === 'primary' || !n.full.includes(';'))),
    'aliases split on ";", empty ones skipped',
  );
  const cagl = entities.find((e) => e.id === 'un:CDe.003');
  const caglNames = cagl?.names.map((n) => `${n.kind}: ${n.full}`) ?? [];
  assert.equal(caglNames[0], 'primary: COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)');
  assert.ok(caglNames.includes('alias: COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)'));
  assert.ok(caglNames.includes('alias: GREAT LAKES BUSINESS COMPANY (GLBC)'));
  assert.ok(names.some((n) => n.kind === 'former'), 'entity f.k.a. aliases');
  const dates = entities.flatMap((e) => e.birthDates);
  assert.ok(dates.some((d) => d.circa === true), 'APPROXIMATELY dates');
  assert.ok(dates.some((d) => d.to !== undefined), 'BETWEEN dates');
});

test('Qasem Soleimani (IRi.039) as the UN lists him', async () => {
  const { entities } = await parseFile(unXmlParser, FULL);
  const e = entities.find((x) => x.id === 'un:IRi.039');
  assert.ok(e);
  assert.equal(e.schema, 'Person');
  assert.deepEqual(e.names[0], { full: 'QASEM SOLEIMANI', kind: 'primary', parts: { first: 'QASEM', last: 'SOLEIMANI' } });
  const aliases = e.names.filter((n) => n.kind === 'alias').map((n) => n.full);
  assert.deepEqual(aliases, [
    'Kasim Soleimani',
    'Kasim Sulaimani',
    'Kasim Sulaymani',
    'Qasem Sulaimani',
    'Qasem Sulaymani',
    'Qasim Soleimani',
    'Qasim Sulaimani',
    'Qasim Sulaymani',
  ]);
  assert.deepEqual(
    e.names.filter((n) => n.kind === 'weak').map((n) => n.full),
    ['Haj Qasem', 'Haji Qassem', 'Sardar Soleimani'],
  );
  assert.deepEqual(e.birthDates, [{ value: '1957-03-11' }]);
  assert.deepEqual(e.birthPlaces, ['Qom, Iran (Islamic Republic of)']);
  // This edition of the list states no NATIONALITY for him; Iran shows in his passport.
  assert.deepEqual(e.nationalities, []);
  assert.deepEqual(e.identifiers, [{ type: 'Passport', value: '008827', country: 'IR' }]);
  assert.deepEqual(e.programs, ['Iran']);
  assert.equal(e.listedOn, '2007-03-24');
  assert.deepEqual(e.titles, ['Brigadier General', 'Commander of Qods force']);
  assert.equal(e.remarks, 'Promoted to Major General, retaining his position as Commander of Qods force. [Old Reference # I.47.D.6]');
  assert.deepEqual(e.addresses, []);
});

test('the 2024-10-17 sample gives its 7 individuals', async () => {
  const { entities, ctx } = await parseFile(unXmlParser, SAMPLE);
  assert.equal(entities.length, 7);
  assert.ok(entities.every((e) => e.schema === 'Person' && e.id.startsWith('un:')));
  assert.equal(ctx.publishedAt, '2024-10-17');
});

/** A UN list of `count` copies of one individual, each with its own reference number. */
async function writeGeneratedList(path: string, count: number): Promise<void> {
  const source = readFileSync(FULL, 'utf8');
  const start = source.lastIndexOf('<INDIVIDUAL>', source.indexOf('<REFERENCE_NUMBER>IRi.039'));
  const end = source.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  const template = source.slice(start, end);
  const out = createWriteStream(path);
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">\n<INDIVIDUALS>\n');
  for (let i = 0; i < count; i++) {
    if (!out.write(template.replace('IRi.039', `GEN.${i}`) + '\n')) await once(out, 'drain');
  }
  out.end('</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n');
  await once(out, 'finish');
}

test('memory stays flat while a ~35 MB list streams', async (t) => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const dir = mkdtempSync(join(tmpdir(), 'warden-un-big-'));
  const path = join(dir, 'UN_big.xml');
  const count = 20_000;
  try {
    await writeGeneratedList(path, count);
    const size = statSync(path).size;
    assert.ok(size > 28e6, `generated ${size} bytes`);
    gc();
    const base = process.memoryUsage();
    let peakHeap = 0;
    let peakRss = 0;
    let n = 0;
    const started = Date.now();
    for await (const e of unXmlParser.parse(singleFileInput(path), recordingContext())) {
      n++;
      if (n % 2000 === 0) {
        assert.equal(e.id, `un:GEN.${n - 1}`);
        gc();
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
        peakRss = Math.max(peakRss, m.rss - base.rss);
      }
    }
    const ms = Date.now() - started;
    assert.equal(n, count);
    const mb = (b: number): string => (b / 1e6).toFixed(1);
    t.diagnostic(`${mb(size)} MB, ${n} entities in ${ms} ms; heap growth ${mb(peakHeap)} MB, rss growth ${mb(peakRss)} MB`);
    // Holding the file's text (~35 MB) or the entities read so far would exceed these bounds.
    assert.ok(peakHeap < 20e6, `heap grew ${mb(peakHeap)} MB`);
    assert.ok(peakRss < 100e6, `rss grew ${mb(peakRss)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
