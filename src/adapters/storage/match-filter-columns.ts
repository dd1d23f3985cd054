import { scriptOf } from '../../domain/entities/name-script.js';

/** What the review queue filters matches by, kept in their own columns so the filter runs in SQL. */
export interface MatchFilterColumns {
  /** The listing source (the entity id's prefix: `ofac-sdn`, `un`...). */
  readonly source: string;
  /** The entity's programs as `|A|B|` (a program filter is `like '%|A|%'`); empty when none. */
  readonly programs: string;
  /** ISO 15924 code of the account text that matched (`Latn` for Latin). */
  readonly script: string;
}

/** Computes the filter columns from the match's entity id, the account text that matched and the entity's programs. */
export function filterColumns(entityId: string, queryText: string, programs: readonly string[]): MatchFilterColumns {
  const colon = entityId.indexOf(':');
  const source = colon > 0 ? entityId.slice(0, colon) : '';
  return { source, programs: programs.length ? `|${programs.join('|')}|` : '', script: scriptOf(queryText) ?? 'Latn' };
}

/** Computes the filter columns from the match's entity id, its explanation JSON and the entity record JSON. */
export function matchFilterColumns(entityId: string, explanationJson: string, entityJson: string | null | undefined): MatchFilterColumns {
  let programs: string[] = [];
  if (entityJson) {
    try {
      const p = (JSON.parse(entityJson) as { programs?: unknown }).programs;
      if (Array.isArray(p)) programs = p.filter((x): x is string => typeof x === 'string');
    } catch {
      programs = [];
    }
  }
  let queryText = '';
  try {
    queryText = String((JSON.parse(explanationJson) as { queryText?: unknown }).queryText ?? '');
  } catch {
    queryText = '';
  }
  return filterColumns(entityId, queryText, programs);
}
