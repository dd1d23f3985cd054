import type { Command } from 'commander';
import { verifyAudit } from '../../app/verify-audit.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line } from './format.js';
import { withServices } from './with-services.js';

/** `warden audit verify` and `warden audit list`: the tamper-evident decision log. */
export function registerAuditCommands(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  audit
    .command('verify')
    .description('check the hash chain of the whole log: exit 1 if any event was edited, deleted or inserted')
    .option('--json', 'print {"ok","events","headHash","break"}')
    .action(
      withServices(ctx, async (services, opts: { json?: boolean }) => {
        const v = await verifyAudit(services);
        if (opts.json) jsonLine(ctx.stdout, v);
        else if (v.ok) line(ctx.stdout, `ok: ${v.events} events, chain intact, head ${v.headHash}`);
        else line(ctx.stdout, `BROKEN at event ${v.break?.seq}: ${v.break?.reason} (${v.events} events verified before it)`);
        return v.ok ? EXIT.ok : EXIT.rejected;
      }),
    );
  audit
    .command('list')
    .description('audit events in order')
    .option('--subject <subject>', 'only events about this subject (e.g. ofac-sdn@2, account:123)')
    .option('--actor <actor>', 'only events by this actor')
    .option('--json', 'print one JSON object per event')
    .action(
      withServices(ctx, async (services, opts: { subject?: string; actor?: string; json?: boolean }) => {
        const events = await services.auditStore.events({
          ...(opts.subject ? { subject: opts.subject } : {}),
          ...(opts.actor ? { actor: opts.actor } : {}),
        });
        for (const e of events) {
          if (opts.json) jsonLine(ctx.stdout, e);
          else line(ctx.stdout, `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor}  ${e.action}  ${e.subject}`);
        }
        return EXIT.ok;
      }),
    );
}
