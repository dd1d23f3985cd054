import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse';
import { SCHEMAS, type Schema } from '../../domain/entities/entity.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Comparison, Party } from '../../domain/matching/match-types.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line } from './format.js';
import { withServices } from './with-services.js';

/** Reads a `compare` argument: a plain name, or a JSON object `{"name"|"names","schema","birthDate(s)","country|countries"}`. */
export function parseParty(arg: string, schema: Schema | undefined): Party {
  const text = arg.trim();
  if (!text.startsWith('{')) return { names: [text], ...(schema ? { schema } : {}) };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InvalidInputError(`not valid JSON: ${(err as Error).message}`, { field: 'record' });
  }
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const names = [...list(raw['names']), ...list(raw['name'])];
  if (names.length === 0) throw new InvalidInputError('a JSON record needs "name" or "names"', { field: 'name' });
  const s = (raw['schema'] as string | undefined) ?? schema;
  if (s !== undefined && !SCHEMAS.includes(s as Schema)) throw new InvalidInputError(`unknown schema "${s}"`, { field: 'schema' });
  const birthDates = [...list(raw['birthDates']), ...list(raw['birthDate'])];
  const countries = [...list(raw['countries']), ...list(raw['country'])];
  return { names, ...(s ? { schema: s as Schema } : {}), ...(birthDates.length ? { birthDates } : {}), ...(countries.length ? { countries } : {}) };
}

function parseSchema(value: string | undefined): Schema | undefined {
  if (value === undefined) return undefined;
  if (!SCHEMAS.includes(value as Schema)) throw new InvalidInputError(`--schema must be one of ${SCHEMAS.join(', ')}`, { field: 'schema' });
  return value as Schema;
}

function comparisonJson(c: Comparison): Record<string, unknown> {
  return { score: c.score, match: c.match, threshold: c.threshold, explanation: c.explanation };
}

/**
 * `warden compare a b` and `warden compare --pairs file.csv`: scores records pairwise with the
 * screening algorithm (name-part rarity from the active lists, uniform when none is imported).
 */
export function registerCompareCommand(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('score two names or records with the screening algorithm')
    .argument('[a]', 'a name, or a JSON record {"name","schema","birthDate","country"}')
    .argument('[b]', 'the other name or record')
    .option('--schema <schema>', `the schema of plain names (${SCHEMAS.join(', ')})`)
    .option('--pairs <file>', 'a CSV with header name1,name2 (optional schema column): one JSON line per row')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, a: string | undefined, b: string | undefined, opts: { schema?: string; pairs?: string; json?: boolean }) => {
        const schema = parseSchema(opts.schema);
        if (!opts.pairs && (a === undefined || b === undefined)) throw new InvalidInputError('give two names, or --pairs <file>', { field: 'a' });
        const { index } = await (await import('../../app/load-match-index.js')).loadMatchIndex(services);
        if (!opts.pairs) {
          const c = index.compare(parseParty(a!, schema), parseParty(b!, schema));
          if (opts.json) jsonLine(ctx.stdout, comparisonJson(c));
          else {
            line(ctx.stdout, `${c.score.toFixed(3)}  ${c.match ? 'match' : 'no match'} (threshold ${c.threshold})`);
            line(ctx.stdout, c.explanation.summary);
          }
          return EXIT.ok;
        }
        const parser = createReadStream(opts.pairs).pipe(parseCsv({ bom: true, columns: true, skip_empty_lines: true, relax_column_count: true, info: true }));
        let code: number = EXIT.ok;
        try {
          for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
            const n1 = record['name1'];
            const n2 = record['name2'];
            if (n1 === undefined || n2 === undefined) {
              line(ctx.stderr, `${opts.pairs}:1: the header needs name1 and name2 columns`);
              return EXIT.rejected;
            }
            let rowSchema = schema;
            try {
              rowSchema = parseSchema(record['schema'] || undefined) ?? schema;
            } catch (err) {
              line(ctx.stderr, `${opts.pairs}:${info.lines}: ${(err as Error).message}`);
              code = EXIT.rejected;
            }
            const party = (name: string): Party => ({ names: [name], ...(rowSchema ? { schema: rowSchema } : {}) });
            jsonLine(ctx.stdout, comparisonJson(index.compare(party(n1), party(n2))));
          }
        } catch (err) {
          const e = err as Error & { lines?: number; code?: string };
          if (e.code === 'ENOENT') throw new InvalidInputError(`${opts.pairs}: no such file`, { field: 'pairs' });
          line(ctx.stderr, `${opts.pairs}:${e.lines ?? '?'}: ${e.message}`);
          return EXIT.rejected;
        }
        return code;
      }),
    );
}
