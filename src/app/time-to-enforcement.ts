import type { EnforcementStore, ListStore, ListVersion } from './ports.js';

/** The stages from a designation to the platform acting on it. */
export const STAGES = Object.freeze(['publicationToImport', 'importToMatch', 'matchToDecision', 'decisionToDelivery', 'total'] as const);

/** A stage of time to enforcement. */
export type Stage = (typeof STAGES)[number];

/** Percentiles of one stage for one source, in seconds. */
export interface StagePercentiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/** Time to enforcement of one source: every stage's percentiles. */
export interface SourceTimes {
  readonly source: string;
  readonly suspensions: number;
  readonly stages: Readonly<Partial<Record<Stage, StagePercentiles>>>;
}

/**
 * How long designations took to become enforcement, per source: list publication → import →
 * match → decision → webhook delivered, each as percentiles in seconds, and the total from
 * when Warden could first have known (the import, or the account's creation if later) to
 * delivery (or decision when no webhook is configured). "Designated Wednesday, disabled
 * Friday" becomes a number that is watched.
 */
export async function timeToEnforcement(deps: { enforcementStore: EnforcementStore; listStore: ListStore }): Promise<SourceTimes[]> {
  const suspensions = await deps.enforcementStore.suspensionTimes();
  const versionsBySource = new Map<string, ListVersion[]>();
  const versionOf = async (versionId: string): Promise<ListVersion | undefined> => {
    const source = versionId.slice(0, versionId.lastIndexOf('@'));
    if (!versionsBySource.has(source)) versionsBySource.set(source, await deps.listStore.versions(source));
    return versionsBySource.get(source)!.find((v) => v.id === versionId);
  };
  const samples = new Map<string, Map<Stage, number[]>>();
  const add = (source: string, stage: Stage, seconds: number | undefined): void => {
    if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return;
    const bySource = samples.get(source) ?? new Map<Stage, number[]>();
    samples.set(source, bySource);
    bySource.set(stage, [...(bySource.get(stage) ?? []), seconds]);
  };
  const ms = (iso: string | undefined): number | undefined => (iso ? Date.parse(iso) : undefined);
  const diff = (from: number | undefined, to: number | undefined): number | undefined => (from === undefined || to === undefined ? undefined : (to - from) / 1000);
  for (const s of suspensions) {
    let version: ListVersion | undefined;
    for (const id of s.listVersions) {
      const v = await versionOf(id);
      if (v && s.entityId.startsWith(`${v.source}:`)) version = v;
    }
    const source = version?.source ?? s.entityId.split(':')[0] ?? 'unknown';
    const imported = ms(version?.importedAt);
    const knowable = Math.max(imported ?? 0, ms(s.accountCreatedAt) ?? 0);
    const published = version?.publishedAt ? ms(`${version.publishedAt}T00:00:00Z`) : undefined;
    add(source, 'publicationToImport', diff(published, imported));
    add(source, 'importToMatch', diff(knowable, ms(s.matchCreatedAt)));
    add(source, 'matchToDecision', diff(ms(s.matchCreatedAt), ms(s.decidedAt)));
    add(source, 'decisionToDelivery', diff(ms(s.decidedAt), ms(s.deliveredAt)));
    add(source, 'total', diff(knowable, ms(s.deliveredAt ?? s.decidedAt)));
  }
  return [...samples.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([source, stages]) => ({
      source,
      suspensions: stages.get('total')?.length ?? 0,
      stages: Object.fromEntries([...stages.entries()].map(([stage, values]) => [stage, percentiles(values)])),
    }));
}

function percentiles(values: readonly number[]): StagePercentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return { count: sorted.length, p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)) };
}
