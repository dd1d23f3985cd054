import { z } from 'zod';
import { EntitySchema } from './entity.schema.js';
import { MatchExplanationSchema } from './screen.schema.js';

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
  linked: z.array(z.object({ id: z.string(), via: z.string(), state: z.string() })).describe('other accounts sharing a hashed email, phone or device'),
});

/** A list version as a match names it. */
const MatchVersionSchema = z.object({ id: z.string(), source: z.string(), seq: z.number(), status: z.string(), publishedAt: z.string().optional(), importedAt: z.string() });

/** `GET /v1/matches/{id}`: the evidence an analyst decides on. */
export const MatchDetailSchema = z.object({
  match: MatchSchema.extend({ explanation: MatchExplanationSchema }),
  account: z.object({ id: z.string(), state: z.string(), followers: z.number() }).loose(),
  entity: EntitySchema.nullable().describe('null when no stored version holds the entity'),
  entityListed: z.boolean().describe('whether an active list version holds the entity now'),
  listVersions: z.array(MatchVersionSchema).describe('the versions of the entity\'s source the match was scored under'),
  otherMatches: z.array(MatchSchema),
});

export const RestoreBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  overturn: z.array(z.string().max(100)).max(100).optional().describe('match ids a lead overturns (wrongly confirmed)'),
});

/** `GET /v1/accounts/{id}/deliveries`. */
export const DeliveriesAnswerSchema = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      actionId: z.string(),
      eventType: z.string(),
      url: z.string(),
      status: z.string(),
      attempts: z.number(),
      deliveredAt: z.string().optional(),
      lastError: z.string().optional(),
    }),
  ),
});
