import { randomUUID } from 'node:crypto';
import { applyDesignations } from '../domain/enforcement/enforcement.js';
import type { Entity } from '../domain/entities/entity.js';
import type { MatchIndex } from '../domain/matching/match-types.js';
import type { Clock, EnforcementStore, ListStore, StoredMatch, Sweep } from './ports.js';
import { restoreAccount } from './restore-account.js';
import { upsertAccount } from './upsert-account.js';

/** What a sweep did. */
export interface SweepResult extends Sweep {
  /**
   * Accounts screened again: they share a blocking key with an added or changed entity, and
   * that entity scores at or above the threshold for them (or they had a match to it).
   */
  readonly rescreened: readonly string[];
  /** Accounts whose confirmed matches lost their designation (to restoration review). */
  readonly toRestorationReview: readonly string[];
  /** Of those, the accounts the policy restored without a lead (`autoRestoreOnDelisting`). */
  readonly autoRestored: readonly string[];
}

/**
 * Sweeps a new list version over the account base by reverse screening: the added and changed
 * entities' blocking keys are looked up in the account key index, which keeps keys per
 * distinct name; each such name is tested against the touched entities alone (a small
 * exhaustive index: cheap, and exact because scores depend only on the two names, plus a
 * bounded bonus from the rest of the record), the accounts bearing a name that may match are
 * scored against them, and the ones a touched entity matches, or matched before, are
 * screened again through the upsert path with the new index (matches open, policy applies).
 * So are the accounts whose handle or run-together name is cut differently now that the change
 * listed or unlisted a name part (found by the stored cuts).
 * Removed entities' confirmed matches become `delisted`; their suspended accounts go to the
 * restoration queue, and accounts still matched to another designated entity stay suspended.
 * No other account can gain a match: that is what the keys and the cuts guarantee.
 */
export async function sweepListVersion(
  deps: { listStore: ListStore; enforcementStore: EnforcementStore; matchIndex: MatchIndex; listVersions: readonly string[]; clock: Clock },
  versionId: string,
): Promise<SweepResult> {
  const startedAt = deps.clock.now().toISOString();
  const versions = await deps.listStore.versions(versionId.slice(0, versionId.lastIndexOf('@')));
  const version = versions.find((v) => v.id === versionId);
  if (!version) throw new Error(`no list version ${versionId}`);
  const previous = versions.find((v) => v.seq === version.seq - 1);
  const touched: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for await (const d of deps.listStore.deltas(previous?.id, versionId)) {
    if (d.change === 'removed') removed.push(d.entityId);
    else touched.push(d.entityId);
    if (d.change === 'changed') changed.push(d.entityId);
  }
  const touchedEntities = touched.map((id) => deps.matchIndex.entity(id)).filter((e): e is Entity => e !== undefined);
  const keys = new Set<string>();
  for (const entity of touchedEntities) for (const k of deps.matchIndex.entityKeys(entity)) keys.add(k);
  // The touched entities alone, every candidate retrieved: an account none of them matches,
  // and with no match to one of them already, keeps exactly the matches it has.
  const probe = deps.matchIndex.probe(touchedEntities);
  // Handles and run-together names are cut with the listed parts (ramzankadyrov is read as
  // Ramzan Kadyrov once both are listed): a name cut differently now that a part is listed, or
  // no longer is, holds keys of its old readings only. Its accounts are screened again whole.
  const before = previous ? await deps.listStore.entitiesOf(previous.id, [...removed, ...changed]) : [];
  const parts = deps.matchIndex.partsChange(before, touchedEntities);
  const recut = parts.parts.length === 0 ? [] : (await deps.enforcementStore.namesCutWith(parts.parts)).filter((n) => parts.isCutDifferently(n));
  // Each name holding a touched key once (many accounts bear one name), then the accounts
  // bearing a name that one of them may match whatever the rest of the record says.
  // With them, every account that had a match to a touched entity, whatever its keys now meet,
  // and every account whose names are cut differently.
  const names = (await deps.enforcementStore.namesWithKeys([...keys])).filter((n) => probe.mayMatch(n, undefined, n.held));
  const matched = new Set([...(await deps.enforcementStore.accountsMatching(touched)), ...(await deps.enforcementStore.accountsWithNames(recut.map((n) => n.namesHash)))]);
  const sharing = [...new Set([...(await deps.enforcementStore.accountsWithNames(names.map((n) => n.namesHash))), ...matched])];
  const rescreened: string[] = [];
  // Many accounts carry the same record but for the id (common names): each distinct record is
  // scored once; screening reads every field but the id.
  for (const { record, ids } of await deps.enforcementStore.recordsByContent(sharing)) {
    const unmatched: string[] = [];
    for (const id of ids) (matched.has(id) ? rescreened : unmatched).push(id);
    if (unmatched.length > 0 && probe.screen(record, { limit: 1 }).length > 0) rescreened.push(...unmatched);
  }
  rescreened.sort();
  let opened = 0;
  await inBatches(rescreened, async (id) => {
    const account = await deps.enforcementStore.account(id);
    if (!account) return;
    const result = await upsertAccount(deps, { record: account.record, links: account.links, followers: account.followers }, `sweep:${versionId}`);
    opened += result.opened;
  });

  const isDesignated = (entityId: string): boolean => deps.matchIndex.entity(entityId) !== undefined;
  const toRestorationReview: string[] = [];
  let delisted = 0;
  // Designations that left or came back: delisted matches, re-confirmed ones, re-suspensions.
  // Only a confirmed or delisted match changes (`applyDesignations`); open ones just opened stay.
  const affected = await deps.enforcementStore.accountsMatching([...removed, ...touched], ['confirmed', 'delisted']);
  const isToReview = await inBatches(affected, async (id) => {
    const changed = await deps.enforcementStore.transaction(async (tx) => {
      const account = await tx.account(id);
      if (!account) return 0;
      const matches = await tx.matchesOf(id);
      const out = applyDesignations(account.state, matches, isDesignated);
      const now = deps.clock.now();
      const at = now.toISOString();
      const actor = `sweep:${versionId}`;
      let n = 0;
      for (const [i, m] of out.matches.entries()) {
        if (m.status === matches[i]!.status) continue;
        if (m.status === 'delisted') n += 1;
        await tx.putMatch({ ...(matches[i] as StoredMatch), status: m.status, updatedAt: at });
        await tx.audit({ actor, action: m.status === 'delisted' ? 'match.delisted' : 'match.relisted', subject: `account:${id}`, data: { matchId: m.id, entityId: m.entityId, versionId } }, now);
      }
      if (out.isResuspended) {
        const entities = out.matches.filter((m) => m.status === 'confirmed' && isDesignated(m.entityId)).map((m) => m.entityId);
        await tx.putAccount({ ...account, state: 'suspended', updatedAt: at });
        await tx.addAction({ id: randomUUID(), accountId: id, action: 'account.suspend', at, actor, reason: `designation returned in ${versionId}`, entities });
        await tx.audit({ actor, action: 'account.suspended', subject: `account:${id}`, data: { from: account.state, entities, versionId } }, now);
      }
      return n;
    });
    delisted += changed;
    const after = await deps.enforcementStore.matchesOf(id);
    const account = await deps.enforcementStore.account(id);
    return account?.state === 'suspended' && after.some((m) => m.status === 'delisted') && !after.some((m) => m.status === 'confirmed');
  });
  for (const [i, id] of affected.entries()) if (isToReview[i]) toRestorationReview.push(id);
  const autoRestored: string[] = [];
  const policy = await deps.enforcementStore.policy();
  if (policy.autoRestoreOnDelisting) {
    for (const id of toRestorationReview) {
      const d = await restoreAccount({ ...deps, isDesignated }, id, {
        actor: { id: `policy:v${policy.version}`, role: 'admin' },
        reason: `every confirmed match was delisted by ${versionId}; policy v${policy.version} restores automatically`,
      });
      if (d.kind === 'restore') autoRestored.push(id);
    }
  }
  const sweep: Sweep = { versionId, startedAt, finishedAt: deps.clock.now().toISOString(), accounts: rescreened.length, opened, delisted };
  await deps.enforcementStore.recordSweep(sweep);
  return { ...sweep, rescreened, toRestorationReview: toRestorationReview.filter((id) => !autoRestored.includes(id)), autoRestored };
}

/** Accounts a sweep writes at once: independent transactions, which the store may commit together. */
const SWEEP_BATCH = 64;

/** `work` for every item, `SWEEP_BATCH` at a time; the results in the items' order. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += SWEEP_BATCH) out.push(...(await Promise.all(items.slice(i, i + SWEEP_BATCH).map(work))));
  return out;
}
