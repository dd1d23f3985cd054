import type { Entity } from '../../domain/entities/entity.js';

/** A file on disk that belongs to one list import. */
export interface ListFile {
  readonly path: string;
  /** How errors name the file: the path the user gave. */
  readonly name: string;
}

/**
 * What one parse reads: the primary file, and for formats published as several files (the
 * OFAC CSV set) the companion files by role (`add`, `alt`, `comments`).
 */
export interface ListInput {
  readonly primary: ListFile;
  readonly companions: ReadonlyMap<string, ListFile>;
}

/** What a parser reports besides entities. */
export interface ParseContext {
  /** A problem that does not make the feed unusable (an alias for an unknown ent_num). */
  warn(file: string, line: number | undefined, message: string): void;
  /** The publication date the file states, `YYYY-MM-DD`. */
  setPublishedAt(date: string): void;
}

/**
 * One list format. Parsers stream: `parse` reads its files as the caller pulls entities, so
 * memory stays flat in the file size. A feed that does not parse, is cut short or is empty
 * makes `parse` throw a `ListRejectedError` naming the file and (1-based) line.
 */
export interface ListParser {
  /** Stable format id: `ofac-csv`, `ofac-sdn-xml`, `ofac-enhanced-xml`, `un-xml`, ... */
  readonly format: string;
  /**
   * Whether a file is this format. `head` is the first 64 KiB of the decompressed content
   * (as latin1 text when not valid UTF-8); `fileName` is the base name.
   */
  sniff(head: string, fileName: string): boolean;
  /** The source (`ofac-sdn`, `ofac-cons`, `un`...) a file of this format belongs to. */
  sourceOf(head: string, fileName: string): string;
  /**
   * Companion files this format reads beside a primary file of this name, as role → file
   * base name (`{ add: 'add.csv', alt: 'alt.csv', comments: 'sdn_comments.csv' }`).
   */
  companionsOf?(primaryName: string): Readonly<Record<string, string>>;
  parse(input: ListInput, ctx: ParseContext): AsyncIterable<Entity>;
}
