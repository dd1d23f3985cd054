import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedData } from '../../../../test/paths.js';
import { ListRejectedError } from '../../../domain/errors.js';
import { unXmlParser } from '../un/un-xml-parser.js';
import { singleFileInput, recordingContext } from './parse-harness.js';
import { type XmlRecord, type XmlRecordsOptions, xmlRecords, xmlRoot } from './xml-records.js';
import { textAt } from './xml-node.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-xml-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function tempFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, name: string, options: XmlRecordsOptions): Promise<XmlRecord[]> {
  const out: XmlRecord[] = [];
  for await (const r of xmlRecords({ path, name }, options)) out.push(r);
  return out;
}

async function rejection(run: () => Promise<unknown>): Promise<ListRejectedError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof ListRejectedError, `expected ListRejectedError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a ListRejectedError');
}

const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<list xmlns="urn:example" xmlns:x="urn:x" generated="2024-01-02">
  <head><date>01/02/2024</date></head>
  <x:item id="1"><x:name lang="en">Ann &amp; Co</x:name><extra><![CDATA[a<b]]></extra></x:item>
  <item id="2">
    <name>Bob</name>
  </item>
</list>
`;

test('streams record subtrees with local names, header values and record lines', async () => {
  const header: [string, string][] = [];
  const records = await readAll(tempFile('small.xml', SMALL), 'small.xml', {
    records: ['item'],
    onHeader: (path, value) => header.push([path, value]),
  });
  assert.deepEqual(header, [
    ['list/@generated', '2024-01-02'],
    ['list/head/date', '01/02/2024'],
  ]);
  assert.equal(records.length, 2);
  const [first, second] = records;
  assert.equal(first?.line, 4);
  assert.equal(second?.line, 5);
  assert.deepEqual(first?.node.attrs, { id: '1' });
  assert.equal(first?.node.children[0]?.name, 'name');
  assert.deepEqual(first?.node.children[0]?.attrs, { lang: 'en' });
  assert.equal(textAt(first!.node, 'name'), 'Ann & Co');
  assert.equal(textAt(first!.node, 'extra'), 'a<b');
  assert.equal(textAt(second!.node, 'name'), 'Bob');
});

test('reads gzip-compressed files and ISO-8859-1 declared files', async () => {
  const gz = tempFile('small.xml.gz', gzipSync(Buffer.from(SMALL)));
  assert.equal((await readAll(gz, 'small.xml.gz', { records: ['item'] })).length, 2);
  const latin = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<list><item><name>Jos\xe9</name></item></list>`;
  const path = tempFile('latin.xml', Buffer.from(latin, 'latin1'));
  const [record] = await readAll(path, 'latin.xml', { records: ['item'] });
  assert.equal(textAt(record!.node, 'name'), 'José');
});

test('a malformed tag is rejected with the file name and its line', async () => {
  const bad = ['<list>', '  <item>', '    <name>A</name>', '  </item>', '  <item>', '    <name>B</nme>', '  </item>', '</list>'].join('\n');
  const path = tempFile('bad.xml', bad);
  const err = await rejection(() => readAll(path, 'feeds/bad.xml', { records: ['item'] }));
  assert.equal(err.file, 'feeds/bad.xml');
  assert.equal(err.line, 6);
  assert.match(err.message, /^feeds\/bad\.xml:6: /);
});

test('an empty file, a blank file and a root without records hold no records', async () => {
  for (const [name, content] of [
    ['empty.xml', ''],
    ['blank.xml', '  \n\n'],
    ['norecords.xml', '<?xml version="1.0"?>\n<list><head/></list>\n'],
  ] as const) {
    const err = await rejection(() => readAll(tempFile(name, content), name, { records: ['item'] }));
    assert.equal(err.file, name);
    assert.equal(err.reason, 'file holds no records');
    assert.equal(err.line, undefined);
  }
});

test('a cut-short UN list is rejected, naming the file and the last line, after the entities before the cut', async () => {
  const head = readFileSync(sharedData('un', 'UN_consolidated.xml')).subarray(0, 500 * 1024);
  const path = tempFile('UN_truncated.xml', head);
  const lines = head.toString('utf8').split('\n').length;
  let seen = 0;
  const err = await rejection(async () => {
    for await (const _ of unXmlParser.parse(singleFileInput(path, 'UN_truncated.xml'), recordingContext())) seen++;
  });
  assert.equal(err.file, 'UN_truncated.xml');
  assert.equal(err.line, lines);
  assert.match(err.reason, /cut short/);
  assert.match(err.message, new RegExp(`^UN_truncated\\.xml:${lines}: `));
  assert.ok(seen > 100 && seen < 1003, `entities before the cut: ${seen}`);
});

test('text after the root element is rejected with its line', async () => {
  const path = tempFile('trailing.xml', '<list><item/></list>\n<item/>\n');
  const err = await rejection(() => readAll(path, 'trailing.xml', { records: ['item'] }));
  assert.equal(err.line, 2);
});

test('xmlRoot finds the root element and its namespace past the prolog', () => {
  const head = '\uFEFF<?xml version="1.0"?>\n<!-- <fake> -->\n<!DOCTYPE x>\n<a:export xmlns:a="urn:eu" b="1"><child/>';
  assert.deepEqual(xmlRoot(head), { name: 'export', namespace: 'urn:eu' });
  assert.deepEqual(xmlRoot('<CONSOLIDATED_LIST dateGenerated="x">'), { name: 'CONSOLIDATED_LIST' });
  assert.deepEqual(xmlRoot('<sdnList xmlns="http://tempuri.org/sdnList.xsd">'), {
    name: 'sdnList',
    namespace: 'http://tempuri.org/sdnList.xsd',
  });
  assert.equal(xmlRoot('ent_num,name\n1,"X"'), undefined);
  assert.equal(xmlRoot(''), undefined);
});
