import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditFilter, AuditStore } from '../../app/ports.js';
import { auditPayload, GENESIS_HASH, type AuditEntry, type AuditEvent } from '../../domain/audit/audit-event.js';
import type { DialectName } from './database.js';
import { insertRows } from './row-statements.js';
import type { AuditEventsTable, Database } from './schema.js';

/** An arbitrary, fixed key for PostgreSQL's transaction-scoped advisory lock on the chain's end. */
const AUDIT_LOCK_KEY = 7_340_021;

/**
 * The last event of the chain as this transaction left it, after it appended one: the next
 * append in the same transaction needs neither the lock again (it is held to the end of the
 * transaction) nor a read.
 */
export interface ChainEnd {
  readonly seq: number | string;
  readonly hash: string;
}

/**
 * Appends one event at the end of the chain inside `trx` (after `chainEnd`, when this
 * transaction already appended one). On PostgreSQL an advisory lock held
 * to the end of the transaction serialises appenders; SQLite transactions are serialised by
 * the database itself.
 */
export async function appendAuditEvent(trx: Transaction<Database>, dialect: DialectName, entry: AuditEntry, at: Date, chainEnd?: ChainEnd): Promise<AuditEvent> {
  let last = chainEnd;
  if (last === undefined) {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }
  const base = {
    seq: Number(last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    data: entry.data,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const event: AuditEvent = { ...base, hash: sha256(auditPayload(base)) };
  const row = toRow(event);
  await trx.executeQuery(insertRows(dialect, 'audit_events', AUDIT_COLUMNS, [AUDIT_COLUMNS.map((c) => row[c])]));
  return event;
}

/** SHA-256 in hex: the chain's hash function. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The AuditStore on Kysely (SQLite and PostgreSQL). */
export class KyselyAuditStore implements AuditStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  append(entry: AuditEntry, at: Date): Promise<AuditEvent> {
    return this.db.transaction().execute((trx) => appendAuditEvent(trx, this.dialect, entry, at));
  }

  async events(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('seq');
    if (filter.subject !== undefined) q = q.where('subject', '=', filter.subject);
    if (filter.actor !== undefined) q = q.where('actor', '=', filter.actor);
    if (filter.afterSeq !== undefined) q = q.where('seq', '>', filter.afterSeq);
    if (filter.limit !== undefined) q = q.limit(filter.limit);
    return (await q.execute()).map(fromRow);
  }
}

const AUDIT_COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'data', 'prev_hash', 'hash'] as const;

function toRow(e: AuditEvent): AuditEventsTable {
  return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, data: JSON.stringify(e.data), prev_hash: e.prevHash, hash: e.hash };
}

function fromRow(r: Selectable<AuditEventsTable>): AuditEvent {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    data: JSON.parse(r.data) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
