import { z } from 'zod';

/** One aligned name part of an explanation. */
const AlignedPart = z.object({
  query: z.string(),
  listed: z.string().nullable(),
  similarity: z.number(),
  weight: z.number(),
  how: z.string(),
});

/** Why a score is what it is (domain/matching/match-types.ts MatchExplanation). */
export const MatchExplanationSchema = z.object({
  algorithm: z.object({ name: z.string(), version: z.string() }),
  queryField: z.string(),
  queryText: z.string(),
  transliteration: z.string(),
  matchedName: z.string(),
  matchedNameKind: z.string(),
  alignment: z.array(AlignedPart),
  features: z.array(z.object({ feature: z.string(), contribution: z.number(), detail: z.string() })),
  summary: z.string(),
});

/** A match as screening reports it. */
export const ScreenedMatchSchema = z.object({
  entityId: z.string(),
  score: z.number().describe('calibrated, 0..1'),
  entityName: z.string(),
  source: z.string(),
  programs: z.array(z.string()),
  schema: z.string(),
  explanation: MatchExplanationSchema,
});

/** `POST /v1/screen` answer. */
export const ScreeningResultSchema = z.object({
  accountId: z.string(),
  threshold: z.number(),
  matches: z.array(ScreenedMatchSchema),
});
