import type { NameKind } from '../entities/entity.js';
import type { AlignedPart, AlgorithmId, FeatureContribution, MatchExplanation } from './match-types.js';

/** The algorithm every Warden score names: bump the version whenever scores would change. */
export const WARDEN_NAME: AlgorithmId = Object.freeze({ name: 'warden-name', version: '1.4.0' });

/** What an explanation is built from. */
export interface ExplainInput {
  readonly queryField: string;
  readonly queryText: string;
  readonly transliteration: string;
  readonly matchedName: string;
  readonly matchedNameKind: NameKind;
  readonly alignment: readonly AlignedPart[];
  readonly features: readonly FeatureContribution[];
  readonly score: number;
  /** The listed party, as the summary names it (`ofac-sdn:23343`, or "the second name"). */
  readonly subject: string;
}

const HOW: Readonly<Record<AlignedPart['how'], string>> = {
  exact: 'same',
  phonetic: 'another spelling',
  typo: 'one or two letters off',
  initial: 'initial',
  none: 'unmatched',
};

function describePart(p: AlignedPart): string {
  return p.listed === null ? `${p.query} unmatched` : p.how === 'exact' ? p.query : `${p.query}≈${p.listed} (${HOW[p.how]})`;
}

/**
 * The explanation of one score: which parts met which, the romanisation used, every feature's
 * signed contribution, the algorithm id and version, and a one- or two-sentence summary an
 * analyst can read ("'Рамзан Кадыров' (displayName, read as 'ramzan kadyrov') matches the
 * primary name 'KADYROV, Ramzan Akhmatovich' of ofac-sdn:23343: ramzan, kadyrov. Same birth
 * date 1976-10-05. Score 1.00.").
 */
export function explainMatch(input: ExplainInput): MatchExplanation {
  const met = input.alignment.filter((p) => p.listed !== null);
  const parts = input.alignment.map(describePart).join(', ');
  const readAs = input.transliteration !== input.queryText.toLowerCase() ? `, read as '${input.transliteration}'` : '';
  const evidence = input.features
    .filter((f) => f.feature !== 'name' && f.contribution !== 0)
    .map((f) => `${f.detail.charAt(0).toUpperCase()}${f.detail.slice(1)} (${f.contribution > 0 ? '+' : ''}${f.contribution.toFixed(2)})`);
  const summary =
    `'${input.queryText}' (${input.queryField}${readAs}) matches the ${input.matchedNameKind} name '${input.matchedName}' of ` +
    `${input.subject}: ${met.length} part${met.length === 1 ? '' : 's'} met (${parts}).` +
    (evidence.length > 0 ? ` ${evidence.join('; ')}.` : '') +
    ` Score ${input.score.toFixed(2)}.`;
  return Object.freeze({
    algorithm: WARDEN_NAME,
    queryField: input.queryField,
    queryText: input.queryText,
    transliteration: input.transliteration,
    matchedName: input.matchedName,
    matchedNameKind: input.matchedNameKind,
    alignment: input.alignment,
    features: input.features,
    summary,
  });
}
