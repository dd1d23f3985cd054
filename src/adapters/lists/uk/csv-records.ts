import { pipeline } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile } from '../list-parser.js';
import { openListFile } from '../open-list-file.js';

/** One CSV record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Streams the records of a CSV list file as it is read (gzip and zip are unpacked by
 * `openListFile`); blank lines are skipped but still counted, a UTF-8 BOM is dropped.
 * A malformed record (a broken quote) throws a `ListRejectedError` naming the file and the
 * line the record starts on; a read or decompression failure throws one naming the file.
 */
export async function* readCsvRecords(file: ListFile): AsyncGenerator<CsvRecord> {
  const input = await openListFile(file);
  let nextLine = 1;
  const options: Options<CsvRecord, { record: string[]; raw: string }> = {
    bom: true,
    raw: true,
    relax_column_count: true,
    on_record: ({ record, raw }) => {
      const line = nextLine;
      nextLine += lineBreaks(raw);
      return { fields: record, line };
    },
  };
  // csv-parse's typings tie on_record's output to the default string[] records.
  const parser = parse(options as unknown as Options);
  pipeline(input, parser, () => undefined);
  try {
    for await (const rec of parser as AsyncIterable<CsvRecord>) {
      if (rec.fields.length === 1 && rec.fields[0]?.trim() === '') continue;
      yield rec;
    }
  } catch (err) {
    if (err instanceof ListRejectedError) throw err;
    if (err instanceof CsvError) {
      throw new ListRejectedError(file.name, `malformed CSV: ${err.message.replace(/\s+at line \d+/, '')}`, nextLine, err);
    }
    throw new ListRejectedError(file.name, `cannot read: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/**
 * A CSV header row: finds columns by name (case and surrounding spaces ignored), so parsers
 * never depend on column positions.
 */
export class CsvHeader {
  private readonly index = new Map<string, number>();

  private constructor(
    private readonly file: ListFile,
    readonly record: CsvRecord,
  ) {
    record.fields.forEach((name, i) => {
      const key = normalise(name);
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /**
   * Reads `record` as the header of `file`. Throws a `ListRejectedError` naming the first
   * `required` column that is missing and the header's line.
   */
  static read(file: ListFile, record: CsvRecord, required: readonly string[]): CsvHeader {
    const header = new CsvHeader(file, record);
    const missing = required.find((name) => !header.has(name));
    if (missing !== undefined) throw new ListRejectedError(file.name, `missing column "${missing}" in the header`, record.line);
    return header;
  }

  /** Whether the header has any of these columns. */
  has(...names: string[]): boolean {
    return names.some((n) => this.index.has(normalise(n)));
  }

  /** The trimmed value of the first of `names` the header has, or '' when it has none. */
  value(record: CsvRecord, ...names: string[]): string {
    for (const name of names) {
      const i = this.index.get(normalise(name));
      if (i !== undefined) return (record.fields[i] ?? '').trim();
    }
    return '';
  }

  /**
   * Throws a `ListRejectedError` when a data record's field count differs from the header's
   * (a cut-short or mis-quoted row); extra fields that are all empty are tolerated.
   */
  checkWidth(record: CsvRecord): void {
    const width = this.record.fields.length;
    const n = record.fields.length;
    if (n === width || (n > width && record.fields.slice(width).every((f) => f.trim() === ''))) return;
    throw new ListRejectedError(this.file.name, `row has ${n} fields, the header has ${width}`, record.line);
  }
}

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

/** Line breaks in a raw record (csv-parse may leave out the `\n` of a closing CRLF). */
function lineBreaks(raw: string): number {
  return raw.match(/\r\n|\r|\n/g)?.length ?? 0;
}
