import type { ApiKeyStore, AuditStore, Clock, EnforcementStore, JobStore, ListStore, SessionStore } from '../../app/ports.js';
import type { PullStatus } from '../../app/scheduled-pull.js';
import type { MatchIndex } from '../../domain/matching/match-types.js';
import type { Registry } from 'prom-client';

/** What the HTTP app needs, handed in by the composition root. */
export interface HttpDeps {
  readonly apiKeyStore: ApiKeyStore;
  /** Console sessions (sign-in with a key, then a cookie). */
  readonly sessionStore: SessionStore;
  readonly listStore: ListStore;
  readonly auditStore: AuditStore;
  readonly enforcementStore: EnforcementStore;
  readonly jobStore: JobStore;
  /** The last scheduled pull of each source (alerts: rejected or unreachable feeds). */
  pullStatus(): readonly PullStatus[];
  /** Wakes the job runner (a bulk request was just accepted). */
  kickJobs(): void;
  readonly clock: Clock;
  /** The ids of the list versions the current match index was built from. */
  listVersionIds(): readonly string[];
  /** The current match index (it is swapped when a new list version lands). */
  matchIndex(): MatchIndex;
  readonly metrics: Registry;
  /** Whether the service is ready to answer (the index is built). */
  isReady(): boolean;
}
