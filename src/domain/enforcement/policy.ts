import { z } from 'zod';

/**
 * One policy rule: for matches to entities of these sources and programs (absent = any), at or
 * above `minScore`, and (if asked) with an agreeing birth date, take `action`. `review` opens
 * the match for an analyst; `suspend` confirms it at once and suspends the account.
 */
export const PolicyRuleSchema = z.strictObject({
  sources: z.array(z.string().min(1).max(40)).min(1).optional(),
  programs: z.array(z.string().min(1).max(80)).min(1).optional(),
  minScore: z.number().min(0).max(1).optional(),
  requireBirthDate: z.boolean().optional(),
  action: z.enum(['review', 'suspend']),
});

/**
 * What a policy file holds: rules (first match wins; no rule matching means `review`), and
 * whether an account whose confirmed matches were all delisted is restored without a lead
 * (`autoRestoreOnDelisting`, off by default: a lead decides from the restoration queue).
 */
export const PolicyRulesSchema = z.strictObject({ rules: z.array(PolicyRuleSchema).max(200), autoRestoreOnDelisting: z.boolean().optional() });

/** The body of a policy version. */
export type PolicyBody = z.infer<typeof PolicyRulesSchema>;

/** A policy rule. */
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

/** A numbered, immutable policy version. */
export interface EnforcementPolicy {
  readonly version: number;
  readonly rules: readonly PolicyRule[];
  readonly autoRestoreOnDelisting?: boolean;
}

/** Version 0: every match goes to review; confirming suspends (the product's default). */
export const DEFAULT_POLICY: EnforcementPolicy = Object.freeze({ version: 0, rules: [] });

/** The facts of a new match that the policy looks at. */
export interface PolicyFacts {
  readonly source: string;
  readonly programs: readonly string[];
  readonly score: number;
  /** Whether the account's birth date agrees with the entity's (a positive birth-date feature). */
  readonly isBirthDateAgreeing: boolean;
}

/** The action a policy takes on a new match, and the rule (index) that decided it, if any. */
export function policyAction(policy: EnforcementPolicy, facts: PolicyFacts): { action: 'review' | 'suspend'; rule?: number } {
  for (const [i, r] of policy.rules.entries()) {
    if (r.sources && !r.sources.includes(facts.source)) continue;
    if (r.programs && !r.programs.some((p) => facts.programs.includes(p))) continue;
    if (r.minScore !== undefined && facts.score < r.minScore) continue;
    if (r.requireBirthDate && !facts.isBirthDateAgreeing) continue;
    return { action: r.action, rule: i };
  }
  return { action: 'review' };
}
