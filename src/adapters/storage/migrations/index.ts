import type { Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../database.js';
import * as m001 from './001-lists.js';
import * as m002 from './002-audit.js';
import * as m003 from './003-api-keys.js';
import * as m004 from './004-accounts.js';
import * as m005 from './005-webhooks.js';
import * as m006 from './006-jobs.js';
import * as m007 from './007-policies.js';
import * as m008 from './008-sweeps.js';
import * as m009 from './009-console.js';
import * as m010 from './010-write-path.js';
import * as m011 from './011-key-variants.js';
import * as m012 from './012-name-keys.js';
import * as m013 from './013-name-cuts.js';

/**
 * Every migration, in order, for one engine (a migration may need a dialect-specific
 * detail, such as a collation). Add a file `NNN-name.ts` and list it here.
 */
export function migrationsFor(dialect: DialectName): MigrationProvider {
  const wrap = (m: { up(db: Parameters<Migration['up']>[0], d: DialectName): Promise<void> }): Migration => ({
    up: (db) => m.up(db, dialect),
  });
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '001-lists': wrap(m001), '002-audit': wrap(m002), '003-api-keys': wrap(m003), '004-accounts': wrap(m004), '005-webhooks': wrap(m005), '006-jobs': wrap(m006), '007-policies': wrap(m007), '008-sweeps': wrap(m008), '009-console': wrap(m009), '010-write-path': wrap(m010), '011-key-variants': wrap(m011), '012-name-keys': wrap(m012), '013-name-cuts': wrap(m013) };
    },
  };
}
