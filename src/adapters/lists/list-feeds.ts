import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FeedContext, ListFeed, VersionFile } from '../../app/ports.js';
import { InvalidInputError, ListRejectedError } from '../../domain/errors.js';
import { isSourceId } from '../../domain/lists/source-id.js';
import { LIST_PARSERS } from './list-formats.js';
import type { ListFile, ListParser } from './list-parser.js';
import { readListHead } from './open-list-file.js';

/** Options for opening feeds. */
export interface OpenFeedsOptions {
  /** Put every feed into this source instead of the one its content names. */
  readonly source?: string;
  /** The parsers to try; all known formats by default. */
  readonly parsers?: readonly ListParser[];
}

/**
 * Groups list files into feeds: each primary file is recognised by its content, and the
 * companion files its format reads (the OFAC CSV set's `add.csv`, `alt.csv`,
 * `sdn_comments.csv`) are found beside it, whether or not they were named too. A companion
 * named without its primary, an unreadable file or an unknown format is a ListRejectedError.
 */
export async function openListFeeds(paths: readonly string[], options: OpenFeedsOptions = {}): Promise<ListFeed[]> {
  const parsers = options.parsers ?? LIST_PARSERS;
  if (options.source !== undefined && !isSourceId(options.source)) {
    throw new InvalidInputError(`--source must be lower-case letters, digits and dashes, got "${options.source}"`, { field: 'source' });
  }
  const companionNames = new Map<string, string>();
  for (const parser of parsers) {
    for (const primary of knownPrimaries(parser)) {
      for (const name of Object.values(parser.companionsOf?.(primary) ?? {})) companionNames.set(name.toLowerCase(), primary);
    }
  }
  const named = new Set(paths.map((p) => join(dirname(p), basename(p).toLowerCase())));
  const feeds: ListFeed[] = [];
  for (const path of paths) {
    const file: ListFile = { path, name: path };
    const primaryName = companionNames.get(basename(path).toLowerCase());
    if (primaryName !== undefined) {
      if (!named.has(join(dirname(path), primaryName))) {
        throw new ListRejectedError(path, `is a companion file; import ${join(dirname(path), primaryName)} (the files beside it are read with it)`);
      }
      continue;
    }
    feeds.push(await openFeed(file, parsers, options.source));
  }
  return feeds;
}

/** The base names a format's primary file usually has, so its companions can be recognised. */
function knownPrimaries(parser: ListParser): string[] {
  return parser.format === 'ofac-csv' ? ['sdn.csv', 'cons_prim.csv'] : [];
}

async function openFeed(file: ListFile, parsers: readonly ListParser[], source: string | undefined): Promise<ListFeed> {
  const info = await stat(file.path).catch((err: NodeJS.ErrnoException) => {
    throw new ListRejectedError(file.name, `cannot open: ${err.code ?? err.message}`, undefined, err);
  });
  if (info.isDirectory()) throw new ListRejectedError(file.name, 'is a folder; name the list files in it');
  if (info.size === 0) throw new ListRejectedError(file.name, 'file is empty', 1);
  const headBytes = await readListHead(file);
  const head = decodeHead(headBytes);
  if (head.replaceAll('\x1a', '').trim() === '') throw new ListRejectedError(file.name, 'file holds no records', 1);
  const name = basename(file.path);
  const parser = parsers.find((p) => p.sniff(head, name));
  if (!parser) {
    throw new ListRejectedError(file.name, `not a list format Warden reads (${parsers.map((p) => p.format).join(', ')})`, 1);
  }
  const companions = new Map<string, ListFile>();
  for (const [role, companionName] of Object.entries(parser.companionsOf?.(name) ?? {})) {
    const path = join(dirname(file.path), companionName);
    if (await exists(path)) companions.set(role, { path, name: path });
  }
  const files = [await fingerprint(file), ...(await Promise.all([...companions.values()].map(fingerprint)))];
  const input = { primary: file, companions };
  return {
    source: source ?? parser.sourceOf(head, name),
    format: parser.format,
    name: file.name,
    files,
    entities: (ctx: FeedContext) =>
      parser.parse(input, {
        warn: (warnFile, line, message) => ctx.warn(`${warnFile}${line === undefined ? '' : `:${line}`}: ${message}`),
        setPublishedAt: (date) => ctx.setPublishedAt(date),
      }),
  };
}

function decodeHead(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lastCompleteChar(bytes)));
  } catch {
    return bytes.toString('latin1');
  }
}

/** The length of `bytes` without a UTF-8 sequence cut at its end. */
function lastCompleteChar(bytes: Buffer): number {
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  return end;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function fingerprint(file: ListFile): Promise<VersionFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file.path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { name: basename(file.path), sha256: hash.digest('hex'), bytes };
}
