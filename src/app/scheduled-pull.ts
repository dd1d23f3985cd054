import type { MatchIndex } from '../domain/matching/match-types.js';
import type { IngestOptions } from './ingest-list.js';
import type { AuditStore, Clock, EnforcementStore, ListStore } from './ports.js';
import { pullLists, type ListDownloader, type PullOutcome } from './pull-lists.js';
import { sweepListVersion } from './sweep-list-version.js';

/** The last pull of a source, as the API and metrics show it. */
export interface PullStatus {
  readonly source: string;
  readonly status: PullOutcome['status'];
  readonly at: string;
  readonly versionId?: string;
  readonly message?: string;
}

/**
 * One scheduled pull: downloads the sources through the same validation as an import, and
 * sweeps every version that landed over the stored accounts (with an index that includes it).
 * A rejected or unreachable feed changes nothing and is reported as an alert.
 */
export async function pullAndSweep(
  deps: {
    listStore: ListStore;
    auditStore: AuditStore;
    enforcementStore: EnforcementStore;
    downloader: ListDownloader;
    clock: Clock;
    /** Rebuilds the process's index from the active versions and returns it. */
    refreshIndex(): Promise<{ index: MatchIndex; versionIds: readonly string[] }>;
  },
  sources: readonly string[],
  options: IngestOptions = {},
): Promise<PullStatus[]> {
  const outcomes = await pullLists(deps, sources, { ...options, actor: options.actor ?? 'schedule' });
  const statuses: PullStatus[] = [];
  for (const o of outcomes) {
    const at = deps.clock.now().toISOString();
    if (!('result' in o)) {
      statuses.push({ source: o.source, status: o.status, at, message: o.error.message });
      continue;
    }
    statuses.push({ source: o.source, status: o.status, at, versionId: o.result.version.id });
    if (o.status !== 'created' || !(await deps.enforcementStore.hasAccounts())) continue;
    const { index, versionIds } = await deps.refreshIndex();
    await sweepListVersion({ ...deps, matchIndex: index, listVersions: versionIds }, o.result.version.id);
  }
  return statuses;
}
