import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Entity } from '../../../domain/entities/entity.js';
import type { ListInput, ListParser, ParseContext } from '../list-parser.js';

/** A ParseContext that records what a parser reports, for tests. */
export interface RecordingContext extends ParseContext {
  readonly warnings: { file: string; line: number | undefined; message: string }[];
  publishedAt: string | undefined;
}

/** A fresh RecordingContext. */
export function recordingContext(): RecordingContext {
  const ctx: RecordingContext = {
    warnings: [],
    publishedAt: undefined,
    warn(file, line, message) {
      ctx.warnings.push({ file, line, message });
    },
    setPublishedAt(date) {
      ctx.publishedAt = date;
    },
  };
  return ctx;
}

/** A ListInput for one file without companions, named by its base name. */
export function listInput(path: string): ListInput {
  return { primary: { path, name: basename(path) }, companions: new Map() };
}

/** Every entity `parser` yields for the file at `path`, with the context it reported to. */
export async function parseAll(parser: ListParser, path: string): Promise<{ entities: Entity[]; ctx: RecordingContext }> {
  const ctx = recordingContext();
  const entities: Entity[] = [];
  for await (const entity of parser.parse(listInput(path), ctx)) entities.push(entity);
  return { entities, ctx };
}

/** Writes `content` to a new file `name` in a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'warden-lists-')), name);
  writeFileSync(path, content);
  return path;
}
