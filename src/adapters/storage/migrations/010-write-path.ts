import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Fewer index writes per upsert (each upsert writes a dozen key rows and, often, a match).
 *
 * `matches_account` goes: the unique (account_id, entity_id) constraint's index already serves
 * every lookup by account.
 *
 * SQLite only: the account key index and the screening record become WITHOUT ROWID tables,
 * clustered on their primary keys. Every upsert writes a dozen or more key rows; a rowid
 * table kept each of them twice (the row, then its primary-key index). PostgreSQL keeps a
 * heap and its indexes either way, so nothing changes there.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.dropIndex('matches_account').execute();
  if (dialect !== 'sqlite') return;
  await sql`create table account_keys_new (key text not null, account_id text not null, primary key (key, account_id)) without rowid`.execute(db);
  await sql`insert into account_keys_new (key, account_id) select key, account_id from account_keys`.execute(db);
  await sql`drop table account_keys`.execute(db);
  await sql`alter table account_keys_new rename to account_keys`.execute(db);
  await sql`create index account_keys_account on account_keys (account_id)`.execute(db);

  await sql`create table account_screenings_new (account_id text not null, version_id text not null, screened_at text not null, primary key (version_id, account_id)) without rowid`.execute(db);
  await sql`insert into account_screenings_new (account_id, version_id, screened_at) select account_id, version_id, screened_at from account_screenings`.execute(db);
  await sql`drop table account_screenings`.execute(db);
  await sql`alter table account_screenings_new rename to account_screenings`.execute(db);
}
