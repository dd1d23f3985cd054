import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { buildEntity } from '../../../domain/entities/build-entity.js';
import type { Entity } from '../../../domain/entities/entity.js';
import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile, ListInput, ParseContext } from '../list-parser.js';
import { openListFile } from '../open-list-file.js';
import { type DraftBag, toEntityDraft } from './entity-draft.js';
import type { XmlNode } from './xml-node.js';

/** A record element, complete with its subtree, and the 1-based line its start tag ends on. */
export interface XmlRecord {
  readonly node: XmlNode;
  readonly line: number;
}

/** What `xmlRecords` streams out of a file. */
export interface XmlRecordsOptions {
  /** Local names of the record elements (`sdnEntry`; `INDIVIDUAL` and `ENTITY`). */
  readonly records: readonly string[];
  /**
   * Receives the header values: every attribute of an element outside the records, as
   * `root/child/@attr`, when its start tag is read, and the text of every element outside
   * the records, as `root/child/leaf`, when it closes. Paths use local names.
   */
  readonly onHeader?: (path: string, value: string) => void;
}

const NO_RECORDS = 'file holds no records';
const LATIN1_NAMES = /^(?:iso-8859-1|latin-?1|us-ascii|windows-1252|cp1252)$/i;

/**
 * Streams the record elements of an XML list file (plain, gzip or zip, via `openListFile`).
 * The file is read chunk by chunk and written to a saxes parser; the records a chunk
 * completes are yielded before the next chunk is read, so the consumer's pace drives
 * reading and memory holds one chunk plus the record being read, whatever the file size.
 * Only record subtrees are collected; elsewhere only the element path is kept.
 *
 * Throws `ListRejectedError(file.name, reason, line)` when the XML is not well-formed (the
 * line saxes reports) or the file ends before its root element closes (a cut-short file:
 * the last line read), and `ListRejectedError(file.name, 'file holds no records')` when the
 * file is empty or holds no record element. Records yielded before a rejection belong to a
 * rejected feed: the caller must drop them.
 */
export async function* xmlRecords(file: ListFile, options: XmlRecordsOptions): AsyncGenerator<XmlRecord> {
  const recordNames = new Set(options.records);
  // saxes is loaded for the first XML file only (a CSV import does without it).
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ position: true });
  const outerPath: string[] = [];
  const open: XmlNode[] = [];
  const completed: XmlRecord[] = [];
  let outerText = '';
  let recordLine = 0;
  let recordCount = 0;
  let sawRoot = false;
  let failure: ListRejectedError | undefined;

  parser.on('error', (err) => {
    failure ??= new ListRejectedError(file.name, err.message.replace(/^\d+:\d+: /, ''), parser.line, err);
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attrs = localAttributes(tag.attributes as Record<string, string>);
    sawRoot = true;
    if (open.length > 0 || recordNames.has(name)) {
      const node: XmlNode = { name, attrs, text: '', children: [] };
      if (open.length === 0) recordLine = parser.line;
      else open[open.length - 1]?.children.push(node);
      open.push(node);
      return;
    }
    outerPath.push(name);
    outerText = '';
    if (options.onHeader) {
      const at = outerPath.join('/');
      for (const [key, value] of Object.entries(attrs)) if (value.trim() !== '') options.onHeader(`${at}/@${key}`, value.trim());
    }
  });
  const onText = (text: string): void => {
    const node = open[open.length - 1];
    if (node) node.text += text;
    else if (outerPath.length > 0) outerText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = open.pop();
    if (node) {
      if (open.length === 0) {
        completed.push({ node, line: recordLine });
        recordCount++;
      }
      return;
    }
    const text = outerText.trim();
    if (text !== '' && options.onHeader) options.onHeader(outerPath.join('/'), text);
    outerPath.pop();
    outerText = '';
  });

  const stream = await openListFile(file);
  let decoder: TextDecoder | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= decoderFor(chunk);
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) throw failure;
      for (const record of completed.splice(0)) yield record;
    }
    if (decoder) parser.write(decoder.decode());
    if (failure) throw failure;
    if (!sawRoot) throw new ListRejectedError(file.name, NO_RECORDS);
    const unclosed = open.length > 0 ? open[open.length - 1]?.name : outerPath[outerPath.length - 1];
    if (unclosed !== undefined) {
      throw new ListRejectedError(
        file.name,
        `file ends inside <${unclosed}> before </${outerPath[0] ?? unclosed}> closes: it is cut short`,
        parser.line,
      );
    }
    parser.close();
    if (failure) throw failure;
    for (const record of completed.splice(0)) yield record;
    if (recordCount === 0) throw new ListRejectedError(file.name, NO_RECORDS);
  } finally {
    stream.destroy();
  }
}

/** How one XML list format turns its records into entities. */
export interface XmlListSpec {
  /** Local names of the record elements. */
  readonly records: readonly string[];
  /** Header values, as `XmlRecordsOptions.onHeader` gives them, with the parse context. */
  readonly onHeader?: (path: string, value: string, ctx: ParseContext) => void;
  /**
   * The entity a record describes, or undefined (after calling `warn`) when the record
   * cannot become one.
   */
  readonly toDraft: (node: XmlNode, warn: (message: string) => void) => DraftBag | undefined;
}

/**
 * Streams the entities of an XML list: each record of `input.primary` becomes one
 * canonical entity (via `buildEntity`) as soon as its end tag is read. Header values go
 * to `spec.onHeader`; a record that cannot become an entity is reported with `ctx.warn`
 * (file and record line) and skipped. Rejections as `xmlRecords`.
 */
export async function* xmlEntities(input: ListInput, ctx: ParseContext, spec: XmlListSpec): AsyncGenerator<Entity> {
  const file = input.primary;
  const onHeader = spec.onHeader;
  const records = xmlRecords(file, {
    records: spec.records,
    ...(onHeader ? { onHeader: (path: string, value: string) => onHeader(path, value, ctx) } : {}),
  });
  for await (const { node, line } of records) {
    const bag = spec.toDraft(node, (message) => ctx.warn(file.name, line, message));
    if (!bag) continue;
    if (bag.names.length === 0) ctx.warn(file.name, line, `${bag.id} has no name`);
    yield buildEntity(toEntityDraft(bag));
  }
}

/** The root element of an XML document's head: local name and namespace URI (if any). */
export interface XmlRoot {
  readonly name: string;
  readonly namespace?: string;
}

/**
 * The root element of the XML whose first bytes are `head` (the prolog, comments and
 * doctype skipped), or undefined when `head` does not start like an XML document.
 */
export function xmlRoot(head: string): XmlRoot | undefined {
  const rest = head
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/i, '');
  const m = /^\s*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(rest);
  if (!m || !m[1]) return undefined;
  const qname = m[1];
  const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '';
  const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  const ns = new RegExp(`\\s${attr.replace('.', '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(m[2] ?? '');
  return { name: localName(qname), ...(ns?.[1] ? { namespace: ns[1] } : {}) };
}

/**
 * Whether a file's base name contains `marker` (case-insensitive), e.g. `cons` for OFAC's
 * consolidated files. Folder names do not count.
 */
export function baseNameHas(fileName: string, marker: string): boolean {
  return basename(fileName).toLowerCase().includes(marker.toLowerCase());
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in attributes) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out[localName(key)] = attributes[key] ?? '';
  }
  return out;
}

/** UTF-8 unless the XML declaration in the first chunk names a single-byte Latin encoding. */
function decoderFor(first: Buffer): TextDecoder {
  const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(first.subarray(0, 200).toString('latin1'));
  return new TextDecoder(declared?.[1] && LATIN1_NAMES.test(declared[1]) ? 'latin1' : 'utf-8');
}
