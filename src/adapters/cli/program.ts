import { Command, CommanderError } from 'commander';
import { EXIT, type CliContext } from './cli-context.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerCompareCommand } from './compare-command.js';
import { registerCoverageCommand } from './coverage-command.js';
import { registerEntitiesCommands } from './entities-commands.js';
import { registerScreenCommand } from './screen-command.js';
import { registerPolicyCommands } from './policy-commands.js';
import { registerServiceCommands } from './service-commands.js';
import { registerWebhooksCommands } from './webhooks-commands.js';
import { registerListsCommands } from './lists-commands.js';

/** Builds the `warden` command tree. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('warden')
    .description('Warden: sanctions screening and enforcement for social platforms')
    .option('--db <url>', 'database: sqlite:<path> or postgres://… (also WARDEN_DB; default sqlite:.warden/warden.db)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  registerListsCommands(program, ctx);
  registerEntitiesCommands(program, ctx);
  registerScreenCommand(program, ctx);
  registerCompareCommand(program, ctx);
  registerAuditCommands(program, ctx);
  registerServiceCommands(program, ctx);
  registerWebhooksCommands(program, ctx);
  registerPolicyCommands(program, ctx);
  registerCoverageCommand(program, ctx);
  for (const c of allCommands(program)) c.exitOverride().showHelpAfterError();
  return program;
}

/**
 * Runs the program on `argv` (without `node` and the script) and returns the exit code:
 * the command's own, 2 for a usage error, 0 for help and version.
 */
export async function runProgram(program: Command, ctx: CliContext, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    throw err;
  }
}

function allCommands(c: Command): Command[] {
  return c.commands.flatMap((sub) => [sub, ...allCommands(sub)]);
}
