import type { AccountRecord } from '../domain/accounts/account.js';
import { primaryName } from '../domain/entities/build-entity.js';
import type { Schema } from '../domain/entities/entity.js';
import type { MatchExplanation, MatchIndex } from '../domain/matching/match-types.js';

/** One match as screening reports it: the score and explanation with the entity's headline facts. */
export interface ScreenedMatch {
  readonly entityId: string;
  readonly score: number;
  readonly entityName: string;
  readonly source: string;
  readonly programs: readonly string[];
  readonly schema: Schema;
  readonly explanation: MatchExplanation;
}

/** The screening of one account against the active list versions. */
export interface ScreeningResult {
  readonly accountId: string;
  /** Best first; only scores at or above the threshold used. */
  readonly matches: readonly ScreenedMatch[];
}

/** Options of one screening. */
export interface ScreenOptions {
  /** Report matches at or above this score; the index's calibrated threshold by default. */
  readonly threshold?: number;
  /** At most this many matches (default 20). */
  readonly limit?: number;
}

/**
 * Screens one account against the match index (the active list versions) and returns its
 * matches, best first. Stores nothing: the HTTP service and `warden screen` both call it.
 */
export function screenAccount({ matchIndex }: { matchIndex: MatchIndex }, account: AccountRecord, options: ScreenOptions = {}): ScreeningResult {
  const found = matchIndex.screen(account, { minScore: options.threshold ?? matchIndex.threshold, limit: options.limit ?? 20 });
  const matches: ScreenedMatch[] = [];
  for (const m of found) {
    const entity = matchIndex.entity(m.entityId);
    if (!entity) continue;
    matches.push({
      entityId: m.entityId,
      score: m.score,
      entityName: primaryName(entity),
      source: entity.source,
      programs: entity.programs,
      schema: entity.schema,
      explanation: m.explanation,
    });
  }
  return { accountId: account.id, matches };
}
