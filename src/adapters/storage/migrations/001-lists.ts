import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * List versions and their entities. Entity records are content-addressed (by the hash of
 * their canonical JSON), so a version that changes a few entities stores only those.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // Ids sort by code point on both engines, so keyset pages and content hashes agree.
  const key = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`) : c);
  await db.schema
    .createTable('list_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addUniqueConstraint('list_versions_source_seq', ['source', 'seq'])
    .execute();
  await db.schema.createIndex('list_versions_status').on('list_versions').columns(['status', 'source']).execute();

  await db.schema
    .createTable('entity_records')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('version_entities')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => key(c).notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_entities_pk', ['version_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('version_entities_entity').on('version_entities').column('entity_id').execute();

  await db.schema
    .createTable('version_changes')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => key(c).notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_changes_pk', ['version_id', 'entity_id'])
    .execute();
}
