import type { Kysely } from 'kysely';

/**
 * The account key index (the matcher's blocking keys of every account, for reverse screening),
 * which list versions each account was screened against, and the sweeps of list versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_keys_pk', ['key', 'account_id'])
    .execute();
  await db.schema.createIndex('account_keys_account').on('account_keys').column('account_id').execute();
  await db.schema
    .createTable('account_screenings')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_screenings_pk', ['version_id', 'account_id'])
    .execute();
  await db.schema
    .createTable('sweeps')
    .addColumn('version_id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('accounts', 'integer', (c) => c.notNull())
    .addColumn('opened', 'integer', (c) => c.notNull())
    .addColumn('delisted', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matches_entity').on('matches').column('entity_id').execute();
  await db.schema.createIndex('accounts_updated').on('accounts').column('updated_at').execute();
}
