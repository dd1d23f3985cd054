import type { Kysely } from 'kysely';
import type { ApiKeyRecord, ApiKeyStore } from '../../app/ports.js';
import type { AuditEntry } from '../../domain/audit/audit-event.js';
import { isRole } from '../../domain/access/permissions.js';
import { appendAuditEvent } from './audit-events.js';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/** The ApiKeyStore on Kysely (SQLite and PostgreSQL). */
export class KyselyApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async create(record: ApiKeyRecord, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('api_keys')
        .values({ id: record.id, name: record.name, role: record.role, key_hash: record.keyHash, created_at: record.createdAt, revoked_at: null })
        .execute();
      await appendAuditEvent(trx, this.dialect, audit, new Date(record.createdAt));
    });
  }

  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row || !isRole(row.role)) return undefined;
    return { id: row.id, name: row.name, role: row.role, keyHash: row.key_hash, createdAt: row.created_at };
  }
}
