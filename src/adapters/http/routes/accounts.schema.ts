import { z } from 'zod';

export const MatchSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  entityId: z.string(),
  score: z.number(),
  status: z.string(),
  priority: z.number(),
  algorithm: z.string(),
  threshold: z.number(),
  listVersions: z.array(z.string()),
  summary: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const UpsertAnswerSchema = z.object({
  account: z.object({ id: z.string() }).loose(),
  verdict: z.enum(['clear', 'review', 'enforce']),
  matches: z.array(z.object({ id: z.string(), entityId: z.string(), score: z.number(), status: z.string() })),
});

export const AccountAnswerSchema = z.object({
  account: z.object({ id: z.string() }).loose(),
  enforcement: z.object({
    state: z.enum(['active', 'suspended', 'restored']),
    actions: z.array(z.object({ id: z.string(), action: z.string(), at: z.string(), actor: z.string(), reason: z.string(), entities: z.array(z.string()) }).loose()),
  }),
  matches: z.array(MatchSchema),
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), data: z.record(z.string(), z.unknown()) })),
});

export const RestoreBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  overturn: z.array(z.string().max(100)).max(100).optional().describe('match ids a lead overturns (wrongly confirmed)'),
});
