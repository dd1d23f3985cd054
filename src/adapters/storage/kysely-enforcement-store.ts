import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AccountDelivery, EnforcementAction, EnforcementStore, QueueFilter, EnforcementTx, StoredAccount, StoredMatch, NamesHolding, StoredNames, SuspensionTimes, Sweep, VersionCoverage } from '../../app/ports.js';
import type { AccountState, MatchStatus } from '../../domain/enforcement/enforcement.js';
import type { AccountNames, MatchExplanation, StoredKeys } from '../../domain/matching/match-types.js';
import type { AccountRecord } from '../../domain/accounts/account.js';
import { DEFAULT_POLICY, type EnforcementPolicy, type PolicyBody } from '../../domain/enforcement/policy.js';
import { appendAuditEvent, type ChainEnd } from './audit-events.js';
import { filterColumns } from './match-filter-columns.js';
import { insertRows } from './row-statements.js';
import type { DialectName } from './database.js';
import type { AccountsTable, Database, EnforcementActionsTable, MatchesTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The EnforcementStore on Kysely (SQLite and PostgreSQL). */
export class KyselyEnforcementStore implements EnforcementStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** Transactions waiting for the next group commit. */
  private readonly waiting: Waiting[] = [];
  private isCommitting = false;

  /**
   * Runs `work` in a transaction. On SQLite, which runs one write transaction at a time
   * anyway, the transactions that arrive while one commits are run together: each in its own
   * savepoint (a failing one is rolled back alone and rejects alone), then one commit for all
   * (group commit). None resolves before that commit, so nothing is acknowledged that is not
   * stored. On PostgreSQL each runs in its own transaction on the pool: their statements'
   * round trips overlap there, which a group on one connection would serialise (measured:
   * 480 → 280 upserts/s).
   */
  transaction<T>(work: (tx: EnforcementTx) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.db.transaction().execute((trx) => work(new KyselyEnforcementTx(trx, this.dialect)));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.isCommitting) void this.commitWaiting();
    });
  }

  /**
   * Commits what waits, group by group. Each group starts from `setImmediate`, after the event
   * loop has taken in the I/O that was ready (a group runs as one chain of promise callbacks,
   * so requests that arrive meanwhile wait for the next group, not for their own commit).
   */
  private async commitWaiting(): Promise<void> {
    this.isCommitting = true;
    try {
      while (this.waiting.length > 0) {
        if (this.waiting.length < GROUP_COMMIT_MAX) await new Promise<void>((r) => setImmediate(r));
        const group = this.waiting.splice(0, GROUP_COMMIT_MAX);
        const outcomes: (() => void)[] = [];
        try {
          await this.db.transaction().execute(async (trx) => {
            const tx = new KyselyEnforcementTx(trx, this.dialect);
            for (const w of group) {
              await sql`savepoint warden_group`.execute(trx);
              try {
                const value = await w.work(tx);
                await sql`release savepoint warden_group`.execute(trx);
                outcomes.push(() => w.resolve(value));
              } catch (err) {
                await sql`rollback to savepoint warden_group`.execute(trx);
                tx.forget();
                await sql`release savepoint warden_group`.execute(trx);
                outcomes.push(() => w.reject(err));
              }
            }
          });
          for (const settle of outcomes) settle();
        } catch (err) {
          // The transaction or its commit failed: none of the group is stored.
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      this.isCommitting = false;
    }
  }

  account(id: string): Promise<StoredAccount | undefined> {
    return readAccount(this.db, id, false, this.dialect);
  }

  matchesOf(accountId: string): Promise<StoredMatch[]> {
    return readMatches(this.db, accountId);
  }

  policy(): Promise<EnforcementPolicy> {
    return readPolicy(this.db);
  }

  setPolicy(body: PolicyBody, actor: string, at: Date): Promise<EnforcementPolicy> {
    return this.db.transaction().execute(async (trx) => {
      const current = await readPolicy(trx);
      const next: EnforcementPolicy = { version: current.version + 1, ...body };
      await trx.insertInto('policies').values({ version: next.version, rules: JSON.stringify(body), actor, created_at: at.toISOString() }).execute();
      await appendAuditEvent(trx, this.dialect, { actor, action: 'policy.changed', subject: `policy:${next.version}`, data: { version: next.version, from: current.version, ...body } }, at);
      return next;
    });
  }

  async suspensionTimes(): Promise<SuspensionTimes[]> {
    const rows = await this.db
      .selectFrom('enforcement_actions as x')
      .innerJoin('accounts as a', 'a.id', 'x.account_id')
      .select(['x.id', 'x.account_id', 'x.entities', 'x.at', 'a.created_at'])
      .where('x.action', '=', 'account.suspend')
      .orderBy('x.at')
      .execute();
    // A delivery's id is `<action id>.<webhook id>`: the first accepted one per action.
    const delivered = new Map<string, string>();
    const deliveries = await this.db.selectFrom('webhook_deliveries').select(['id', 'delivered_at']).where('status', '=', 'delivered').execute();
    for (const d of deliveries) {
      const actionId = d.id.slice(0, d.id.lastIndexOf('.'));
      const prev = delivered.get(actionId);
      if (d.delivered_at && (!prev || d.delivered_at < prev)) delivered.set(actionId, d.delivered_at);
    }
    const out: SuspensionTimes[] = [];
    for (const r of rows) {
      const entityId = (JSON.parse(r.entities) as string[])[0];
      if (!entityId) continue;
      const m = await this.db.selectFrom('matches').select(['created_at', 'list_versions']).where('account_id', '=', r.account_id).where('entity_id', '=', entityId).executeTakeFirst();
      if (!m) continue;
      out.push({
        accountId: r.account_id,
        entityId,
        accountCreatedAt: r.created_at,
        matchCreatedAt: m.created_at,
        listVersions: JSON.parse(m.list_versions) as string[],
        decidedAt: r.at,
        ...(delivered.has(r.id) ? { deliveredAt: delivered.get(r.id)! } : {}),
      });
    }
    return out;
  }

  async hasAccounts(): Promise<boolean> {
    return (await this.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async namesWithKeys(keys: readonly string[]): Promise<NamesHolding[]> {
    // The keys themselves, and the keys any of them is a variant of; then which names hold
    // those, then the names. Index lookups each (a join was planned as a scan of the key index on PostgreSQL).
    const asked = new Map<string, string[]>();
    for (const key of keys) asked.set(key, [key]);
    for (let i = 0; i < keys.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('key_variants').select(['variant', 'key']).where('variant', 'in', keys.slice(i, i + IN_BATCH)).execute();
      for (const r of rows) {
        const by = asked.get(r.key);
        if (by === undefined) asked.set(r.key, [r.variant]);
        else if (!by.includes(r.variant)) by.push(r.variant);
      }
    }
    const all = [...asked.keys()];
    const held = new Map<string, Set<string>>();
    for (let i = 0; i < all.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('name_keys').select(['key', 'names_hash']).where('key', 'in', all.slice(i, i + IN_BATCH)).execute();
      for (const r of rows) {
        let of = held.get(r.names_hash);
        if (of === undefined) held.set(r.names_hash, (of = new Set()));
        for (const k of asked.get(r.key) ?? []) of.add(k);
      }
    }
    return (await this.storedNames(held.keys())).map((n) => ({ ...n, held: [...(held.get(n.namesHash) ?? [])].sort() }));
  }

  async namesCutWith(parts: readonly string[]): Promise<StoredNames[]> {
    // A word holds a part exactly when one of its suffixes begins with it: a range of the
    // (code point ordered) cut index per part.
    const hashes = new Set<string>();
    const all = [...new Set(parts)].filter((p) => p !== '');
    for (let i = 0; i < all.length; i += RANGE_BATCH) {
      const rows = await this.db
        .selectFrom('name_cuts')
        .select('names_hash')
        .distinct()
        .where((eb) => eb.or(all.slice(i, i + RANGE_BATCH).map((p) => eb.and([eb('cut', '>=', p), eb('cut', '<', p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1))]))))
        .execute();
      for (const r of rows) hashes.add(r.names_hash);
    }
    return this.storedNames(hashes);
  }

  /** These names (by hash) as stored, in hash order. */
  private async storedNames(hashes: Iterable<string>): Promise<StoredNames[]> {
    const sorted = [...hashes].sort();
    const out: StoredNames[] = [];
    for (let i = 0; i < sorted.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('account_names').selectAll().where('names_hash', 'in', sorted.slice(i, i + IN_BATCH)).orderBy('names_hash').execute();
      for (const r of rows) {
        out.push({ namesHash: r.names_hash, ...(r.display_name !== null ? { displayName: r.display_name } : {}), ...(r.handle !== null ? { handle: r.handle } : {}) });
      }
    }
    return out;
  }

  async accountsWithNames(namesHashes: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (let i = 0; i < namesHashes.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('accounts').select('id').where('names_hash', 'in', namesHashes.slice(i, i + IN_BATCH)).execute();
      for (const r of rows) found.push(r.id);
    }
    return found.sort();
  }

  async accountsWithKeys(keys: readonly string[]): Promise<string[]> {
    return this.accountsWithNames((await this.namesWithKeys(keys)).map((n) => n.namesHash));
  }

  async recordsByContent(ids: readonly string[]): Promise<{ record: AccountRecord; ids: string[] }[]> {
    // Grouped by the stored text less its id, so a common name's thousands of accounts cost
    // one JSON.parse, not one each (records are stored with the id first, as putAccount writes them).
    const groups = new Map<string, { text: string; ids: string[] }>();
    for (let i = 0; i < ids.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('accounts').select(['id', 'record']).where('id', 'in', ids.slice(i, i + IN_BATCH)).execute();
      for (const r of rows) {
        const prefix = `{"id":${JSON.stringify(r.id)}`;
        let content: string;
        if (r.record.startsWith(prefix)) content = r.record.slice(prefix.length);
        else {
          const { id: _id, ...rest } = JSON.parse(r.record) as AccountRecord;
          content = `\u0000${JSON.stringify(rest)}`;
        }
        const group = groups.get(content);
        if (group) group.ids.push(r.id);
        else groups.set(content, { text: r.record, ids: [r.id] });
      }
    }
    return [...groups.values()].map((g) => ({ record: JSON.parse(g.text) as AccountRecord, ids: g.ids }));
  }

  async accountsMatching(entityIds: readonly string[], statuses?: readonly MatchStatus[]): Promise<string[]> {
    const found = new Set<string>();
    for (let i = 0; i < entityIds.length; i += IN_BATCH) {
      let query = this.db.selectFrom('matches').select('account_id').distinct().where('entity_id', 'in', entityIds.slice(i, i + IN_BATCH));
      if (statuses) query = query.where('status', 'in', statuses.length > 0 ? statuses : ['']);
      const rows = await query.execute();
      for (const r of rows) found.add(r.account_id);
    }
    return [...found].sort();
  }

  async recordSweep(sweep: Sweep): Promise<void> {
    const row = { version_id: sweep.versionId, started_at: sweep.startedAt, finished_at: sweep.finishedAt, accounts: sweep.accounts, opened: sweep.opened, delisted: sweep.delisted };
    const { version_id: _v, ...changes } = row;
    await this.db.insertInto('sweeps').values(row).onConflict((oc) => oc.column('version_id').doUpdateSet(changes)).execute();
  }

  async coverage(versionIds: readonly string[]): Promise<VersionCoverage[]> {
    const total = Number((await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const out: VersionCoverage[] = [];
    for (const versionId of versionIds) {
      const cutoff = await this.sweepStart(versionId);
      const row = await this.db
        .selectFrom('accounts as a')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) => coveredBy(eb, versionId, cutoff))
        .executeTakeFirst();
      out.push({ versionId, accounts: total, screened: Number(row?.n ?? 0) });
    }
    return out;
  }

  async unscreened(versionId: string, limit: number): Promise<string[]> {
    const cutoff = await this.sweepStart(versionId);
    const rows = await this.db
      .selectFrom('accounts as a')
      .select('a.id')
      .where((eb) => eb.not(coveredBy(eb, versionId, cutoff)))
      .orderBy('a.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async restorationQueue(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('accounts as a')
      .select('a.id')
      .where('a.state', '=', 'suspended')
      .where(({ exists, selectFrom }) => exists(selectFrom('matches as m').select('m.id').whereRef('m.account_id', '=', 'a.id').where('m.status', '=', 'delisted')))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('matches as c').select('c.id').whereRef('c.account_id', '=', 'a.id').where('c.status', '=', 'confirmed'))))
      .orderBy('a.updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  private async sweepStart(versionId: string): Promise<string> {
    const sweep = await this.db.selectFrom('sweeps').select('started_at').where('version_id', '=', versionId).executeTakeFirst();
    return sweep?.started_at ?? '';
  }

  async actionsOf(accountId: string): Promise<EnforcementAction[]> {
    const rows = await this.db.selectFrom('enforcement_actions').selectAll().where('account_id', '=', accountId).orderBy('at').orderBy('id').execute();
    return rows.map(fromActionRow);
  }

  async queue(status: MatchStatus, page: { limit: number; after?: { priority: number; id: string } }, filter: QueueFilter = {}): Promise<StoredMatch[]> {
    let q = this.db.selectFrom('matches').selectAll().where('status', '=', status);
    if (filter.source) q = q.where('source', '=', filter.source);
    if (filter.program) q = q.where('programs', 'like', `%|${filter.program.replace(/[%_|\\]/g, '')}|%`);
    if (filter.minScore !== undefined) q = q.where('score', '>=', filter.minScore);
    if (filter.script) q = q.where('script', '=', filter.script);
    const after = page.after;
    if (after) q = q.where((eb) => eb.or([eb('priority', '<', after.priority), eb.and([eb('priority', '=', after.priority), eb('id', '>', after.id)])]));
    const rows = await q.orderBy('priority', 'desc').orderBy('id').limit(page.limit).execute();
    return rows.map(fromMatchRow);
  }

  async match(id: string): Promise<StoredMatch | undefined> {
    const row = await this.db.selectFrom('matches').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromMatchRow(row) : undefined;
  }

  async deliveriesOf(accountId: string): Promise<AccountDelivery[]> {
    // A delivery's id is `<action id>.<webhook id>`.
    const rows = await this.db
      .selectFrom('enforcement_actions as x')
      .innerJoin('webhook_deliveries as d', (j) => j.on(sql<boolean>`d.id = x.id || '.' || d.webhook_id`))
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'x.id as action_id', 'd.event_type', 'w.url', 'd.status', 'd.attempts', 'd.delivered_at', 'd.last_error', 'd.created_at'])
      .where('x.account_id', '=', accountId)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      actionId: r.action_id,
      eventType: r.event_type,
      url: r.url,
      status: r.status,
      attempts: Number(r.attempts),
      ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}),
      ...(r.last_error ? { lastError: r.last_error } : {}),
    }));
  }

  async linkedAccounts(accountId: string, limit: number): Promise<{ id: string; via: string; state: AccountState }[]> {
    const account = await readAccount(this.db, accountId, false, this.dialect);
    if (!account) return [];
    const probes: { via: string; text: string }[] = [];
    if (account.links.email) probes.push({ via: 'email', text: `%"email":${JSON.stringify(account.links.email)}%` });
    if (account.links.phone) probes.push({ via: 'phone', text: `%"phone":${JSON.stringify(account.links.phone)}%` });
    for (const d of account.links.devices ?? []) probes.push({ via: 'device', text: `%${JSON.stringify(d)}%` });
    const out = new Map<string, { id: string; via: string; state: AccountState }>();
    for (const p of probes) {
      if (out.size >= limit) break;
      const rows = await this.db.selectFrom('accounts').select(['id', 'state']).where('links', 'like', p.text).where('id', '!=', accountId).orderBy('id').limit(limit).execute();
      for (const r of rows) if (!out.has(r.id) && out.size < limit) out.set(r.id, { id: r.id, via: p.via, state: r.state as AccountState });
    }
    return [...out.values()];
  }
}

class KyselyEnforcementTx implements EnforcementTx {
  /** The chain's end after this transaction's last audit event. */
  private chainEnd: ChainEnd | undefined;
  /** The policy in force, read once per transaction (only setPolicy changes it, in its own). */
  private policyInForce: EnforcementPolicy | undefined;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** After a rollback to a savepoint: what was read or written since may be gone. */
  forget(): void {
    this.chainEnd = undefined;
    this.policyInForce = undefined;
  }

  account(id: string): Promise<StoredAccount | undefined> {
    return readAccount(this.trx, id, true, this.dialect);
  }

  async putAccount(a: StoredAccount): Promise<void> {
    const row: AccountsTable = {
      id: a.record.id,
      record: JSON.stringify(a.record),
      links: JSON.stringify(a.links),
      followers: a.followers,
      names_hash: a.namesHash,
      state: a.state,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    };
    await this.trx.executeQuery(insertRows(this.dialect, 'accounts', ACCOUNT_COLUMNS, [ACCOUNT_COLUMNS.map((c) => row[c])], ACCOUNT_UPSERT));
  }

  matchesOf(accountId: string): Promise<StoredMatch[]> {
    return readMatches(this.trx, accountId);
  }

  async match(id: string): Promise<StoredMatch | undefined> {
    const row = await this.trx.selectFrom('matches').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromMatchRow(row) : undefined;
  }

  async putMatch(m: StoredMatch, programs?: readonly string[]): Promise<void> {
    const entityPrograms = programs ?? programsOf((await activeEntityData(this.trx, m.entityId))?.data);
    const row: Record<string, unknown> = { ...toMatchRow(m), ...filterColumns(m.entityId, String(m.explanation.queryText ?? ''), entityPrograms) };
    await this.trx.executeQuery(insertRows(this.dialect, 'matches', MATCH_COLUMNS, [MATCH_COLUMNS.map((c) => row[c] ?? null)], MATCH_UPSERT));
  }

  /** Stores the action and, in the same transaction, one outbox delivery per active webhook. */
  async addAction(a: EnforcementAction): Promise<void> {
    const row: EnforcementActionsTable = { id: a.id, account_id: a.accountId, action: a.action, at: a.at, actor: a.actor, reason: a.reason, entities: JSON.stringify(a.entities) };
    await this.trx.insertInto('enforcement_actions').values(row).execute();
    const hooks = await this.trx.selectFrom('webhooks').select('id').where('active', '=', 1).execute();
    if (hooks.length === 0) return;
    const body = JSON.stringify({ id: a.id, type: a.action, accountId: a.accountId, entities: a.entities, reason: a.reason, actor: a.actor, at: a.at });
    await this.trx
      .insertInto('webhook_deliveries')
      .values(
        hooks.map((h) => ({
          id: `${a.id}.${h.id}`,
          webhook_id: h.id,
          event_type: a.action,
          body,
          status: 'pending',
          attempts: 0,
          next_attempt_at: a.at,
          last_error: null,
          created_at: a.at,
          delivered_at: null,
        })),
      )
      .execute();
  }

  async audit(entry: Parameters<EnforcementTx['audit']>[0], at: Date): ReturnType<EnforcementTx['audit']> {
    const event = await appendAuditEvent(this.trx, this.dialect, entry, at, this.chainEnd);
    this.chainEnd = { seq: event.seq, hash: event.hash };
    return event;
  }

  async policy(): Promise<EnforcementPolicy> {
    this.policyInForce ??= await readPolicy(this.trx);
    return this.policyInForce;
  }

  async setNameKeys(namesHash: string, names: AccountNames, stored: StoredKeys): Promise<void> {
    // The name once, marked with the algorithm that made its keys. A name this algorithm keyed
    // already has these keys (they follow from its text), unless it is cut with the listed
    // parts (a handle, a run-together name): then the keys of its reading now are added.
    const marked = await this.trx.executeQuery(
      insertRows(this.dialect, 'account_names', ['names_hash', 'display_name', 'handle', 'keyed_by'], [[namesHash, names.displayName ?? null, names.handle ?? null, stored.keyedBy]], {
        columns: ['names_hash'],
        update: ['keyed_by'],
        returning: ['names_hash'],
        whenChanged: true,
      }),
    );
    if (marked.rows.length === 0 && stored.cuts.length === 0) return;
    const unique = [...new Set(stored.keys)];
    for (let i = 0; i < unique.length; i += IN_BATCH) {
      await this.trx.executeQuery(insertRows(this.dialect, 'name_keys', ['key', 'names_hash'], unique.slice(i, i + IN_BATCH).map((key) => [key, namesHash]), { columns: ['key', 'names_hash'], update: [] }));
    }
    for (let i = 0; i < stored.cuts.length; i += IN_BATCH) {
      await this.trx.executeQuery(insertRows(this.dialect, 'name_cuts', ['cut', 'names_hash'], stored.cuts.slice(i, i + IN_BATCH).map((cut) => [cut, namesHash]), { columns: ['cut', 'names_hash'], update: [] }));
    }
    // Shared by every name with the key, and never removed (a variant of a key no name
    // holds any more meets nobody): most names' variants are there already, so this writes none.
    for (let i = 0; i < stored.variants.length; i += IN_BATCH) {
      await this.trx.executeQuery(insertRows(this.dialect, 'key_variants', ['variant', 'key'], stored.variants.slice(i, i + IN_BATCH), { columns: ['variant', 'key'], update: [] }));
    }
  }

  async recordScreening(accountId: string, versionIds: readonly string[], at: string): Promise<void> {
    if (versionIds.length === 0) return;
    const rows = versionIds.map((versionId) => [accountId, versionId, at]);
    await this.trx.executeQuery(
      insertRows(this.dialect, 'account_screenings', ['account_id', 'version_id', 'screened_at'], rows, { columns: ['version_id', 'account_id'], update: ['screened_at'] }),
    );
  }
}

const ACCOUNT_COLUMNS = ['id', 'record', 'links', 'followers', 'names_hash', 'state', 'created_at', 'updated_at'] as const;
/** An upsert keeps the row's id and creation time. */
const ACCOUNT_UPSERT = { columns: ['id'], update: ACCOUNT_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at') };
const MATCH_COLUMNS = [
  'id', 'account_id', 'entity_id', 'score', 'algorithm', 'threshold', 'list_versions', 'explanation', 'status', 'names_hash', 'entity_hash', 'priority',
  'confirmed_by', 'decided_by', 'decided_at', 'reason', 'created_at', 'updated_at', 'source', 'programs', 'script',
] as const;
/** An upsert keeps the match's id, its pair and its creation time. */
const MATCH_UPSERT = { columns: ['id'], update: MATCH_COLUMNS.filter((c) => !['id', 'account_id', 'entity_id', 'created_at'].includes(c)) };

/** The first key of the two-key advisory locks on account ids (PostgreSQL). */
const ACCOUNT_LOCK_CLASS = 17;

/** A transaction waiting for a group commit. */
interface Waiting {
  readonly work: (tx: EnforcementTx) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

/** At most this many transactions share one commit (bounds the wait of the last one). */
const GROUP_COMMIT_MAX = 64;

/** Rows per IN list or multi-row insert. */
const IN_BATCH = 500;
/** Prefix ranges per query (`namesCutWith`): two parameters each. */
const RANGE_BATCH = 100;

/** The entity record (JSON) an active list version holds for this id, if any. */
export async function activeEntityData(db: Db, entityId: string): Promise<{ data: string } | undefined> {
  return db
    .selectFrom('version_entities as ve')
    .innerJoin('entity_records as r', 'r.hash', 've.hash')
    .select('r.data')
    .where('ve.version_id', 'in', (eb) => eb.selectFrom('list_versions').select('id').where('status', '=', 'active'))
    .where('ve.entity_id', '=', entityId)
    .executeTakeFirst();
}

/** The programs an entity record (JSON) lists; none when there is no record. */
function programsOf(entityJson: string | undefined): string[] {
  if (!entityJson) return [];
  const p = (JSON.parse(entityJson) as { programs?: unknown }).programs;
  return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : [];
}

/** An account is covered by a version if screened against it, or unchanged since its sweep began. */
function coveredBy(eb: ExpressionBuilder<Database & { a: AccountsTable }, 'a'>, versionId: string, sweepStart: string) {
  return eb.or([
    eb.exists(eb.selectFrom('account_screenings as s').select('s.account_id').whereRef('s.account_id', '=', 'a.id').where('s.version_id', '=', versionId)),
    eb('a.updated_at', '<=', sweepStart),
  ]);
}

async function readPolicy(db: Db): Promise<EnforcementPolicy> {
  const row = await db.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? { version: Number(row.version), ...(JSON.parse(row.rules) as PolicyBody) } : DEFAULT_POLICY;
}

/**
 * Reads an account; `forUpdate` (in a transaction) also locks it to the transaction's end. On
 * PostgreSQL a row lock cannot lock an account that does not exist yet, so a transaction-scoped
 * advisory lock on the id (the two-key form, apart from the audit chain's one-key lock)
 * serialises two upserts creating the same account: the second then finds the first's row.
 * SQLite runs one write transaction at a time.
 */
async function readAccount(db: Db, id: string, forUpdate: boolean, dialect: DialectName): Promise<StoredAccount | undefined> {
  if (forUpdate && dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}, hashtext(${id}))`.execute(db);
  let q = db.selectFrom('accounts').selectAll().where('id', '=', id);
  if (forUpdate && dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return {
    record: JSON.parse(row.record) as AccountRecord,
    links: JSON.parse(row.links) as StoredAccount['links'],
    followers: Number(row.followers),
    namesHash: row.names_hash,
    state: row.state as AccountState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function readMatches(db: Db, accountId: string): Promise<StoredMatch[]> {
  const rows = await db.selectFrom('matches').selectAll().where('account_id', '=', accountId).orderBy('score', 'desc').orderBy('id').execute();
  return rows.map(fromMatchRow);
}

function toMatchRow(m: StoredMatch): Insertable<MatchesTable> {
  return {
    id: m.id,
    account_id: m.accountId,
    entity_id: m.entityId,
    score: m.score,
    algorithm: m.algorithm,
    threshold: m.threshold,
    list_versions: JSON.stringify(m.listVersions),
    explanation: JSON.stringify(m.explanation),
    status: m.status,
    names_hash: m.namesHash,
    entity_hash: m.entityHash,
    priority: m.priority,
    confirmed_by: m.confirmedBy ?? null,
    decided_by: m.decidedBy ?? null,
    decided_at: m.decidedAt ?? null,
    reason: m.reason ?? null,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

function fromMatchRow(r: Selectable<MatchesTable>): StoredMatch {
  return {
    id: r.id,
    accountId: r.account_id,
    entityId: r.entity_id,
    score: Number(r.score),
    algorithm: r.algorithm,
    threshold: Number(r.threshold),
    listVersions: JSON.parse(r.list_versions) as string[],
    explanation: JSON.parse(r.explanation) as MatchExplanation,
    status: r.status as MatchStatus,
    namesHash: r.names_hash,
    entityHash: r.entity_hash,
    priority: Number(r.priority),
    ...(r.confirmed_by ? { confirmedBy: r.confirmed_by } : {}),
    ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function fromActionRow(r: Selectable<EnforcementActionsTable>): EnforcementAction {
  return {
    id: r.id,
    accountId: r.account_id,
    action: r.action as EnforcementAction['action'],
    at: r.at,
    actor: r.actor,
    reason: r.reason,
    entities: JSON.parse(r.entities) as string[],
  };
}
