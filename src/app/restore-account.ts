import { randomUUID } from 'node:crypto';
import { decideRestore, type RestoreDecision, type RestoreRequest } from '../domain/enforcement/enforcement.js';
import { NotFoundError } from '../domain/errors.js';
import type { Clock, EnforcementStore } from './ports.js';

/**
 * Restores a suspended account if, and only if, the domain rule allows it (no confirmed match
 * to an entity still designated, unless a lead other than the confirmer overturns it). Every
 * answer is audited; a refusal is committed (not rolled back) and returned, not thrown.
 */
export async function restoreAccount(
  deps: { enforcementStore: EnforcementStore; clock: Clock; isDesignated: (entityId: string) => boolean },
  accountId: string,
  request: RestoreRequest,
): Promise<RestoreDecision> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.enforcementStore.transaction(async (tx) => {
    const account = await tx.account(accountId);
    if (!account) throw new NotFoundError('account', accountId);
    const matches = await tx.matchesOf(accountId);
    const decision = decideRestore(account.state, matches, deps.isDesignated, request);
    const subject = `account:${accountId}`;
    if (decision.kind !== 'restore') {
      await tx.audit(
        {
          actor: request.actor.id,
          action: 'account.restore.refused',
          subject,
          data: { code: decision.code, reason: decision.reason, requestReason: request.reason, ...(decision.kind === 'blocked' ? { entities: decision.entities } : {}) },
        },
        now,
      );
      return decision;
    }
    for (const id of decision.overturned) {
      const m = matches.find((x) => x.id === id)!;
      await tx.putMatch({ ...m, status: 'overturned', decidedBy: request.actor.id, decidedAt: at, reason: request.reason, updatedAt: at });
      await tx.audit({ actor: request.actor.id, action: 'match.overturned', subject, data: { matchId: id, entityId: m.entityId, reason: request.reason } }, now);
    }
    await tx.putAccount({ ...account, state: 'restored', updatedAt: at });
    const entities = matches.filter((m) => m.status === 'confirmed' || decision.overturned.includes(m.id)).map((m) => m.entityId);
    await tx.addAction({ id: randomUUID(), accountId, action: 'account.restore', at, actor: request.actor.id, reason: request.reason, entities });
    await tx.audit({ actor: request.actor.id, action: 'account.restored', subject, data: { reason: request.reason, overturned: decision.overturned } }, now);
    return decision;
  });
}
