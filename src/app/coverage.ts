import type { EnforcementStore, ListVersion } from './ports.js';

/** Coverage of one active list version. */
export interface CoverageRow {
  readonly versionId: string;
  readonly source: string;
  readonly accounts: number;
  readonly screened: number;
  /** screened / accounts (1 when there are no accounts). */
  readonly share: number;
  /** Some of the accounts not yet screened against it (the gaps to close). */
  readonly unscreened: readonly string[];
}

/**
 * For each active list version, the share of accounts screened against it (directly, or
 * unchanged since the version's sweep began) and a sample of the accounts not yet screened:
 * "every account screened against today's lists", or exactly where it is not.
 */
export async function coverage(
  deps: { enforcementStore: EnforcementStore },
  activeVersions: readonly ListVersion[],
  sample = 20,
): Promise<CoverageRow[]> {
  const rows = await deps.enforcementStore.coverage(activeVersions.map((v) => v.id));
  return Promise.all(
    rows.map(async (r, i) => ({
      versionId: r.versionId,
      source: activeVersions[i]!.source,
      accounts: r.accounts,
      screened: r.screened,
      share: r.accounts === 0 ? 1 : r.screened / r.accounts,
      unscreened: r.screened < r.accounts ? await deps.enforcementStore.unscreened(r.versionId, sample) : [],
    })),
  );
}
