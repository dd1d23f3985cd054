import type { Command } from 'commander';
import { createApiKey } from '../../app/api-keys.js';
import { isRole, ROLES } from '../../domain/access/permissions.js';
import { InvalidInputError } from '../../domain/errors.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line } from './format.js';
import { withServices } from './with-services.js';

/** `warden keys create` and `warden serve`. */
export function registerServiceCommands(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('API keys: one role each; only a hash is stored');
  keys
    .command('create')
    .description('create an API key and print it once')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <label>', 'a label for the key')
    .option('--json', 'print {"key","role","id"}')
    .action(
      withServices(ctx, async (services, opts: { role: string; name?: string; json?: boolean }) => {
        if (!isRole(opts.role)) throw new InvalidInputError(`--role must be one of ${ROLES.join(', ')}`, { field: 'role' });
        const created = await createApiKey(services, { role: opts.role, ...(opts.name ? { name: opts.name } : {}), actor: 'cli' });
        if (opts.json) jsonLine(ctx.stdout, { key: created.key, role: created.role, id: created.id });
        else line(ctx.stdout, `${created.key}\n(role ${created.role}, id ${created.id}; shown once, only its hash is stored)`);
        return EXIT.ok;
      }),
    );

  program
    .command('serve')
    .description('run the HTTP API (OpenAPI at /openapi.json, docs at /docs)')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(
      withServices(ctx, async (services, opts: { port: string; host: string }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidInputError('--port must be a port number', { field: 'port' });
        const api = await services.serve({ host: opts.host, port });
        line(ctx.stderr, `warden serving on ${api.url} (docs at ${api.url}/docs)`);
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await api.close();
        return EXIT.ok;
      }),
    );
}
