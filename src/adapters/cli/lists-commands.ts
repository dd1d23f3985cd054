import type { Command } from 'commander';
import { diffList } from '../../app/diff-list.js';
import { ingestList, type IngestResult } from '../../app/ingest-list.js';
import { pullLists } from '../../app/pull-lists.js';
import type { ListVersion } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';
import { openListFeeds } from '../lists/list-feeds.js';
import type { CliServices } from './cli-context.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line, table } from './format.js';
import { withServices } from './with-services.js';

/** The ingest outcome as `lists import --json` prints it (contract). */
function importJson(r: IngestResult): Record<string, unknown> {
  return {
    source: r.source,
    version: r.version.seq,
    versionId: r.version.id,
    status: r.status,
    entities: r.version.entityCount,
    added: r.status === 'created' ? r.version.added : 0,
    removed: r.status === 'created' ? r.version.removed : 0,
    changed: r.status === 'created' ? r.version.changed : 0,
    warnings: r.warningCount,
  };
}

function importText(r: IngestResult): string {
  const v = r.version;
  if (r.status === 'unchanged') return `${r.source}: unchanged, ${v.id} stays active (${v.entityCount} entities)`;
  return `${r.source}: created ${v.id} with ${v.entityCount} entities (+${v.added} -${v.removed} ~${v.changed})${r.warningCount ? `, ${r.warningCount} warnings` : ''}`;
}

function rejectedJson(source: string | undefined, err: DomainError): Record<string, unknown> {
  return { ...(source ? { source } : {}), status: 'rejected', error: { code: err.code, message: err.message, ...err.details } };
}

/**
 * After a new version lands: sweeps it over the stored accounts (reverse screening) with an
 * index of the now active versions. Skipped when no account is stored.
 */
async function sweepAfterImport(services: CliServices, r: IngestResult, stderr: NodeJS.WritableStream): Promise<Record<string, unknown> | undefined> {
  if (r.status !== 'created' || !(await services.enforcementStore.hasAccounts())) return undefined;
  const { loadMatchIndex } = await import('../../app/load-match-index.js');
  const { sweepListVersion } = await import('../../app/sweep-list-version.js');
  const loaded = await loadMatchIndex(services);
  const s = await sweepListVersion(
    { ...services, matchIndex: loaded.index, listVersions: loaded.versions.map((v) => v.id) },
    r.version.id,
  );
  line(stderr, `swept ${r.version.id}: ${s.accounts} accounts screened again, ${s.opened} matches opened, ${s.delisted} delisted, ${s.toRestorationReview.length} to restoration review`);
  return { accounts: s.accounts, opened: s.opened, delisted: s.delisted, restorationReview: s.toRestorationReview.length };
}

/** `warden lists …`: import, pull, status, diff. */
export function registerListsCommands(program: Command, ctx: CliContext): void {
  const lists = program.command('lists').description('official sanctions lists: import, pull, status, diff');

  lists
    .command('import')
    .description('import list files as new versions (the format is detected from the content)')
    .argument('<path...>', 'list files; OFAC CSV companions (add.csv, alt.csv, sdn_comments.csv) are read from beside sdn.csv')
    .option('--source <id>', 'put the entities in this source instead of the one the file names')
    .option('--force', 'accept a feed that shrinks more than the allowed share')
    .option('--json', 'print one JSON object per feed')
    .action(
      withServices(ctx, async (services, paths: string[], opts: { source?: string; force?: boolean; json?: boolean }) => {
        let code: number = EXIT.ok;
        let feeds;
        try {
          feeds = await openListFeeds(paths, opts.source ? { source: opts.source } : {});
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          if (opts.json) jsonLine(ctx.stdout, rejectedJson(opts.source, err));
          line(ctx.stderr, `rejected: ${err.message}`);
          return EXIT.rejected;
        }
        for (const feed of feeds) {
          try {
            const result = await ingestList(services, feed, { force: Boolean(opts.force), maxShrink: services.config.lists.maxShrink, actor: 'cli' });
            const sweep = await sweepAfterImport(services, result, ctx.stderr);
            if (opts.json) jsonLine(ctx.stdout, { ...importJson(result), ...(sweep ? { sweep } : {}) });
            else line(ctx.stdout, importText(result));
            for (const w of result.warnings.slice(0, 5)) line(ctx.stderr, `warning: ${w}`);
            if (result.warningCount > 5) line(ctx.stderr, `warning: … and ${result.warningCount - 5} more (see lists status --json)`);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            if (opts.json) jsonLine(ctx.stdout, rejectedJson(feed.source, err));
            line(ctx.stderr, `rejected: ${err.message}; the active version of ${feed.source} stays active`);
            code = EXIT.rejected;
          }
        }
        return code;
      }),
    );

  lists
    .command('pull')
    .description('download the official lists and import them (default: ofac-sdn ofac-cons un uk eu)')
    .argument('[source...]', 'sources to pull')
    .option('--mirror <url>', 'fetch <url>/<source>/<file> instead of the publishers (also WARDEN_LIST_MIRROR)')
    .option('--force', 'accept a feed that shrinks more than the allowed share')
    .option('--json', 'print one JSON object per source')
    .action(
      withServices(ctx, async (services, sources: string[], opts: { force?: boolean; json?: boolean }) => {
        const outcomes = await pullLists(services, sources, { force: Boolean(opts.force), maxShrink: services.config.lists.maxShrink, actor: 'cli' });
        let code: number = EXIT.ok;
        for (const o of outcomes) {
          if ('result' in o) {
            const sweep = await sweepAfterImport(services, o.result, ctx.stderr);
            if (opts.json) jsonLine(ctx.stdout, { ...importJson(o.result), ...(sweep ? { sweep } : {}) });
            else line(ctx.stdout, importText(o.result));
            continue;
          }
          code = EXIT.rejected;
          if (opts.json) jsonLine(ctx.stdout, { ...rejectedJson(o.source, o.error), status: o.status });
          line(ctx.stderr, `${o.source}: ${o.status}: ${o.error.message}; what Warden already has stays active`);
          if (o.status === 'unreachable') {
            line(ctx.stderr, `  To use files you have, import them: warden lists import <file…> (see README, "Lists without network")`);
          }
        }
        return code;
      }),
    );

  lists
    .command('status')
    .description('the active version of every source')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, opts: { json?: boolean }) => {
        const active = await services.listStore.activeVersions();
        if (opts.json) {
          jsonLine(ctx.stdout, { sources: active.map(versionJson) });
        } else if (active.length === 0) {
          line(ctx.stdout, 'no lists imported yet: run `warden lists pull` or `warden lists import <file>`');
        } else {
          line(
            ctx.stdout,
            table(
              ['source', 'version', 'entities', 'published', 'imported', 'format', '+added', '-removed', '~changed'],
              active.map((v) => [v.source, v.id, v.entityCount, v.publishedAt ?? '-', v.importedAt, v.format, v.added, v.removed, v.changed]),
            ),
          );
        }
        return EXIT.ok;
      }),
    );

  lists
    .command('diff')
    .description('what changed between two versions of a source (default: the active one against the one before)')
    .argument('<source>', 'the source, e.g. ofac-sdn')
    .option('--from <version>', 'the older version (number or id)')
    .option('--to <version>', 'the newer version (number or id)')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, source: string, opts: { from?: string; to?: string; json?: boolean }) => {
        const diff = await diffList(services, source, opts);
        if (opts.json) {
          jsonLine(ctx.stdout, {
            source,
            from: diff.from?.seq ?? null,
            to: diff.to.seq,
            added: diff.changes.filter((c) => c.change === 'added').map((c) => c.entityId),
            removed: diff.changes.filter((c) => c.change === 'removed').map((c) => c.entityId),
            changed: diff.changes.filter((c) => c.change === 'changed').map((c) => ({ id: c.entityId, fields: c.fields })),
          });
        } else {
          line(ctx.stdout, `${source}: ${diff.from?.id ?? '(nothing)'} → ${diff.to.id}`);
          for (const c of diff.changes) {
            const mark = c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~';
            line(ctx.stdout, `${mark} ${c.entityId}${c.fields.length ? `  (${c.fields.join(', ')})` : ''}`);
          }
        }
        return EXIT.ok;
      }),
    );
}

/** A version as the CLI's JSON shows it. */
export function versionJson(v: ListVersion): Record<string, unknown> {
  return {
    source: v.source,
    version: v.seq,
    versionId: v.id,
    status: v.status,
    format: v.format,
    entities: v.entityCount,
    publishedAt: v.publishedAt ?? null,
    importedAt: v.importedAt,
    added: v.added,
    removed: v.removed,
    changed: v.changed,
    contentHash: v.contentHash,
    files: v.files,
    warnings: v.warningCount,
  };
}
