import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { InvalidInputError } from '../../domain/errors.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line, table } from './format.js';
import { withServices } from './with-services.js';

/** `warden webhooks add|list|deliveries`: where enforcement actions are sent, and how that went. */
export function registerWebhooksCommands(program: Command, ctx: CliContext): void {
  const hooks = program.command('webhooks').description('signed webhooks to the platform (account.suspend, account.restore)');
  hooks
    .command('add')
    .description('send every enforcement action to this URL, signed with the secret (Warden-Signature header)')
    .argument('<url>', 'http(s) URL')
    .requiredOption('--secret <secret>', 'the shared HMAC secret (at least 16 characters)')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, url: string, opts: { secret: string; json?: boolean }) => {
        if (!/^https?:\/\/\S+$/.test(url)) throw new InvalidInputError('the URL must start with http:// or https://', { field: 'url' });
        if (opts.secret.length < 16) throw new InvalidInputError('--secret must be at least 16 characters', { field: 'secret' });
        const id = `wh_${randomBytes(6).toString('hex')}`;
        const createdAt = services.clock.now().toISOString();
        await services.webhookStore.add({ id, url, secret: opts.secret, createdAt }, { actor: 'cli', action: 'webhook.added', subject: `webhook:${id}`, data: { id, url } });
        if (opts.json) jsonLine(ctx.stdout, { id, url });
        else line(ctx.stdout, `${id} → ${url}`);
        return EXIT.ok;
      }),
    );
  hooks
    .command('deliveries')
    .description('the delivery outbox: pending, delivered and failed deliveries with attempts and last error')
    .option('--status <status>', 'pending, delivered or failed')
    .option('--json', 'print one JSON object per delivery')
    .action(
      withServices(ctx, async (services, opts: { status?: string; json?: boolean }) => {
        if (opts.status && !['pending', 'delivered', 'failed'].includes(opts.status)) throw new InvalidInputError('--status must be pending, delivered or failed', { field: 'status' });
        const rows = await services.webhookStore.deliveries(opts.status ? { status: opts.status as 'pending' | 'delivered' | 'failed' } : {});
        if (opts.json) for (const d of rows) jsonLine(ctx.stdout, { id: d.id, url: d.url, event: d.eventType, status: d.status, attempts: d.attempts, lastError: d.lastError ?? null, createdAt: d.createdAt, deliveredAt: d.deliveredAt ?? null });
        else line(ctx.stdout, table(['id', 'event', 'status', 'attempts', 'last error'], rows.map((d) => [d.id, d.eventType, d.status, d.attempts, d.lastError ?? ''])));
        return EXIT.ok;
      }),
    );
}
