import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES, type Role } from '../access/permissions.js';
import { applyDesignations, decideRestore, reviewMatch, violatesDesignation, type AccountState, type MatchFacts } from './enforcement.js';

const analyst = { id: 'k-analyst', role: 'analyst' as Role };
const lead = { id: 'k-lead', role: 'lead' as Role };

test('confirming suspends; dismissing and escalating leave the account alone; reviewed matches are final', () => {
  const open: MatchFacts = { id: 'm1', entityId: 'ofac-sdn:23343', status: 'open' };
  assert.deepEqual(reviewMatch(open, 'active', { kind: 'confirm', reason: 'same person' }), { match: 'confirmed', account: 'suspended' });
  assert.deepEqual(reviewMatch(open, 'active', { kind: 'dismiss', reason: 'namesake' }), { match: 'dismissed', account: 'active' });
  assert.deepEqual(reviewMatch(open, 'active', { kind: 'escalate', reason: 'unsure' }), { match: 'escalated', account: 'active' });
  assert.equal((reviewMatch({ ...open, status: 'confirmed' }, 'suspended', { kind: 'dismiss', reason: 'x' }) as { kind: string }).kind, 'refused');
  assert.equal((reviewMatch(open, 'active', { kind: 'confirm', reason: ' ' }) as { kind: string }).kind, 'refused');
});

test('a restore is blocked while a confirmed match points at a designated entity, naming it', () => {
  const matches: MatchFacts[] = [{ id: 'm1', entityId: 'ofac-sdn:23343', status: 'confirmed', confirmedBy: analyst.id }];
  const d = decideRestore('suspended', matches, () => true, { actor: lead, reason: 'mistake' });
  assert.deepEqual(d, {
    kind: 'blocked',
    code: 'restore_blocked_by_designation',
    entities: ['ofac-sdn:23343'],
    reason: 'confirmed matches to designated entity ofac-sdn:23343 block the restore',
  });
  assert.deepEqual(decideRestore('suspended', matches, () => false, { actor: analyst, reason: 'delisted' }), { kind: 'restore', overturned: [] });
});

test('a designation that comes back suspends a restored account again', () => {
  const matches: MatchFacts[] = [{ id: 'm1', entityId: 'e1', status: 'confirmed', confirmedBy: analyst.id }];
  const off = applyDesignations('suspended', matches, () => false);
  assert.equal(off.matches[0]?.status, 'delisted');
  assert.equal(off.isResuspended, false);
  const back = applyDesignations('restored', off.matches, () => true);
  assert.deepEqual([back.account, back.matches[0]?.status, back.isResuspended], ['suspended', 'confirmed', true]);
});

test('only a lead other than the confirmer may overturn, with a reason', () => {
  const matches: MatchFacts[] = [{ id: 'm1', entityId: 'e1', status: 'confirmed', confirmedBy: lead.id }];
  assert.equal((decideRestore('suspended', matches, () => true, { actor: analyst, reason: 'r', overturn: ['m1'] }) as { code: string }).code, 'overturn_not_allowed');
  assert.equal((decideRestore('suspended', matches, () => true, { actor: lead, reason: 'r', overturn: ['m1'] }) as { code: string }).code, 'overturn_not_allowed');
  const other = { id: 'k-lead-2', role: 'lead' as Role };
  assert.deepEqual(decideRestore('suspended', matches, () => true, { actor: other, reason: 'wrong person', overturn: ['m1'] }), { kind: 'restore', overturned: ['m1'] });
  assert.equal((decideRestore('suspended', matches, () => true, { actor: other, reason: '', overturn: ['m1'] }) as { code: string }).code, 'reason_required');
});

/** A random world: actions on one account with a few matches, list changes, and restores from any role. */
type Action =
  | { t: 'review'; match: number; kind: 'confirm' | 'dismiss' | 'escalate'; by: number }
  | { t: 'restore'; by: number; overturn: number[] }
  | { t: 'designate'; entity: number; listed: boolean };

test('property: no sequence of reviews, restores and list changes leaves an account active with a confirmed match to a designated entity', () => {
  const actors = ROLES.flatMap((role) => [0, 1].map((i) => ({ id: `${role}-${i}`, role })));
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ t: fc.constant('review' as const), match: fc.nat(3), kind: fc.constantFrom('confirm' as const, 'dismiss' as const, 'escalate' as const), by: fc.nat(actors.length - 1) }),
    fc.record({ t: fc.constant('restore' as const), by: fc.nat(actors.length - 1), overturn: fc.array(fc.nat(3), { maxLength: 4 }) }),
    fc.record({ t: fc.constant('designate' as const), entity: fc.nat(2), listed: fc.boolean() }),
  );
  fc.assert(
    fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
      let account: AccountState = 'active';
      const listed = [true, true, true];
      const designated = (entityId: string): boolean => listed[Number(entityId.slice(1))] === true;
      let matches: MatchFacts[] = [0, 1, 2, 3].map((i) => ({ id: `m${i}`, entityId: `e${i % 3}`, status: 'open' }));
      for (const a of actions) {
        if (a.t === 'designate') {
          listed[a.entity] = a.listed;
          const out = applyDesignations(account, matches, designated);
          account = out.account;
          matches = [...out.matches];
        } else if (a.t === 'review') {
          const m = matches[a.match]!;
          const out = reviewMatch(m, account, { kind: a.kind, reason: 'r' });
          if ('kind' in out) continue;
          account = out.account;
          matches[a.match] = { ...m, status: out.match, ...(out.match === 'confirmed' ? { confirmedBy: actors[a.by]!.id } : {}) };
        } else {
          const d = decideRestore(account, matches, designated, { actor: actors[a.by]!, reason: 'r', overturn: a.overturn.map((i) => `m${i}`) });
          if (d.kind !== 'restore') continue;
          const overturned = new Set(d.overturned);
          matches = matches.map((m) => (overturned.has(m.id) ? { ...m, status: 'overturned' } : m));
          account = 'restored';
        }
        if (violatesDesignation(account, matches, designated)) return false;
      }
      return true;
    }),
    { numRuns: 2000 },
  );
});
