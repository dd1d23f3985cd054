import type { AuditEntry, AuditEvent } from '../domain/audit/audit-event.js';
import type { Role } from '../domain/access/permissions.js';
import type { AccountRecord } from '../domain/accounts/account.js';
import type { AccountState, MatchFacts, MatchStatus } from '../domain/enforcement/enforcement.js';
import type { EnforcementPolicy, PolicyBody } from '../domain/enforcement/policy.js';
import type { Entity, EntityField } from '../domain/entities/entity.js';
import type { AccountNames, MatchExplanation, StoredKeys } from '../domain/matching/match-types.js';

/**
 * The interfaces the use cases need from technology. Adapters implement them; only the
 * composition roots in `main/` choose which implementation a process gets.
 */

/** One file that went into a list version, for provenance. */
export interface VersionFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** An immutable snapshot of one source, and the counts of its diff against the version before. */
export interface ListVersion {
  /** `<source>@<seq>`, e.g. `ofac-sdn@3`. */
  readonly id: string;
  readonly source: string;
  /** 1, 2, 3... per source, in import order. */
  readonly seq: number;
  readonly status: 'active' | 'superseded';
  readonly format: string;
  /** SHA-256 over the sorted (entity id, entity hash) pairs: equal content, equal hash. */
  readonly contentHash: string;
  readonly files: readonly VersionFile[];
  /** The publication date the list states, `YYYY-MM-DD`, where it states one. */
  readonly publishedAt?: string;
  /** ISO timestamp of the import. */
  readonly importedAt: string;
  readonly entityCount: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  /** Problems that did not reject the feed; the first ones are kept verbatim. */
  readonly warningCount: number;
  readonly warnings: readonly string[];
}

/** What a new version records besides its entities. */
export type NewVersion = Omit<ListVersion, 'id' | 'source' | 'seq' | 'status'>;

/** An entity together with its canonical JSON and the hash of it. */
export interface HashedEntity {
  readonly entity: Entity;
  readonly json: string;
  readonly hash: string;
}

/**
 * How one entity differs between two versions of a source. `before` and `after` are given
 * for `changed` entities only (added and removed ones are named by id).
 */
export interface EntityDelta {
  readonly entityId: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: Entity;
  readonly after?: Entity;
}

/** A stored diff row: which entity changed how, and for `changed`, which fields. */
export interface EntityChange {
  readonly entityId: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly fields: readonly EntityField[];
}

/**
 * A version being written. It lives inside one storage transaction: until `commit` is
 * called nothing is visible to anyone else, and if the work fails or ends without a
 * commit, everything added is rolled back.
 */
export interface VersionDraft {
  /** The version that is active now, which the draft is compared with. */
  readonly previous?: ListVersion;
  /**
   * Stores a batch of the new version's entities. An id the draft already holds (or that the
   * batch repeats) is not stored again: the first one stays, and the repeats' ids are returned.
   */
  add(entities: readonly HashedEntity[]): Promise<string[]>;
  /** How many entities were added so far. */
  count(): Promise<number>;
  /** The content hash of what was added (see ListVersion.contentHash). */
  contentHash(): Promise<string>;
  /** The differences against `previous` (all `added` when there is none): added, removed, changed, each in id order. */
  deltas(): AsyncIterable<EntityDelta>;
  /** Stores a batch of diff rows for the new version. */
  recordChanges(changes: readonly EntityChange[]): Promise<void>;
  /**
   * Makes the draft the active version of its source (the previous one is superseded) and
   * appends `audit` to the audit log, in the same transaction.
   */
  commit(meta: NewVersion, audit: AuditEntry): Promise<ListVersion>;
}

/** Where an entity was found: the version it came from and whether that version is active. */
export interface StoredEntityRecord {
  readonly entity: Entity;
  readonly version: ListVersion;
  /** False when the entity is in no active version any more (it was removed from its list). */
  readonly isListed: boolean;
}

/** Persistence of list versions, their entities and their diffs. */
export interface ListStore {
  /**
   * Runs `work` with a draft of a new version of `source`, in one transaction. Returns what
   * `work` returns; rolls everything back when `work` throws or does not commit.
   */
  draftVersion<T>(source: string, work: (draft: VersionDraft) => Promise<T>): Promise<T>;
  /** The active version of every source. */
  activeVersions(): Promise<ListVersion[]>;
  /** Every version of a source, oldest first. */
  versions(source: string): Promise<ListVersion[]>;
  /** The stored diff rows of a version against the one before it, in entity id order (none for a first version). */
  changes(versionId: string): Promise<EntityChange[]>;
  /** The differences between any two versions of one source (`from` absent: everything added). */
  deltas(fromVersionId: string | undefined, toVersionId: string): AsyncIterable<EntityDelta>;
  /** An entity by id, from an active version, or else from the newest version that held it. */
  entity(id: string): Promise<StoredEntityRecord | undefined>;
  /** These entities as one version holds them (ids it does not hold are left out). */
  entitiesOf(versionId: string, ids: readonly string[]): Promise<Entity[]>;
  /** Every entity of a version, in id order (streams). */
  entities(versionId: string): AsyncIterable<Entity>;
}

/** The time, injectable so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** What a feed reports while its entities are read. */
export interface FeedContext {
  /** A problem that does not reject the feed. */
  warn(message: string): void;
  /** The publication date the feed states, `YYYY-MM-DD`. */
  setPublishedAt(date: string): void;
}

/**
 * One list publication ready to be read: its format recognised, its source known, its files
 * fingerprinted. Reading `entities` throws a ListRejectedError when the content is bad.
 */
export interface ListFeed {
  readonly source: string;
  readonly format: string;
  /** The file errors about the feed as a whole name (the primary file). */
  readonly name: string;
  readonly files: readonly VersionFile[];
  entities(ctx: FeedContext): AsyncIterable<Entity>;
}

/** Which audit events to read. */
export interface AuditFilter {
  readonly subject?: string;
  readonly actor?: string;
  /** Only events after this seq (for paging). */
  readonly afterSeq?: number;
  readonly limit?: number;
}

/** The append-only audit log. Nothing in Warden updates or deletes its events. */
export interface AuditStore {
  /** Appends an event at the end of the chain (serialised against concurrent appends). */
  append(entry: AuditEntry, at: Date): Promise<AuditEvent>;
  /** Events in seq order. */
  events(filter?: AuditFilter): Promise<AuditEvent[]>;
}

/** An API key as stored: never the key itself. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly keyHash: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** Persistence of API keys. */
export interface ApiKeyStore {
  /** Stores a new key and appends `audit` to the audit log in the same transaction. */
  create(record: ApiKeyRecord, audit: AuditEntry): Promise<void>;
  /** The key with this hash, if it exists and is not revoked. */
  findActiveByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
}

/** A browser session (console sign-in): only the hash of its id is stored. */
export interface SessionRecord {
  readonly idHash: string;
  readonly keyId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Persistence of browser sessions. */
export interface SessionStore {
  /** Stores a session and appends `audit` in the same transaction (expired sessions are dropped). */
  create(session: SessionRecord, audit: AuditEntry): Promise<void>;
  /** The session with this id hash and its key, when it has not expired (at `now`) and the key is not revoked. */
  find(idHash: string, now: string): Promise<{ session: SessionRecord; key: ApiKeyRecord } | undefined>;
  delete(idHash: string): Promise<void>;
}

/** Hashed link identifiers a platform sends with an account (never the raw values). */
export interface AccountLinks {
  readonly email?: string;
  readonly phone?: string;
  readonly devices?: readonly string[];
}

/** An account as Warden stores it. */
export interface StoredAccount {
  readonly record: AccountRecord;
  readonly links: AccountLinks;
  readonly followers: number;
  /**
   * Hash of the account's name fields (display name and handle): a dismissed match reopens
   * when it changes, and the account key index is kept by it.
   */
  readonly namesHash: string;
  readonly state: AccountState;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A name accounts bear, as the account key index keeps it. */
export interface StoredNames extends AccountNames {
  readonly namesHash: string;
}

/** A name found by keys (`namesWithKeys`), with the keys asked for that it holds, itself or as a variant of one of its keys. */
export interface NamesHolding extends StoredNames {
  readonly held: readonly string[];
}

/** A stored match: the screening result plus its review state. */
export interface StoredMatch extends MatchFacts {
  readonly accountId: string;
  readonly score: number;
  readonly algorithm: string;
  readonly threshold: number;
  /** The list versions the index held when the match was scored. */
  readonly listVersions: readonly string[];
  readonly explanation: MatchExplanation;
  readonly namesHash: string;
  /** Hash of the entity record scored: a dismissed match reopens when the entity changes. */
  readonly entityHash: string;
  /** Queue order: higher first (score, reach, program). */
  readonly priority: number;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly reason?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An enforcement action taken on an account. */
export interface EnforcementAction {
  readonly id: string;
  readonly accountId: string;
  readonly action: 'account.suspend' | 'account.restore';
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
  readonly entities: readonly string[];
}

/**
 * One transaction over accounts, matches, actions and the audit log: everything a decision
 * writes lands together or not at all. `account` locks the account's row for the transaction.
 */
export interface EnforcementTx {
  account(id: string): Promise<StoredAccount | undefined>;
  putAccount(account: StoredAccount): Promise<void>;
  matchesOf(accountId: string): Promise<StoredMatch[]>;
  match(id: string): Promise<StoredMatch | undefined>;
  /** Stores a match; `programs`: the entity's programs when the caller has them (else they are read from the active lists). */
  putMatch(match: StoredMatch, programs?: readonly string[]): Promise<void>;
  addAction(action: EnforcementAction): Promise<void>;
  audit(entry: AuditEntry, at: Date): Promise<AuditEvent>;
  /** The enforcement policy in force (DEFAULT_POLICY until one is set). */
  policy(): Promise<EnforcementPolicy>;
  /**
   * Stores a name's blocking keys (the account key index) and the variants of its typo keys
   * (`MatchIndex.storedKeys`), under the names' hash (`StoredAccount.namesHash`): every
   * account bearing that name holds them. Idempotent: keys stored already are kept.
   */
  setNameKeys(namesHash: string, names: AccountNames, keys: StoredKeys): Promise<void>;
  /** Records that the account was screened against these list versions. */
  recordScreening(accountId: string, versionIds: readonly string[], at: string): Promise<void>;
}

/** One completed sweep of a list version over the account base. */
export interface Sweep {
  readonly versionId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly accounts: number;
  readonly opened: number;
  readonly delisted: number;
}

/** The recorded times of one suspension, from its account, match, action and deliveries. */
export interface SuspensionTimes {
  readonly accountId: string;
  readonly entityId: string;
  readonly accountCreatedAt: string;
  readonly matchCreatedAt: string;
  readonly listVersions: readonly string[];
  readonly decidedAt: string;
  /** When the first webhook delivery of the action was accepted, if any. */
  readonly deliveredAt?: string;
}

/** Coverage of one list version: how many accounts were screened against it. */
export interface VersionCoverage {
  readonly versionId: string;
  readonly accounts: number;
  readonly screened: number;
}

/** Persistence of accounts, matches and enforcement actions. */
export interface EnforcementStore {
  transaction<T>(work: (tx: EnforcementTx) => Promise<T>): Promise<T>;
  account(id: string): Promise<StoredAccount | undefined>;
  matchesOf(accountId: string): Promise<StoredMatch[]>;
  actionsOf(accountId: string): Promise<EnforcementAction[]>;
  /** Stores the next policy version, with a `policy.changed` audit event. */
  setPolicy(body: PolicyBody, actor: string, at: Date): Promise<EnforcementPolicy>;
  /** The policy in force. */
  policy(): Promise<EnforcementPolicy>;
  /** Every suspension with the times along its way (for time-to-enforcement). */
  suspensionTimes(): Promise<SuspensionTimes[]>;
  /** Whether any account is stored (a sweep over none is skipped). */
  hasAccounts(): Promise<boolean>;
  /**
   * The names (display name and handle, by hash) whose key index holds any of these keys,
   * itself or as a variant of one of its keys, in hash order, each with those it holds (sorted). A name no account bears any more
   * may be among them (`accountsWithNames` then finds none).
   */
  namesWithKeys(keys: readonly string[]): Promise<NamesHolding[]>;
  /**
   * The names holding a word, among those screening cuts with the known name parts
   * (`StoredKeys.cuts`), that has one of these parts in it, in hash order.
   */
  namesCutWith(parts: readonly string[]): Promise<StoredNames[]>;
  /** The accounts bearing any of these names (by `namesHash`), in id order. */
  accountsWithNames(namesHashes: readonly string[]): Promise<string[]>;
  /** `accountsWithNames` of `namesWithKeys`: the accounts holding any of these keys. */
  accountsWithKeys(keys: readonly string[]): Promise<string[]>;
  /**
   * The records of these accounts (those that exist), read in batches, grouped: the accounts of
   * a group have the same record but for its id (`record` is the first one's).
   */
  recordsByContent(ids: readonly string[]): Promise<{ record: AccountRecord; ids: string[] }[]>;
  /** Accounts with a match to any of these entities: of any status, or of one of `statuses`. */
  accountsMatching(entityIds: readonly string[], statuses?: readonly MatchStatus[]): Promise<string[]>;
  recordSweep(sweep: Sweep): Promise<void>;
  /** Per list version: accounts screened against it directly, or unchanged since its sweep. */
  coverage(versionIds: readonly string[]): Promise<VersionCoverage[]>;
  /** Up to `limit` accounts not covered by a version (the gaps). */
  unscreened(versionId: string, limit: number): Promise<string[]>;
  /** Suspended accounts with a delisted match and no confirmed match left: the restoration queue. */
  restorationQueue(limit: number): Promise<string[]>;
  /**
   * A page of matches with a status, highest priority first; `after` is the last id of the
   * page before. Filters run in the store (source, one program, minimum score, script).
   */
  queue(status: MatchStatus, page: { limit: number; after?: { priority: number; id: string } }, filter?: QueueFilter): Promise<StoredMatch[]>;
  /** One match by id. */
  match(id: string): Promise<StoredMatch | undefined>;
  /** The webhook deliveries of an account's enforcement actions, oldest first. */
  deliveriesOf(accountId: string): Promise<AccountDelivery[]>;
  /** Other accounts sharing a hashed link (email, phone, device) with this one. */
  linkedAccounts(accountId: string, limit: number): Promise<{ id: string; via: string; state: AccountState }[]>;
}

/** What the review queue can be narrowed to. */
export interface QueueFilter {
  readonly source?: string;
  readonly program?: string;
  readonly minScore?: number;
  /** ISO 15924 code of the matched account text (`Latn`, `Cyrl`, `Arab`...). */
  readonly script?: string;
}

/** A webhook delivery as an account page shows it. */
export interface AccountDelivery {
  readonly id: string;
  readonly actionId: string;
  readonly eventType: string;
  readonly url: string;
  readonly status: string;
  readonly attempts: number;
  readonly deliveredAt?: string;
  readonly lastError?: string;
}

/** A platform endpoint that receives enforcement actions. */
export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly createdAt: string;
}

/** One delivery of one event to one webhook. Its id is the idempotency id the receiver sees. */
export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly url: string;
  readonly secret: string;
  readonly eventType: string;
  /** The exact JSON text sent (and signed). */
  readonly body: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly deliveredAt?: string;
}

/** Webhook endpoints and the delivery outbox. */
export interface WebhookStore {
  add(webhook: Webhook, audit: AuditEntry): Promise<void>;
  list(): Promise<Webhook[]>;
  /** Pending deliveries due at `now`, oldest first, claimed so that no other dispatcher sends them now. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDelivery[]>;
  markDelivered(id: string, at: Date): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` undefined gives up (status `failed`). */
  markAttemptFailed(id: string, error: string, nextAttemptAt: Date | undefined): Promise<void>;
  deliveries(filter?: { status?: WebhookDelivery['status']; limit?: number }): Promise<WebhookDelivery[]>;
}

/** A line of a bulk request that was refused before the job started. */
export interface RejectedLine {
  readonly line: number;
  readonly problems: readonly { readonly field: string; readonly message: string }[];
}

/** A durable background job and its progress. */
export interface Job {
  readonly id: string;
  readonly kind: 'accounts.bulk';
  readonly status: 'running' | 'done';
  readonly actor: string;
  /** Items accepted into the job. */
  readonly total: number;
  readonly processed: number;
  readonly invalid: readonly RejectedLine[];
  readonly createdAt: string;
  readonly finishedAt?: string;
}

/** One accepted item of a job: its source line and its JSON payload. */
export interface JobItem {
  readonly line: number;
  readonly payload: string;
}

/** Persistence of jobs: an item, once the job is created, survives any crash until it is done. */
export interface JobStore {
  create(job: Omit<Job, 'processed' | 'status' | 'finishedAt'>, items: readonly JobItem[]): Promise<void>;
  job(id: string): Promise<Job | undefined>;
  /** Jobs not finished (to resume after a restart). */
  unfinished(): Promise<Job[]>;
  pending(jobId: string, limit: number): Promise<JobItem[]>;
  markDone(jobId: string, lines: readonly number[]): Promise<void>;
  finish(jobId: string, at: Date): Promise<void>;
}
