import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { screenAccount, type ScreenOptions, type ScreeningResult } from '../../app/screen-account.js';
// The match index (and the romanisation tables it pulls in) is loaded only by the commands that screen.
import type { AccountRecord } from '../../domain/accounts/account.js';
import { InvalidInputError } from '../../domain/errors.js';
import { readAccountFile } from '../accounts/account-file-reader.js';
import { EXIT, type BatchScreener, type CliContext } from './cli-context.js';
import { line } from './format.js';
import { withServices } from './with-services.js';

const BATCH = 256;
/** Files above this size are screened on worker threads (one per core). */
const PARALLEL_FROM_BYTES = 512 * 1024;

/** Parses a `--threshold` value: a number from 0 to 1. */
export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidInputError(`--threshold must be a number from 0 to 1, got "${value}"`, { field: 'threshold' });
  return n;
}

/**
 * `warden screen <file>`: screens every account of a JSON-lines or CSV file against the active
 * list versions; JSON lines out (one per account, matches best first); a progress line on a
 * terminal and a summary on stderr. Malformed records are reported with their line and skipped
 * (exit 1); the rest is screened. Large files are spread over worker threads.
 */
export function registerScreenCommand(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description('screen accounts (JSON lines or CSV with a header) against every active list version')
    .argument('<file>', 'accounts: id, displayName, handle, bio, birthDate, country, language')
    .option('--threshold <score>', 'report matches at or above this score (default: the calibrated threshold)')
    .option('--out <file>', 'write the JSON lines here instead of stdout')
    .option('--workers <n>', 'screening threads (default: one per core for large files)')
    .action(
      withServices(ctx, async (services, file: string, opts: { threshold?: string; out?: string; workers?: string }) => {
        const threshold = parseThreshold(opts.threshold);
        const size = (await stat(file).catch(() => undefined))?.size;
        if (size === undefined) throw new InvalidInputError(`${file}: no such file`, { field: 'file' });
        const started = Date.now();
        const loaded = await (await import('../../app/load-match-index.js')).loadMatchIndex(services);
        if (loaded.versions.length === 0) {
          line(ctx.stderr, 'error: no lists imported: run `warden lists pull` or `warden lists import <file>` first');
          return EXIT.rejected;
        }
        const options: ScreenOptions = threshold === undefined ? {} : { threshold };
        const workers = opts.workers ? Math.max(1, Number(opts.workers) || 1) : size >= PARALLEL_FROM_BYTES ? availableParallelism() : 1;
        const screener: BatchScreener =
          workers > 1
            ? await services.startScreeners(workers, options)
            : {
                screen: async (accounts) => accounts.map((a) => screenAccount({ matchIndex: loaded.index }, a, options)),
                close: async () => undefined,
              };
        const out = opts.out ? createWriteStream(opts.out) : ctx.stdout;
        const progress = progressReporter(ctx.stderr);
        const tally = { screened: 0, withMatches: 0, matches: 0, skipped: 0 };
        const inFlight: Promise<readonly ScreeningResult[]>[] = [];
        const drain = async (): Promise<void> => {
          for (const r of await inFlight.shift()!) {
            out.write(`${JSON.stringify(r)}\n`);
            tally.screened += 1;
            if (r.matches.length > 0) tally.withMatches += 1;
            tally.matches += r.matches.length;
          }
          progress(tally.screened);
        };
        try {
          let batch: AccountRecord[] = [];
          for await (const rec of readAccountFile(file)) {
            if (rec.kind === 'skipped') {
              tally.skipped += 1;
              line(ctx.stderr, `${file}:${rec.line}: skipped: ${rec.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
              continue;
            }
            batch.push(rec.account);
            if (batch.length >= BATCH) {
              inFlight.push(screener.screen(batch));
              batch = [];
              if (inFlight.length >= workers * 2) await drain();
            }
          }
          if (batch.length > 0) inFlight.push(screener.screen(batch));
          while (inFlight.length > 0) await drain();
        } finally {
          await screener.close();
          if (out !== ctx.stdout) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(() => resolve()));
        }
        const seconds = (Date.now() - started) / 1000;
        progress.done();
        line(
          ctx.stderr,
          `screened ${tally.screened} accounts against ${loaded.versions.map((v) => v.id).join(', ')} in ${seconds.toFixed(1)} s ` +
            `(${workers} thread${workers > 1 ? 's' : ''}): ${tally.withMatches} with matches (${tally.matches} matches), ${tally.skipped} skipped`,
        );
        return tally.skipped > 0 ? EXIT.rejected : EXIT.ok;
      }),
    );
}

/** A progress line redrawn on a terminal at most five times a second; silent otherwise. */
function progressReporter(stream: NodeJS.WritableStream): ((n: number) => void) & { done(): void } {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  const started = Date.now();
  let last = 0;
  const report = (n: number): void => {
    if (!tty || Date.now() - last < 200) return;
    last = Date.now();
    const rate = n / Math.max(0.001, (last - started) / 1000);
    stream.write(`\r\x1b[Kscreening: ${n} accounts, ${Math.round(rate)}/s`);
  };
  return Object.assign(report, {
    done: () => {
      if (tty) stream.write('\r\x1b[K');
    },
  });
}
