import type { Role } from '../access/permissions.js';

/**
 * Where a match stands. `open` until reviewed; `confirmed`, `dismissed` or `escalated` by a
 * review; `overturned` when a lead reverses a confirmation; `delisted` when the entity left
 * its list while the match was confirmed.
 */
export type MatchStatus = 'open' | 'confirmed' | 'dismissed' | 'escalated' | 'overturned' | 'delisted';

/** An account's enforcement state. */
export type AccountState = 'active' | 'suspended' | 'restored';

/** What enforcement needs to know about one of an account's matches. */
export interface MatchFacts {
  readonly id: string;
  readonly entityId: string;
  readonly status: MatchStatus;
  /** Who confirmed it (an API key id or user), when confirmed. */
  readonly confirmedBy?: string;
}

/** A review decision (STYLE rule 8: tagged). */
export type Decision =
  | { readonly kind: 'confirm'; readonly reason: string }
  | { readonly kind: 'dismiss'; readonly reason: string }
  | { readonly kind: 'escalate'; readonly reason: string };

/** Who asks for something, and in which role. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

/** The outcome of a review: the match's new status and the account's new state. */
export interface ReviewOutcome {
  readonly match: MatchStatus;
  readonly account: AccountState;
}

/**
 * Applies a review decision. Only open or escalated matches can be reviewed; confirming
 * suspends the account (the default policy: review, suspend on confirm); dismissing or
 * escalating leaves the account's state as it is.
 */
export function reviewMatch(match: MatchFacts, account: AccountState, decision: Decision): ReviewOutcome | { readonly kind: 'refused'; readonly reason: string } {
  if (match.status !== 'open' && match.status !== 'escalated') {
    return { kind: 'refused', reason: `the match is ${match.status}; only open or escalated matches can be reviewed` };
  }
  if (decision.reason.trim() === '') return { kind: 'refused', reason: 'a review needs a reason' };
  switch (decision.kind) {
    case 'confirm':
      return { match: 'confirmed', account: 'suspended' };
    case 'dismiss':
      return { match: 'dismissed', account };
    case 'escalate':
      return { match: 'escalated', account };
  }
}

/** A restore request: plain, or a lead overturning confirmed matches with a reason. */
export interface RestoreRequest {
  readonly actor: Actor;
  readonly reason: string;
  /** Match ids a lead overturns as part of the restore (wrongly confirmed). */
  readonly overturn?: readonly string[];
}

/** The decision on a restore. */
export type RestoreDecision =
  | { readonly kind: 'restore'; readonly overturned: readonly string[] }
  | { readonly kind: 'blocked'; readonly code: 'restore_blocked_by_designation'; readonly entities: readonly string[]; readonly reason: string }
  | { readonly kind: 'refused'; readonly code: 'not_suspended' | 'reason_required' | 'overturn_not_allowed'; readonly reason: string };

/**
 * Decides a restore: the one rule that makes "mistakenly restored" impossible. An account is
 * restored only when none of its confirmed matches is to an entity that is still designated,
 * unless a lead, other than whoever confirmed each such match, overturns those matches with a
 * reason. Every other path (API, console, appeal, bulk tool) gets `blocked`, naming the entities.
 */
export function decideRestore(
  account: AccountState,
  matches: readonly MatchFacts[],
  isDesignated: (entityId: string) => boolean,
  request: RestoreRequest,
): RestoreDecision {
  if (account !== 'suspended') return { kind: 'refused', code: 'not_suspended', reason: `the account is ${account}, not suspended` };
  if (request.reason.trim() === '') return { kind: 'refused', code: 'reason_required', reason: 'a restore needs a reason' };
  const overturn = new Set(request.overturn ?? []);
  const blocking = matches.filter((m) => m.status === 'confirmed' && isDesignated(m.entityId));
  const overturned: string[] = [];
  const stillBlocking: MatchFacts[] = [];
  for (const m of blocking) {
    if (!overturn.has(m.id)) {
      stillBlocking.push(m);
      continue;
    }
    if (request.actor.role !== 'lead') {
      return { kind: 'refused', code: 'overturn_not_allowed', reason: 'only a lead may overturn a confirmed match' };
    }
    if (m.confirmedBy === request.actor.id) {
      return { kind: 'refused', code: 'overturn_not_allowed', reason: 'a match cannot be overturned by whoever confirmed it' };
    }
    overturned.push(m.id);
  }
  if (stillBlocking.length > 0) {
    const entities = [...new Set(stillBlocking.map((m) => m.entityId))].sort();
    return {
      kind: 'blocked',
      code: 'restore_blocked_by_designation',
      entities,
      reason: `confirmed matches to designated ${entities.length === 1 ? 'entity' : 'entities'} ${entities.join(', ')} block the restore`,
    };
  }
  return { kind: 'restore', overturned };
}

/**
 * The invariant the whole service keeps: an account is never active or restored while it has
 * a confirmed match to a designated entity.
 */
export function violatesDesignation(account: AccountState, matches: readonly MatchFacts[], isDesignated: (entityId: string) => boolean): boolean {
  return account !== 'suspended' && matches.some((m) => m.status === 'confirmed' && isDesignated(m.entityId));
}

/** What a list change does to one account: its matches' new statuses and its new state. */
export interface DesignationOutcome {
  readonly account: AccountState;
  readonly matches: readonly MatchFacts[];
  /** Whether the account must be suspended again (an `account.suspend` action is due). */
  readonly isResuspended: boolean;
}

/**
 * Applies the current designations to an account after a list change. A confirmed match whose
 * entity left its list becomes `delisted` (its account then goes to restoration review); a
 * `delisted` match whose entity is designated again is `confirmed` again; and an account with a
 * confirmed match to a designated entity is suspended again, whatever restored it meanwhile.
 */
export function applyDesignations(account: AccountState, matches: readonly MatchFacts[], isDesignated: (entityId: string) => boolean): DesignationOutcome {
  const next = matches.map((m): MatchFacts => {
    if (m.status === 'confirmed' && !isDesignated(m.entityId)) return { ...m, status: 'delisted' };
    if (m.status === 'delisted' && isDesignated(m.entityId)) return { ...m, status: 'confirmed' };
    return m;
  });
  const mustSuspend = violatesDesignation(account, next, isDesignated);
  return { account: mustSuspend ? 'suspended' : account, matches: next, isResuspended: mustSuspend };
}
