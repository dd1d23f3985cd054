import { basename } from 'node:path';
import type { Entity } from '../../../domain/entities/entity.js';
import type { ListInput, ListParser, ParseContext } from '../list-parser.js';

/** A warning a parser reported. */
export interface RecordedWarning {
  readonly file: string;
  readonly line: number | undefined;
  readonly message: string;
}

/** A ParseContext that keeps what the parser reported, for tests and tools. */
export interface RecordingContext extends ParseContext {
  readonly warnings: RecordedWarning[];
  publishedAt?: string;
}

/** A fresh RecordingContext (no warnings, no publication date). */
export function recordingContext(): RecordingContext {
  const ctx: RecordingContext = {
    warnings: [],
    warn(file, line, message) {
      ctx.warnings.push({ file, line, message });
    },
    setPublishedAt(date) {
      ctx.publishedAt = date;
    },
  };
  return ctx;
}

/** The ListInput for one file with no companions; `name` defaults to the base name. */
export function singleFileInput(path: string, name: string = basename(path)): ListInput {
  return { primary: { path, name }, companions: new Map() };
}

/** Parses one file to the end and returns every entity with the recording context. */
export async function parseFile(
  parser: ListParser,
  path: string,
  name?: string,
): Promise<{ entities: Entity[]; ctx: RecordingContext }> {
  const ctx = recordingContext();
  const entities: Entity[] = [];
  for await (const e of parser.parse(singleFileInput(path, name), ctx)) entities.push(e);
  return { entities, ctx };
}
