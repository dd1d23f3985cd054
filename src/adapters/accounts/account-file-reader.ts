import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type { AccountProblem } from '../../domain/accounts/parse-account.js';
import { parseAccount } from '../../domain/accounts/parse-account.js';
import type { AccountRecord } from '../../domain/accounts/account.js';
import { InvalidInputError } from '../../domain/errors.js';

/** One record of an account file: an account to screen, or a line that was skipped and why. */
export type AccountLine =
  | { readonly kind: 'account'; readonly line: number; readonly account: AccountRecord }
  | { readonly kind: 'skipped'; readonly line: number; readonly problems: readonly AccountProblem[] };

/**
 * Streams the account records of a JSON-lines or CSV (with header) file, telling them apart
 * by the first non-blank character (`{` means JSON lines). Each record comes with its 1-based
 * line; a malformed record is yielded as `skipped` with its problems, never thrown, so the
 * rest of the file is still screened. A file that cannot be read throws InvalidInputError.
 */
export async function* readAccountFile(path: string): AsyncIterable<AccountLine> {
  const kind = await sniff(path);
  if (kind === 'jsonl') yield* readJsonLines(path);
  else yield* readCsv(path);
}

async function sniff(path: string): Promise<'jsonl' | 'csv'> {
  const stream = createReadStream(path, { start: 0, end: 4095 });
  let head = '';
  try {
    for await (const chunk of stream) head += (chunk as Buffer).toString('utf8');
  } catch (err) {
    throw new InvalidInputError(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file: path });
  }
  return head.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

async function* readJsonLines(path: string): AsyncIterable<AccountLine> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      yield { kind: 'skipped', line, problems: [{ field: '(record)', message: `invalid JSON: ${(err as Error).message}` }] };
      continue;
    }
    yield toLine(line, raw);
  }
}

async function* readCsv(path: string): AsyncIterable<AccountLine> {
  const parser = createReadStream(path).pipe(
    parseCsv({ bom: true, columns: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield toLine(rec.info.lines, rec.record);
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    yield { kind: 'skipped', line: e.lines ?? 0, problems: [{ field: '(record)', message: `unreadable CSV: ${e.message}` }] };
  }
}

function toLine(line: number, raw: unknown): AccountLine {
  const parsed = parseAccount(raw);
  return parsed.kind === 'account' ? { kind: 'account', line, account: parsed.account } : { kind: 'skipped', line, problems: parsed.problems };
}
