import type { AuditEvent } from '../../../domain/audit/audit-event.js';
import type { EnforcementAction, StoredAccount, StoredMatch } from '../../../app/ports.js';

/** A match as the API shows it (queue, account page). */
export function presentMatch(m: StoredMatch) {
  return {
    id: m.id,
    accountId: m.accountId,
    entityId: m.entityId,
    score: m.score,
    status: m.status,
    priority: m.priority,
    algorithm: m.algorithm,
    threshold: m.threshold,
    listVersions: [...m.listVersions],
    summary: m.explanation.summary,
    decidedBy: m.decidedBy ?? null,
    decidedAt: m.decidedAt ?? null,
    reason: m.reason ?? null,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** An account with its enforcement state, matches and timeline. */
export function presentAccount(a: StoredAccount, matches: readonly StoredMatch[], actions: readonly EnforcementAction[], timeline: readonly AuditEvent[]) {
  return {
    account: { ...a.record, links: { ...a.links, ...(a.links.devices ? { devices: [...a.links.devices] } : {}) }, followers: a.followers, createdAt: a.createdAt, updatedAt: a.updatedAt },
    enforcement: { state: a.state, actions: actions.map((x) => ({ ...x, entities: [...x.entities] })) },
    matches: matches.map(presentMatch),
    timeline: timeline.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, data: { ...e.data } })),
  };
}
