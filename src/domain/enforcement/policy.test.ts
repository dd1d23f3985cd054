import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY, policyAction, PolicyRulesSchema } from './policy.js';

const facts = { source: 'ofac-sdn', programs: ['GLOMAG', 'MAGNIT'], score: 0.97, isBirthDateAgreeing: true };

test('the default policy reviews everything', () => {
  assert.deepEqual(policyAction(DEFAULT_POLICY, facts), { action: 'review' });
});

test('the first matching rule decides, by source, program, score and birth date', () => {
  const policy = {
    version: 3,
    rules: PolicyRulesSchema.parse({
      rules: [
        { sources: ['un'], action: 'suspend' },
        { sources: ['ofac-sdn'], programs: ['GLOMAG'], minScore: 0.95, requireBirthDate: true, action: 'suspend' },
        { action: 'review' },
      ],
    }).rules,
  };
  assert.deepEqual(policyAction(policy, facts), { action: 'suspend', rule: 1 });
  assert.deepEqual(policyAction(policy, { ...facts, isBirthDateAgreeing: false }), { action: 'review', rule: 2 });
  assert.deepEqual(policyAction(policy, { ...facts, score: 0.9 }), { action: 'review', rule: 2 });
  assert.deepEqual(policyAction(policy, { ...facts, programs: ['SDGT'] }), { action: 'review', rule: 2 });
  assert.deepEqual(policyAction(policy, { ...facts, source: 'un' }), { action: 'suspend', rule: 0 });
});

test('a policy file with an unknown field or action is refused', () => {
  assert.equal(PolicyRulesSchema.safeParse({ rules: [{ action: 'ban' }] }).success, false);
  assert.equal(PolicyRulesSchema.safeParse({ rules: [{ action: 'review', score: 1 }] }).success, false);
});
