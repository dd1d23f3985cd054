import { Transform, type TransformCallback } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile } from '../list-parser.js';
import { openListFile } from '../open-list-file.js';

/** One record of an OFAC CSV file: its fields as written (OFAC's `-0-` read as ''), and its first line. */
export interface OfacCsvRow {
  readonly fields: string[];
  /** 1-based line the record starts on. */
  readonly line: number;
}

/** How to read one file of the set. */
export interface OfacCsvReadOptions {
  /** How many columns every record has. */
  readonly columns: number;
  /**
   * Whether a file without records is rejected (the primary file) or fine when it holds the
   * end marker (a companion with nothing to add). A file of no bytes is always rejected.
   */
  readonly requireRecords: boolean;
}

const END_OF_FILE = 0x1a;
const EMPTY_FIELD = '-0-';

/**
 * Streams the records of one file of the OFAC legacy CSV set: no header, Latin-1, CRLF or LF,
 * quoted fields that may hold commas and line breaks, `-0- ` for an empty field, and one 0x1A
 * byte closing the file. Throws a ListRejectedError naming the file when the file is empty
 * ('file holds no records'), is cut short (no 0x1A at the end, with its last line), has
 * broken quoting, or has a record with the wrong number of columns, a blank line included
 * (with the line the record starts on). Fields keep their spacing (a remarks continuation
 * may start with a space).
 */
export async function* readOfacCsv(file: ListFile, options: OfacCsvReadOptions): AsyncGenerator<OfacCsvRow> {
  for await (const rows of readOfacCsvBatches(file, options)) yield* rows;
}

/** `readOfacCsv` a chunk of records at a time (cheaper for a caller that takes them all). */
export function readOfacCsvBatches(file: ListFile, options: OfacCsvReadOptions): AsyncGenerator<readonly OfacCsvRow[]> {
  return readFast(file, options);
}

/**
 * The fast path: a small scanner for the plain CSV OFAC writes (fields unquoted, or quoted
 * with `""` inside; one kind of line end, CRLF or LF), several times quicker than csv-parse.
 * At anything else (a stray quote, a wrong column count, a mixed or lone CR line end, an
 * unclosed quote, a read error) it gives the file to `readRows`, the csv-parse reader, and
 * passes on its records after the ones already given: so every outcome, the rejections and
 * their lines included, is csv-parse's.
 */
async function* readFast(file: ListFile, options: OfacCsvReadOptions): AsyncGenerator<readonly OfacCsvRow[]> {
  const input = await openListFile(file);
  const marker = new EndMarker();
  input.on('error', (err: Error) => marker.destroy(err));
  input.pipe(marker);
  const scanner = new PlainCsvScanner(options.columns);
  const chunks = marker[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let given = 0;
  let plain = true;
  try {
    for (let done = false; !done; ) {
      let rows: OfacCsvRow[] | undefined;
      try {
        const next = await chunks.next();
        done = next.done === true;
        rows = done ? scanner.end() : scanner.push(next.value);
      } catch {
        rows = undefined;
      }
      if (!rows) {
        plain = false;
        break;
      }
      given += rows.length;
      if (rows.length > 0) yield rows;
    }
  } finally {
    input.unpipe(marker);
    input.destroy();
    marker.destroy();
  }
  if (!plain) {
    let skip = given;
    for await (const row of readRows(file, options, false)) {
      if (skip > 0) skip--;
      else yield [row];
    }
    return;
  }
  if (given === 0 && (options.requireRecords || !marker.sawMarker)) {
    throw new ListRejectedError(file.name, 'file holds no records', 1);
  }
  if (!marker.sawMarker) throw cutShort(file, marker);
}

/** Plain CSV records held back at most this long unfinished before csv-parse takes over. */
const MAX_PENDING = 1 << 20;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Scans plain CSV text (Latin-1) into records, as csv-parse reads it with this reader's
 * options: a field is unquoted (no quote, no line break) or quoted (`""` for a quote, line
 * breaks kept) and then followed by a comma, the line end or the end of the text; the line end
 * is the first line break outside quotes (CRLF or LF) and stays the same. Returns undefined
 * for anything else: the caller hands the file to csv-parse.
 */
class PlainCsvScanner {
  private pending = '';
  /** The line end: '' until the first record ends. */
  private eol = '';
  private nextLine = 1;

  constructor(private readonly columns: number) {}

  push(chunk: Buffer): OfacCsvRow[] | undefined {
    const text = this.pending === '' ? chunk.toString('latin1') : this.pending + chunk.toString('latin1');
    return this.scan(text, false);
  }

  end(): OfacCsvRow[] | undefined {
    return this.scan(this.pending, true);
  }

  private scan(text: string, final: boolean): OfacCsvRow[] | undefined {
    const rows: OfacCsvRow[] = [];
    const len = text.length;
    let pos = 0;
    while (pos < len) {
      const start = pos;
      const fields: string[] = [];
      let breaks = 0;
      let complete = false;
      for (;;) {
        let value: string;
        if (text.charCodeAt(pos) === QUOTE) {
          let from = pos + 1;
          value = '';
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1 || (q + 1 === len && !final)) return this.hold(text, start, rows, final);
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += text.slice(from, q);
            pos = q + 1;
            break;
          }
          for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) breaks++;
        } else {
          let end = pos;
          for (; end < len; end++) {
            const c = text.charCodeAt(end);
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE) return undefined;
          }
          if (end === len && !final) return this.hold(text, start, rows, final);
          value = text.slice(pos, end);
          pos = end;
        }
        fields.push(value.length <= 5 && value.trim() === EMPTY_FIELD ? '' : value);
        if (pos >= len) {
          complete = final;
          break;
        }
        const c = text.charCodeAt(pos);
        if (c === COMMA) {
          pos++;
          if (pos === len && !final) return this.hold(text, start, rows, final);
          continue;
        }
        if (c === CR || c === LF) {
          if (c === CR && pos + 1 >= len && !final) return this.hold(text, start, rows, final);
          const eol = c === CR && text.charCodeAt(pos + 1) === LF ? '\r\n' : c === LF ? '\n' : '';
          if (eol === '' || (this.eol !== '' && eol !== this.eol)) return undefined;
          this.eol = eol;
          pos += eol.length;
          complete = true;
          break;
        }
        return undefined;
      }
      if (!complete) return this.hold(text, start, rows, final);
      if (fields.length !== this.columns) return undefined;
      rows.push({ fields, line: this.nextLine });
      this.nextLine += 1 + breaks;
    }
    this.pending = '';
    return rows;
  }

  /** Keeps an unfinished record for the next chunk (none follows at the end: csv-parse decides). */
  private hold(text: string, start: number, rows: OfacCsvRow[], final: boolean): OfacCsvRow[] | undefined {
    if (final || text.length - start > MAX_PENDING) return undefined;
    this.pending = text.slice(start);
    return rows;
  }
}

/**
 * The reader. Lines are counted from the records (one plus the line breaks inside their
 * fields). csv-parse runs ahead of the records taken, so when it fails the failure is found
 * again by a second, `exact` pass that counts in its `on_record` hook, which csv-parse calls
 * in step with parsing but which costs a third of its speed: only a failing file pays it.
 */
async function* readRows(file: ListFile, options: OfacCsvReadOptions, exact: boolean): AsyncGenerator<OfacCsvRow> {
  const input = await openListFile(file);
  const marker = new EndMarker();
  let next = 1;
  const take = (record: string[]): OfacCsvRow => {
    const line = next;
    next += 1 + lineBreaks(record);
    if (record.length !== options.columns) throw new ListRejectedError(file.name, columnsReason(options.columns, record.length), line);
    return { fields: record, line };
  };
  // csv-parse types on_record as returning a record; it may return any value.
  const hook = exact ? { on_record: take } : {};
  const parser = parse({ encoding: 'latin1', relax_column_count: false, skip_empty_lines: false, ...hook } as Options);
  input.on('error', (err: Error) => parser.destroy(err));
  input.pipe(marker).pipe(parser);
  let records = 0;
  try {
    for await (const item of parser as AsyncIterable<string[] | OfacCsvRow>) {
      const row = Array.isArray(item) ? take(item) : item;
      records++;
      for (let i = 0; i < row.fields.length; i++) row.fields[i] = cleanField(row.fields[i] ?? '');
      yield row;
    }
  } catch (err) {
    // A file without its end marker that fails at its end fails because it is cut short.
    if (marker.ended && !marker.sawMarker && !marker.blank) throw cutShort(file, marker);
    if (err instanceof ListRejectedError) throw err;
    if (!exact) throw await locateFailure(file, options, err);
    throw new ListRejectedError(file.name, describe(err, options.columns), next, err);
  } finally {
    input.unpipe(marker);
    input.destroy();
    parser.destroy();
  }
  if (records === 0 && (options.requireRecords || !marker.sawMarker)) {
    throw new ListRejectedError(file.name, 'file holds no records', 1);
  }
  if (!marker.sawMarker) throw cutShort(file, marker);
}

/** The failure of a file the fast pass could not read, with its line, from an exact pass. */
async function locateFailure(file: ListFile, options: OfacCsvReadOptions, original: unknown): Promise<unknown> {
  try {
    for await (const row of readRows(file, options, true)) void row;
  } catch (located) {
    return located;
  }
  return new ListRejectedError(file.name, describe(original, options.columns), undefined, original);
}

function lineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (!field.includes('\n')) continue;
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

function cleanField(value: string): string {
  return value.length <= 5 && value.trim() === EMPTY_FIELD ? '' : value;
}

function cutShort(file: ListFile, marker: EndMarker): ListRejectedError {
  return new ListRejectedError(file.name, 'file is cut short: no end-of-file marker (0x1A)', marker.lastLine());
}

function columnsReason(expected: number, found: number | undefined): string {
  if (found === 1) return `expected ${expected} columns, found 1 (a blank or broken line)`;
  return `expected ${expected} columns, found ${found ?? 'another number'}`;
}

function describe(err: unknown, columns: number): string {
  const e = err as { code?: string; message?: string; record?: unknown[] };
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return columnsReason(columns, e.record?.length);
  if (typeof e.code === 'string' && /QUOTE/.test(e.code)) return `broken quoting in this record (${e.message ?? e.code})`;
  return `not valid OFAC CSV: ${e.message ?? String(err)}`;
}

/**
 * Passes the bytes on without 0x1A and without the whitespace that ends the file (so a
 * trailing blank line is no record), noting whether the last byte that is not whitespace was
 * 0x1A (the end-of-file marker), whether the file held anything else, and its line count.
 */
class EndMarker extends Transform {
  sawMarker = false;
  ended = false;
  blank = true;
  private newlines = 0;
  private lastByte = -1;
  /** Whitespace at the end of what came so far: passed on once more content follows. */
  private held: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.newlines++;
    let end = chunk.length - 1;
    while (end >= 0 && isSpace(chunk[end] ?? 0)) end--;
    if (end >= 0) this.sawMarker = chunk[end] === END_OF_FILE;
    if (this.blank) this.blank = chunk.every((b) => b === END_OF_FILE || isSpace(b));
    const kept = chunk.indexOf(END_OF_FILE) === -1 ? chunk : Buffer.from(chunk.filter((b) => b !== END_OF_FILE));
    if (kept.length > 0) this.lastByte = kept[kept.length - 1] ?? -1;
    let content = kept.length;
    while (content > 0 && isSpace(kept[content - 1] ?? 0)) content--;
    if (content === 0) {
      this.held = Buffer.concat([this.held, kept]);
      callback();
      return;
    }
    const out = this.held.length > 0 ? Buffer.concat([this.held, kept.subarray(0, content)]) : kept.subarray(0, content);
    this.held = kept.subarray(content);
    callback(null, out);
  }

  override _flush(callback: TransformCallback): void {
    this.ended = true;
    callback();
  }

  /** The number of the file's last line (a last line without a line break counts). */
  lastLine(): number {
    return this.newlines + (this.lastByte !== -1 && this.lastByte !== 10 ? 1 : 0);
  }
}

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}
