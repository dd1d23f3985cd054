import type { AuditEvent } from '../../../domain/audit/audit-event.js';
import type { EnforcementAction, ListVersion, StoredAccount, StoredEntityRecord, StoredMatch } from '../../../app/ports.js';

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
export function presentAccount(
  a: StoredAccount,
  matches: readonly StoredMatch[],
  actions: readonly EnforcementAction[],
  timeline: readonly AuditEvent[],
  linked: readonly { id: string; via: string; state: string }[] = [],
) {
  return {
    account: { ...a.record, links: { ...a.links, ...(a.links.devices ? { devices: [...a.links.devices] } : {}) }, followers: a.followers, createdAt: a.createdAt, updatedAt: a.updatedAt },
    enforcement: { state: a.state, actions: actions.map((x) => ({ ...x, entities: [...x.entities] })) },
    matches: matches.map(presentMatch),
    timeline: timeline.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, data: { ...e.data } })),
    linked: linked.map((l) => ({ ...l })),
  };
}

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** Plain JSON copy (the entity and explanation are deeply readonly). */
function plain<T>(value: T): DeepMutable<T> {
  return JSON.parse(JSON.stringify(value)) as DeepMutable<T>;
}

/** A match with its evidence (`GET /v1/matches/{id}`). */
export function presentMatchDetail(
  m: StoredMatch,
  account: StoredAccount,
  accountMatches: readonly StoredMatch[],
  entity: StoredEntityRecord | undefined,
  sourceVersions: readonly ListVersion[],
) {
  const scoredUnder = new Set(m.listVersions);
  return {
    match: { ...presentMatch(m), explanation: plain(m.explanation) },
    account: { ...plain(account.record), state: account.state, followers: account.followers, createdAt: account.createdAt, updatedAt: account.updatedAt },
    entity: entity ? plain(entity.entity) : null,
    entityListed: entity?.isListed ?? false,
    listVersions: sourceVersions
      .filter((v) => scoredUnder.has(v.id))
      .map((v) => ({ id: v.id, source: v.source, seq: v.seq, status: v.status, ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}), importedAt: v.importedAt })),
    otherMatches: accountMatches.filter((x) => x.id !== m.id).map(presentMatch),
  };
}
