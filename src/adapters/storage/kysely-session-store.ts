import type { Kysely } from 'kysely';
import type { ApiKeyRecord, SessionRecord, SessionStore } from '../../app/ports.js';
import type { AuditEntry } from '../../domain/audit/audit-event.js';
import { isRole } from '../../domain/access/permissions.js';
import { appendAuditEvent } from './audit-events.js';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/** The SessionStore on Kysely (SQLite and PostgreSQL): sessions outlive a restart of `warden serve`. */
export class KyselySessionStore implements SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async create(session: SessionRecord, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('expires_at', '<=', session.createdAt).execute();
      await trx
        .insertInto('sessions')
        .values({ id_hash: session.idHash, key_id: session.keyId, created_at: session.createdAt, expires_at: session.expiresAt })
        .execute();
      await appendAuditEvent(trx, this.dialect, audit, new Date(session.createdAt));
    });
  }

  async find(idHash: string, now: string): Promise<{ session: SessionRecord; key: ApiKeyRecord } | undefined> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('api_keys as k', 'k.id', 's.key_id')
      .select(['s.id_hash', 's.key_id', 's.created_at', 's.expires_at', 'k.name', 'k.role', 'k.key_hash', 'k.created_at as key_created_at'])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', now)
      .where('k.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row || !isRole(row.role)) return undefined;
    return {
      session: { idHash: row.id_hash, keyId: row.key_id, createdAt: row.created_at, expiresAt: row.expires_at },
      key: { id: row.key_id, name: row.name, role: row.role, keyHash: row.key_hash, createdAt: row.key_created_at },
    };
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }
}
