import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PolicyRulesSchema } from '../../domain/enforcement/policy.js';
import { InvalidInputError } from '../../domain/errors.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine } from './format.js';
import { withServices } from './with-services.js';

/** `warden policy show|set`: the versioned enforcement policy. */
export function registerPolicyCommands(program: Command, ctx: CliContext): void {
  const policy = program.command('policy').description('the enforcement policy: per source and program, review or suspend');
  policy
    .command('show')
    .description('the policy in force, as JSON')
    .action(
      withServices(ctx, async (services) => {
        jsonLine(ctx.stdout, await services.enforcementStore.policy());
        return EXIT.ok;
      }),
    );
  policy
    .command('set')
    .description('make a JSON file {"rules":[…]} the next policy version (audited)')
    .argument('<file>', 'the policy file')
    .action(
      withServices(ctx, async (services, file: string) => {
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(file, 'utf8'));
        } catch (err) {
          throw new InvalidInputError(`${file}: ${(err as Error).message}`, { file });
        }
        const parsed = PolicyRulesSchema.safeParse(raw);
        if (!parsed.success) {
          throw new InvalidInputError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`, { file });
        }
        jsonLine(ctx.stdout, await services.enforcementStore.setPolicy(parsed.data, 'cli', services.clock.now()));
        return EXIT.ok;
      }),
    );
}
