import { createInterface } from 'node:readline';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile } from '../list-parser.js';
import { openListFile } from '../open-list-file.js';

/** One JSON object of a JSON-lines file and its 1-based line. */
export interface JsonLine {
  readonly value: Record<string, unknown>;
  readonly line: number;
}

/**
 * Streams the objects of a JSON-lines file (gzip and zip unpacked by `openListFile`) line by
 * line; blank lines are skipped but counted. A line that is not a JSON object throws a
 * `ListRejectedError` naming the file and line; a read failure one naming the file.
 */
export async function* readJsonLines(file: ListFile): AsyncGenerator<JsonLine> {
  const input = await openListFile(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (trimmed === '') continue;
      yield { value: parseObject(file, trimmed, line), line };
    }
  } catch (err) {
    if (err instanceof ListRejectedError) throw err;
    throw new ListRejectedError(file.name, `cannot read: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseObject(file: ListFile, text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ListRejectedError(file.name, `invalid JSON: ${err instanceof Error ? err.message : String(err)}`, line, err);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ListRejectedError(file.name, 'line is not a JSON object', line);
  }
  return value as Record<string, unknown>;
}
