import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ListRejectedError } from '../../../domain/errors.js';
import { CsvHeader, readCsvRecords, type CsvRecord } from './csv-records.js';
import { tempFile } from './list-test-support.js';

async function records(content: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords({ path: tempFile('x.csv', content), name: 'x.csv' })) out.push(r);
  return out;
}

test('records carry the line they start on, across CRLF, quoted line breaks and blank lines', async () => {
  for (const eol of ['\n', '\r\n']) {
    const got = await records(['\uFEFFa,b', '1,"two', 'lines"', '', '3,x', '4,"y ""z"""'].join(eol) + eol);
    assert.deepEqual(
      got.map((r) => [r.line, r.fields]),
      [
        [1, ['a', 'b']],
        [2, ['1', `two${eol}lines`]],
        [5, ['3', 'x']],
        [6, ['4', 'y "z"']],
      ],
      JSON.stringify(eol),
    );
  }
});

test('a malformed quote after a multi-line record is reported at its own line', async () => {
  await assert.rejects(records('a,b\r\n1,"x\r\ny"\r\n2,"bad"quote\r\n3,z\r\n'), (err: unknown) => {
    assert.ok(err instanceof ListRejectedError);
    assert.equal(err.line, 4);
    assert.doesNotMatch(err.reason, /at line/);
    return true;
  });
});

test('the header finds columns by name and checks row widths', async () => {
  const [head, row, short] = await records('Name , Group ID\nALPHA,7\nBETA\n');
  const file = { path: 'x.csv', name: 'x.csv' };
  assert.ok(head && row && short);
  const header = CsvHeader.read(file, head, ['name', 'GROUP ID']);
  assert.equal(header.value(row, 'Group ID'), '7');
  assert.equal(header.value(row, 'missing', 'name'), 'ALPHA');
  assert.equal(header.value(row, 'missing'), '');
  assert.throws(() => header.checkWidth(short), /row has 1 fields, the header has 2/);
  assert.doesNotThrow(() => header.checkWidth({ fields: ['A', '1', '', ' '], line: 9 }));
  assert.throws(() => CsvHeader.read(file, head, ['Regime']), (err: unknown) => err instanceof ListRejectedError && err.line === 1);
});
