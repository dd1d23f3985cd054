import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type yauzl from 'yauzl';
import { ListRejectedError } from '../../domain/errors.js';
import type { ListFile } from './list-parser.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Opens a list file as a stream of its decompressed bytes: gzip and zip (the first `.xml`,
 * `.csv` or `.json` entry) are unpacked on the fly. Read and decompression errors surface as
 * a `ListRejectedError` naming the file, so a cut-short archive is a rejected feed.
 */
export async function openListFile(file: ListFile): Promise<Readable> {
  const magic = await readBytes(file, 4);
  if (startsWith(magic, GZIP_MAGIC)) {
    return relayErrors(file, createReadStream(file.path).pipe(createGunzip()), createReadStream(file.path));
  }
  if (startsWith(magic, ZIP_MAGIC)) return openZipEntry(file);
  const raw = createReadStream(file.path);
  return relayErrors(file, raw, raw);
}

/** The first `bytes` of a list file's decompressed content (fewer if it is shorter). */
export async function readListHead(file: ListFile, bytes = 65536): Promise<Buffer> {
  const stream = await openListFile(file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } catch (err) {
    if (size === 0) throw err;
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

async function readBytes(file: ListFile, n: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file.path, 'r');
  } catch (err) {
    throw new ListRejectedError(file.name, `cannot open: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, undefined, err);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Pipes `out` through a PassThrough that fails with a ListRejectedError if `src` or `out` fails. */
function relayErrors(file: ListFile, out: Readable, src: Readable): Readable {
  const pass = new PassThrough({ highWaterMark: 1 << 16 });
  const fail = (err: Error): void => {
    pass.destroy(new ListRejectedError(file.name, `cannot read: ${err.message}`, undefined, err));
  };
  src.on('error', fail);
  if (out !== src) out.on('error', fail);
  out.pipe(pass);
  return pass;
}

/** yauzl is loaded for the first zip file only: most imports have none. */
async function openZipEntry(file: ListFile): Promise<Readable> {
  const reject = (reason: string, cause?: unknown): ListRejectedError => new ListRejectedError(file.name, reason, undefined, cause);
  const { default: zipReader } = await import('yauzl');
  return new Promise((resolve, fail) => {
    zipReader.open(file.path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return fail(reject(`not a readable zip archive: ${err?.message ?? 'unknown error'}`, err));
      zip.on('error', (e: Error) => fail(reject(`zip archive is damaged: ${e.message}`, e)));
      zip.on('end', () => fail(reject('zip archive holds no .xml, .csv or .json file')));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.(xml|csv|json|jsonl)$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(reject(`cannot read ${entry.fileName} in the archive: ${e?.message ?? ''}`, e));
          const pass = new PassThrough({ highWaterMark: 1 << 16 });
          stream.on('error', (se: Error) => pass.destroy(reject(`${entry.fileName} in the archive is damaged: ${se.message}`, se)));
          stream.pipe(pass);
          resolve(pass);
        });
      });
      zip.readEntry();
    });
  });
}
