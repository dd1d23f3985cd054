import type { Command } from 'commander';
import { coverage } from '../../app/coverage.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line, table } from './format.js';
import { withServices } from './with-services.js';

/** `warden coverage`: per active list version, the share of accounts screened against it. */
export function registerCoverageCommand(program: Command, ctx: CliContext): void {
  program
    .command('coverage')
    .description('per active list version: accounts screened against it, and the ones not yet screened')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, opts: { json?: boolean }) => {
        const rows = await coverage(services, await services.listStore.activeVersions());
        if (opts.json) jsonLine(ctx.stdout, { versions: rows });
        else {
          line(ctx.stdout, table(['version', 'accounts', 'screened', 'share'], rows.map((r) => [r.versionId, r.accounts, r.screened, `${(r.share * 100).toFixed(1)}%`])));
          for (const r of rows) if (r.unscreened.length) line(ctx.stdout, `${r.versionId}: not yet screened: ${r.unscreened.join(', ')}${r.screened + r.unscreened.length < r.accounts ? ', …' : ''}`);
        }
        return EXIT.ok;
      }),
    );
}
