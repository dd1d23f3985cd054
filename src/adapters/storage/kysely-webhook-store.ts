import { sql, type Kysely, type Selectable } from 'kysely';
import type { Webhook, WebhookDelivery, WebhookStore } from '../../app/ports.js';
import type { AuditEntry } from '../../domain/audit/audit-event.js';
import { appendAuditEvent } from './audit-events.js';
import type { DialectName } from './database.js';
import type { Database, WebhookDeliveriesTable } from './schema.js';

/**
 * The WebhookStore on Kysely. Deliveries are claimed by pushing their `next_attempt_at` a lease
 * into the future inside one transaction (PostgreSQL: `for update skip locked`, so many
 * dispatchers share the outbox; SQLite: one writer at a time), so a crash mid-send only
 * delays a delivery until its lease ends, and it is sent again (receivers dedupe by id).
 */
export class KyselyWebhookStore implements WebhookStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async add(webhook: Webhook, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('webhooks').values({ id: webhook.id, url: webhook.url, secret: webhook.secret, created_at: webhook.createdAt, active: 1 }).execute();
      await appendAuditEvent(trx, this.dialect, audit, new Date(webhook.createdAt));
    });
  }

  async list(): Promise<Webhook[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, url: r.url, secret: r.secret, createdAt: r.created_at }));
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDelivery[]> {
    return this.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .selectAll('d')
        .select(['w.url', 'w.secret'])
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now.toISOString())
        .orderBy('d.created_at')
        .orderBy('d.id')
        .limit(limit);
      if (this.dialect === 'postgres') q = q.modifyEnd(sql`for update of d skip locked`);
      const rows = await q.execute();
      if (rows.length === 0) return [];
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      await trx
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: lease })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => fromRow(r, r.url, r.secret));
    });
  }

  async markDelivered(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ status: 'delivered', delivered_at: at.toISOString(), attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', '=', id)
      .execute();
  }

  async markAttemptFailed(id: string, error: string, nextAttemptAt: Date | undefined): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: nextAttemptAt ? 'pending' : 'failed',
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt.toISOString() } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  async deliveries(filter: { status?: WebhookDelivery['status']; limit?: number } = {}): Promise<WebhookDelivery[]> {
    let q = this.db.selectFrom('webhook_deliveries as d').innerJoin('webhooks as w', 'w.id', 'd.webhook_id').selectAll('d').select(['w.url', 'w.secret']);
    if (filter.status) q = q.where('d.status', '=', filter.status);
    const rows = await q.orderBy('d.created_at').orderBy('d.id').limit(filter.limit ?? 1000).execute();
    return rows.map((r) => fromRow(r, r.url, r.secret));
  }
}

function fromRow(r: Selectable<WebhookDeliveriesTable>, url: string, secret: string): WebhookDelivery {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    url,
    secret,
    eventType: r.event_type,
    body: r.body,
    status: r.status as WebhookDelivery['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_error ? { lastError: r.last_error } : {}),
    createdAt: r.created_at,
    ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}),
  };
}
