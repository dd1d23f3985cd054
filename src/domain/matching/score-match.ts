import type { NameKind, PartialDate, Schema } from '../entities/entity.js';
import type { Alignment } from './align-names.js';
import type { FeatureContribution } from './match-types.js';

/** The highest score a name alone can reach: identical names. Birth date agreement adds the rest. */
export const NAME_CEILING = 0.95;

/** How much a listed name counts by how strongly the list stands behind it. */
const KIND_FACTOR: Readonly<Record<NameKind, number>> = { primary: 1, alias: 0.98, former: 0.96, weak: 0.86 };

/** Identity evidence (Σ similarity × part weight) at and above which a name counts in full. */
const FULL_EVIDENCE = 13;

/** Everything a score is made from, for one (query name, listed name) pair. */
export interface ScoreInput {
  readonly alignment: Alignment;
  readonly nameKind: NameKind;
  /** The query's schema: accounts are `Person`. */
  readonly querySchema: Schema;
  readonly listedSchema: Schema;
  readonly queryBirthDates: readonly string[];
  readonly listedBirthDates: readonly PartialDate[];
  readonly queryCountries: readonly string[];
  readonly listedCountries: readonly string[];
  /** Extra signed contributions (bio evidence, handle segmentation), already computed. */
  readonly extra?: readonly FeatureContribution[];
}

/** A calibrated score and the signed contributions it is the sum of. */
export interface ScoreResult {
  readonly score: number;
  readonly features: readonly FeatureContribution[];
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function isOrganizational(schema: Schema): boolean {
  return schema !== 'Person';
}

/**
 * How the schemas of the two sides bear on the score. Same kind (person–person, or any two of
 * Organization/Company/LegalEntity, vessel–vessel): no change. A person against an
 * organisation, vessel or aircraft can only be a near-exact name: ×0.97 when the names are
 * near-identical, ×0.8 otherwise. `LegalEntity` (often a person on US export lists) is
 * treated as half-way.
 */
function schemaFactor(query: Schema, listed: Schema, nameSimilarity: number): { factor: number; detail: string } {
  if (query === listed) return { factor: 1, detail: `both ${listed}` };
  const orgs = new Set<Schema>(['Organization', 'Company', 'LegalEntity']);
  if (orgs.has(query) && orgs.has(listed)) return { factor: 1, detail: `${query} and ${listed} are both organisations` };
  const nearExact = nameSimilarity >= 0.97;
  if (query === 'LegalEntity' || listed === 'LegalEntity') {
    return { factor: nearExact ? 0.99 : 0.9, detail: `${query} against ${listed}${nearExact ? ', near-identical name' : ''}` };
  }
  if (isOrganizational(query) !== isOrganizational(listed) || query !== listed) {
    return { factor: nearExact ? 0.97 : 0.8, detail: `${query} against ${listed}: ${nearExact ? 'near-identical name' : 'only near-identical names count'}` };
  }
  return { factor: 1, detail: '' };
}

interface YearSpan {
  readonly lo: number;
  readonly hi: number;
  readonly exact?: string;
}

function spanOf(date: PartialDate): YearSpan | undefined {
  const year = Number(date.value.slice(0, 4));
  if (!Number.isFinite(year) || year < 1000) return undefined;
  const to = date.to !== undefined ? Number(date.to.slice(0, 4)) : year;
  if (date.circa === true) return { lo: year - 2, hi: Math.max(to, year) + 2 };
  if (date.to !== undefined && Number.isFinite(to)) return { lo: Math.min(year, to), hi: Math.max(year, to) };
  return { lo: year, hi: year, exact: date.value };
}

/**
 * The birth-date feature: the best agreement between any query date and any listed date.
 * Same full date +0.05; same year and month +0.04; same year +0.03 (−0.03 when both give
 * different months); inside a listed range or circa ±2 years +0.02; one year apart −0.04;
 * two or three −0.12; more −0.3 (a different person, most likely). Nothing listed or given: 0.
 */
export function birthDateFeature(query: readonly string[], listed: readonly PartialDate[]): FeatureContribution | undefined {
  if (query.length === 0 || listed.length === 0) return undefined;
  let best: FeatureContribution | undefined;
  for (const q of query) {
    const year = Number(q.slice(0, 4));
    if (!Number.isFinite(year)) continue;
    for (const date of listed) {
      const span = spanOf(date);
      if (!span) continue;
      const f = compareDate(q, year, span);
      if (!best || f.contribution > best.contribution) best = f;
    }
  }
  return best;
}

function compareDate(q: string, year: number, span: YearSpan): FeatureContribution {
  const listed = span.exact ?? (span.lo === span.hi ? String(span.lo) : `${span.lo}–${span.hi}`);
  if (span.exact !== undefined && year === span.lo) {
    const e = span.exact;
    if (q.length === 10 && e.length === 10) {
      return q === e
        ? { feature: 'birthDate', contribution: 0.05, detail: `same birth date ${e}` }
        : q.slice(0, 7) === e.slice(0, 7)
          ? { feature: 'birthDate', contribution: 0.02, detail: `same birth month ${e.slice(0, 7)}, another day (${q})` }
          : { feature: 'birthDate', contribution: -0.03, detail: `same birth year, another date (${q} vs ${e})` };
    }
    if (q.length >= 7 && e.length >= 7) {
      return q.slice(0, 7) === e.slice(0, 7)
        ? { feature: 'birthDate', contribution: 0.04, detail: `same birth month ${e.slice(0, 7)}` }
        : { feature: 'birthDate', contribution: -0.03, detail: `same birth year, another month (${q} vs ${e})` };
    }
    return { feature: 'birthDate', contribution: 0.03, detail: `same birth year ${year}` };
  }
  if (year >= span.lo && year <= span.hi) return { feature: 'birthDate', contribution: 0.02, detail: `birth year ${year} within listed ${listed}` };
  const gap = year < span.lo ? span.lo - year : year - span.hi;
  if (gap === 1) return { feature: 'birthDate', contribution: -0.04, detail: `birth year ${year} one year from listed ${listed}` };
  if (gap <= 3) return { feature: 'birthDate', contribution: -0.12, detail: `birth year ${year} ${gap} years from listed ${listed}` };
  return { feature: 'birthDate', contribution: -0.3, detail: `birth year ${year} contradicts listed ${listed} (${gap} years apart)` };
}

/** The country feature: +0.02 when a query country is among the listed ones, −0.02 when the list names others only. */
export function countryFeature(query: readonly string[], listed: readonly string[]): FeatureContribution | undefined {
  if (query.length === 0 || listed.length === 0) return undefined;
  const hit = query.find((c) => listed.includes(c.toUpperCase()));
  return hit !== undefined
    ? { feature: 'country', contribution: 0.02, detail: `country ${hit.toUpperCase()} is listed` }
    : { feature: 'country', contribution: -0.02, detail: `country ${query.join(', ')} not among listed ${listed.slice(0, 4).join(', ')}` };
}

/**
 * The calibrated score of one pair, 0..1, and its features. The name sets the base:
 * `NAME_CEILING` × alignment similarity × name-kind factor (weak aliases ×0.86) × schema factor
 * × an evidence factor (names made only of very common parts, such as "Mohammad Ali", count at
 * most ×0.9 until other evidence agrees). Birth date, country, bio and the like then add or
 * subtract; the sum is clamped to 0..1. Only identical names with the same birth date reach 1.
 */
export function scoreMatch(input: ScoreInput): ScoreResult {
  const a = input.alignment;
  const features: FeatureContribution[] = [];
  const name = NAME_CEILING * a.similarity;
  features.push({ feature: 'name', contribution: round(name), detail: `name parts ${Math.round(a.similarity * 100)}% alike, weighted by rarity` });
  let score = name;
  const kind = KIND_FACTOR[input.nameKind];
  if (kind < 1) {
    const delta = score * (kind - 1);
    features.push({ feature: 'nameKind', contribution: round(delta), detail: `${input.nameKind} name` });
    score += delta;
  }
  const schema = schemaFactor(input.querySchema, input.listedSchema, a.similarity);
  if (schema.factor < 1) {
    const delta = score * (schema.factor - 1);
    features.push({ feature: 'schema', contribution: round(delta), detail: schema.detail });
    score += delta;
  }
  if (a.evidence < FULL_EVIDENCE) {
    const factor = 0.9 + (0.1 * a.evidence) / FULL_EVIDENCE;
    const delta = score * (factor - 1);
    features.push({ feature: 'commonName', contribution: round(delta), detail: 'the name parts that met are common among listed names' });
    score += delta;
  }
  const dob = birthDateFeature(input.queryBirthDates, input.listedBirthDates);
  if (dob) features.push(dob);
  const country = countryFeature(input.queryCountries, input.listedCountries);
  if (country) features.push(country);
  for (const f of input.extra ?? []) features.push(f);
  score += (dob?.contribution ?? 0) + (country?.contribution ?? 0) + (input.extra ?? []).reduce((s, f) => s + f.contribution, 0);
  return { score: round(Math.min(1, Math.max(0, score))), features: Object.freeze(features) };
}
