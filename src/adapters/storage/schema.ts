/**
 * The one database schema, as Kysely sees it. SQLite and PostgreSQL share it; JSON values
 * are stored as text so both dialects read them the same way. These row types never leave
 * `adapters/storage/`.
 */
import type { Generated } from 'kysely';
export interface ListVersionsTable {
  id: string;
  source: string;
  seq: number;
  status: 'active' | 'superseded';
  format: string;
  content_hash: string;
  files: string;
  published_at: string | null;
  imported_at: string;
  entity_count: number;
  added: number;
  removed: number;
  changed: number;
  warning_count: number;
  warnings: string;
}

export interface EntityRecordsTable {
  hash: string;
  entity_id: string;
  data: string;
}

export interface VersionEntitiesTable {
  version_id: string;
  entity_id: string;
  hash: string;
}

export interface VersionChangesTable {
  version_id: string;
  entity_id: string;
  change: 'added' | 'removed' | 'changed';
  fields: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AccountsTable {
  id: string;
  record: string;
  links: string;
  followers: number;
  names_hash: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface MatchesTable {
  id: string;
  account_id: string;
  entity_id: string;
  score: number;
  algorithm: string;
  threshold: number;
  list_versions: string;
  explanation: string;
  status: string;
  names_hash: string;
  entity_hash: string;
  priority: number;
  confirmed_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
  /** Queue filter columns (migration 009; see match-filter-columns.ts). */
  source: Generated<string>;
  programs: Generated<string>;
  script: Generated<string>;
}

export interface EnforcementActionsTable {
  id: string;
  account_id: string;
  action: string;
  at: string;
  actor: string;
  reason: string;
  entities: string;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  created_at: string;
  active: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  actor: string;
  total: number;
  invalid: string;
  created_at: string;
  finished_at: string | null;
}

export interface JobItemsTable {
  job_id: string;
  line: number;
  payload: string;
  done: number;
}

export interface PoliciesTable {
  version: number;
  rules: string;
  actor: string;
  created_at: string;
}

/** A blocking key of a name (the account key index): every account with that names hash holds it. */
export interface NameKeysTable {
  key: string;
  names_hash: string;
}

/** A suffix of a word screening cuts with the known name parts, for a distinct name (`StoredKeys.cuts`). */
export interface NameCutsTable {
  cut: string;
  names_hash: string;
}

/** A distinct name accounts bear (display name and handle), by its hash (`accounts.names_hash`). */
export interface AccountNamesTable {
  names_hash: string;
  display_name: string | null;
  handle: string | null;
  /** The algorithm (name@version) whose keys the name holds; null before migration 013. */
  keyed_by: string | null;
}

/** A typo key's spelling variant (less one letter), shared by every account with the key. */
export interface KeyVariantsTable {
  variant: string;
  key: string;
}

export interface AccountScreeningsTable {
  account_id: string;
  version_id: string;
  screened_at: string;
}

export interface SweepsTable {
  version_id: string;
  started_at: string;
  finished_at: string;
  accounts: number;
  opened: number;
  delisted: number;
}

export interface SessionsTable {
  id_hash: string;
  key_id: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  sessions: SessionsTable;
  name_keys: NameKeysTable;
  account_names: AccountNamesTable;
  name_cuts: NameCutsTable;
  key_variants: KeyVariantsTable;
  account_screenings: AccountScreeningsTable;
  sweeps: SweepsTable;
  policies: PoliciesTable;
  jobs: JobsTable;
  job_items: JobItemsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  accounts: AccountsTable;
  matches: MatchesTable;
  enforcement_actions: EnforcementActionsTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  list_versions: ListVersionsTable;
  entity_records: EntityRecordsTable;
  version_entities: VersionEntitiesTable;
  version_changes: VersionChangesTable;
}
