import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The spelling variants of typo keys move out of each account's rows into one table shared by
 * every account that has the key (`MatchIndex.storedKeys`): an ordinary name kept 15 to 46 key
 * rows, most of them variants, each a write to a random page of the key index; now it keeps
 * a handful, and a name's variants are written once, by the first account with that name.
 *
 * Rows stored before this migration keep their variants inline; the lookup finds them either
 * way, so they need no rewrite (an account's next upsert stores it the new way).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create table key_variants (variant text not null, key text not null, primary key (variant, key)) without rowid`.execute(db);
  } else {
    await db.schema.createTable('key_variants').addColumn('variant', 'text', (c) => c.notNull()).addColumn('key', 'text', (c) => c.notNull()).addPrimaryKeyConstraint('key_variants_pk', ['variant', 'key']).execute();
  }
}
