import { sql, type Kysely } from 'kysely';
import { matchFilterColumns } from '../match-filter-columns.js';

/**
 * For the analyst console: browser sessions (only a hash of each session id is stored), and the match columns the review queue filters on server-side (the entity's
 * source and programs, the script of the account name that matched), backfilled for existing
 * matches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_key').on('sessions').column('key_id').execute();
  await db.schema.alterTable('matches').addColumn('source', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('matches').addColumn('programs', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('matches').addColumn('script', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('matches_queue_source').on('matches').columns(['status', 'source', 'priority', 'id']).execute();
  // Backfill: source is the entity id's prefix; programs from the newest record of the entity.
  const rows = await sql<{ id: string; entity_id: string; explanation: string; data: string | null }>`
    select m.id, m.entity_id, m.explanation,
      (select r.data from version_entities ve join list_versions v on v.id = ve.version_id join entity_records r on r.hash = ve.hash
        where ve.entity_id = m.entity_id order by v.imported_at desc limit 1) as data
    from matches m`.execute(db);
  for (const r of rows.rows) {
    const cols = matchFilterColumns(r.entity_id, r.explanation, r.data);
    await sql`update matches set source = ${cols.source}, programs = ${cols.programs}, script = ${cols.script} where id = ${r.id}`.execute(db);
  }
}
