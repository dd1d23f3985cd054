import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The account key index is kept per distinct name (`accounts.names_hash`: the display name and
 * handle, all that blocking keys are made from) instead of per account: many accounts bear one
 * name, and a sweep scores each name once before it reads the accounts that bear it, so its
 * lookups grow with the names that meet a change rather than with the accounts.
 *
 * `account_names` holds each name once (what a sweep screens), `name_keys` its keys; an index
 * on `accounts.names_hash` leads from a name to its accounts. The rows of `account_keys` move
 * over (each account's keys under its names' hash), and the table goes.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const withoutRowid = dialect === 'sqlite' ? sql` without rowid` : sql``;
  await sql`create table name_keys (key text not null, names_hash text not null, primary key (key, names_hash))${withoutRowid}`.execute(db);
  await sql`create table account_names (names_hash text not null primary key, display_name text, handle text)`.execute(db);
  await sql`create index accounts_names_hash on accounts (names_hash)`.execute(db);
  if (dialect === 'sqlite') {
    await sql`insert into account_names (names_hash, display_name, handle) select names_hash, record ->> '$.displayName', record ->> '$.handle' from accounts group by names_hash`.execute(db);
  } else {
    await sql`insert into account_names (names_hash, display_name, handle) select distinct on (names_hash) names_hash, record::json ->> 'displayName', record::json ->> 'handle' from accounts order by names_hash`.execute(db);
  }
  await sql`insert into name_keys (key, names_hash) select distinct k.key, a.names_hash from account_keys k join accounts a on a.id = k.account_id`.execute(db);
  await sql`drop table account_keys`.execute(db);
}
