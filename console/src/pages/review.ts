import { api, must } from '../api';

export type Decision = 'confirm' | 'dismiss' | 'escalate';

export const DECISION_LABEL: Record<Decision, string> = { confirm: 'Confirm', dismiss: 'Dismiss', escalate: 'Escalate' };

export const DECISION_DONE: Record<Decision, string> = { confirm: 'Confirmed', dismiss: 'Dismissed', escalate: 'Escalated' };

/** Confirm (suspends the account), dismiss or escalate a match, with a reason. */
export function review(id: string, decision: Decision, reason: string) {
  return must(api.POST('/v1/matches/{id}/review', { params: { path: { id } }, body: { decision, reason } }));
}

/** Whether a match can still be decided. */
export function isDecidable(status: string): boolean {
  return status === 'open' || status === 'escalated';
}
