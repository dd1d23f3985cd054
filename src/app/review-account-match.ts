import { randomUUID } from 'node:crypto';
import { reviewMatch, type Actor, type Decision } from '../domain/enforcement/enforcement.js';
import { DomainError, NotFoundError } from '../domain/errors.js';
import type { Clock, EnforcementStore, StoredMatch } from './ports.js';

/**
 * Records an analyst's or lead's decision on a match. Confirming suspends the account: the
 * match, the account's state, the `account.suspend` action and the audit events are written in
 * one transaction. A match that is not open or escalated answers `conflict`.
 */
export async function reviewAccountMatch(
  deps: { enforcementStore: EnforcementStore; clock: Clock },
  id: string,
  decision: Decision,
  actor: Actor,
): Promise<StoredMatch> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.enforcementStore.transaction(async (tx) => {
    const found = await tx.match(id);
    if (!found) throw new NotFoundError('match', id);
    const account = await tx.account(found.accountId);
    if (!account) throw new NotFoundError('account', found.accountId);
    // Read again now that the account's row is locked: a concurrent review may have won.
    const match = (await tx.match(id))!;
    const out = reviewMatch(match, account.state, decision);
    if ('kind' in out) throw new DomainError('conflict', out.reason, { details: { matchId: id, status: match.status } });
    const next: StoredMatch = {
      ...match,
      status: out.match,
      decidedBy: actor.id,
      decidedAt: at,
      reason: decision.reason,
      ...(out.match === 'confirmed' ? { confirmedBy: actor.id } : {}),
      updatedAt: at,
    };
    await tx.putMatch(next);
    const subject = `account:${account.record.id}`;
    await tx.audit({ actor: actor.id, action: 'match.reviewed', subject, data: { matchId: id, entityId: match.entityId, decision: decision.kind, reason: decision.reason } }, now);
    if (out.account !== account.state) {
      await tx.putAccount({ ...account, state: out.account, updatedAt: at });
      await tx.addAction({ id: randomUUID(), accountId: account.record.id, action: 'account.suspend', at, actor: actor.id, reason: decision.reason, entities: [match.entityId] });
      await tx.audit({ actor: actor.id, action: 'account.suspended', subject, data: { from: account.state, matchId: id, entityId: match.entityId } }, now);
    }
    return next;
  });
}
