import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { EXIT, type CliContext, type CliServices } from './cli-context.js';
import { line } from './format.js';

/**
 * Wraps a command action: opens the services for the global options, runs the action,
 * closes the services, and records the action's exit code. A DomainError the action lets
 * through is printed as one line: exit 2 for invalid input, 1 otherwise.
 */
export function withServices<A extends unknown[]>(
  ctx: CliContext,
  action: (services: CliServices, ...args: A) => Promise<number>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const globals = command.optsWithGlobals<{ db?: string; mirror?: string }>();
    let services: CliServices | undefined;
    try {
      services = await ctx.openServices({
        ...(globals.db ? { db: globals.db } : {}),
        ...(globals.mirror ? { mirror: globals.mirror } : {}),
      });
      ctx.exit(await action(services, ...(args.slice(0, -1) as A)));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      line(ctx.stderr, `error: ${err.message}`);
      ctx.exit(err.code === 'invalid_input' ? EXIT.usage : EXIT.rejected);
    } finally {
      await services?.close();
    }
  };
}
