import type { Command } from 'commander';
import { primaryName } from '../../domain/entities/build-entity.js';
import { EXIT, type CliContext } from './cli-context.js';
import { jsonLine, line } from './format.js';
import { versionJson } from './lists-commands.js';
import { withServices } from './with-services.js';

/** `warden entities get <id>`: one listed entity with every field and its version. */
export function registerEntitiesCommands(program: Command, ctx: CliContext): void {
  const entities = program.command('entities').description('designated entities from the imported lists');
  entities
    .command('get')
    .description('an entity with all its fields and the list version it came from')
    .argument('<id>', 'entity id, e.g. ofac-sdn:23343 or un:IRi.039')
    .option('--json', 'print JSON')
    .action(
      withServices(ctx, async (services, id: string, opts: { json?: boolean }) => {
        const found = await services.listStore.entity(id);
        if (!found) {
          line(ctx.stderr, `error: no entity ${id} in any imported list version`);
          return EXIT.rejected;
        }
        const { entity, version, isListed } = found;
        if (opts.json) {
          jsonLine(ctx.stdout, { entity, version: versionJson(version), isListed });
          return EXIT.ok;
        }
        line(ctx.stdout, `${entity.id}  ${primaryName(entity)}  (${entity.schema})`);
        line(ctx.stdout, `version   ${version.id}${isListed ? '' : '  (no longer listed: not in any active version)'}`);
        for (const n of entity.names.slice(1)) line(ctx.stdout, `name      ${n.full}  [${n.kind}${n.script ? `, ${n.script}` : ''}]`);
        const rows: [string, readonly string[]][] = [
          ['programs', entity.programs],
          ['born', entity.birthDates.map((d) => `${d.circa ? 'circa ' : ''}${d.value}${d.to ? ` to ${d.to}` : ''}`)],
          ['birthplace', entity.birthPlaces],
          ['nationality', entity.nationalities],
          ['citizen', entity.citizenships],
          ['countries', entity.countries],
          ['ids', entity.identifiers.map((i) => `${i.type} ${i.value}${i.country ? ` (${i.country})` : ''}`)],
          ['titles', entity.titles],
          ['linked to', entity.linkedTo],
          ['listed on', entity.listedOn ? [entity.listedOn] : []],
          ['gender', entity.gender ? [entity.gender] : []],
        ];
        for (const [label, values] of rows) if (values.length) line(ctx.stdout, `${label.padEnd(10)}${values.join('; ')}`);
        if (entity.remarks) line(ctx.stdout, `remarks   ${entity.remarks}`);
        return EXIT.ok;
      }),
    );
}
