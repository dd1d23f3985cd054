import type { AccountRecord } from '../accounts/account.js';
import type { Entity, PartialDate, Schema } from '../entities/entity.js';
import { alignBound } from './align-bound.js';
import { alignNames, alignPrepared, type Alignment } from './align-names.js';
import { bioFeature, bioTargets, readBio, type BioTargets, type BioText } from './bio-evidence.js';
import { formKeys } from './blocking-keys.js';
import { CandidateIndex, countParts, distinctFormsOf, entityFormsOf, isWholeKey, MAX_FORMS } from './candidate-index.js';
import { explainMatch, WARDEN_NAME } from './explain-match.js';
import type { AccountNames, Comparison, FeatureContribution, MatchIndex, PartsChange, Party, ScoredMatch, StoredKeys } from './match-types.js';
import { nameForms, type NameForm } from './name-form.js';
import { prepareName, type PreparedName } from './prepared-name.js';
import { cutSuffixes, isCutDifferently, queryNames, type QueryName } from './query-names.js';
import { frozenNameRarity } from './name-rarity.js';
import { NAME_CEILING, scoreMatch } from './score-match.js';
import type { TokenStats } from './token-stats.js';

/**
 * The default threshold: a match opens at 0.86 and above. Chosen on the three benchmark goals
 * together (bench/matching-quality.ts): identical names score 0.95 on the name alone, one typo
 * or another romanisation of one part about 0.90, a dropped patronymic about 0.92, while a
 * shared surname with another given name, or only common parts, stays below.
 */
export const DEFAULT_THRESHOLD = 0.86;

/** The most the account's own evidence can add to a name score: birth date 0.05, country 0.02, bio 0.04. */
function bonusBound(account: AccountRecord): number {
  const has = (v: string | undefined): boolean => v !== undefined && v !== '';
  return (has(account.birthDate) ? 0.05 : 0) + (has(account.country) ? 0.02 : 0) + (has(account.bio) ? 0.04 : 0);
}

/** The most any feature besides the name can add (birth date + country + bio): bounds pruning. The same sum as `bonusBound`'s, to the last bit. */
const MAX_BONUS = bonusBound({ id: '', birthDate: '-', country: '-', bio: '-' });

/** `StoredKeys.keyedBy`: keys depend on the algorithm and the names alone. */
const KEYED_BY = `${WARDEN_NAME.name}@${WARDEN_NAME.version}`;

/** Options for `buildMatchIndex`. */
export interface MatchIndexOptions {
  /** The threshold `screen` and `compare` use by default; `DEFAULT_THRESHOLD` if absent. */
  readonly threshold?: number;
  /** The part rarity names are weighed by; `frozenNameRarity()` (part of the algorithm version) if absent. */
  readonly stats?: TokenStats;
  /**
   * Retrieve every listed form that shares a key, without the per-query budget. For a small
   * index over the entities a list change touched (`sweepListVersion`): since scores depend
   * only on the two names (the rarity is frozen), it finds at least every match to those
   * entities that the full index finds.
   */
  readonly exhaustive?: boolean;
  /** The name parts handles are cut with; the listed names' own if absent. */
  readonly known?: ReadonlySet<string>;
}

interface Best {
  score: number;
  query: QueryName;
  form: NameForm;
  name: number;
  alignment: Alignment;
  features: readonly FeatureContribution[];
}

/**
 * Builds the matching index over a set of listed entities (`warden-name` 1.4.0): romanised
 * name forms and blocking keys. `screen` retrieves candidates only through the blocking keys
 * `accountKeys` returns (so reverse screening over stored account keys agrees with forward
 * screening), aligns names order-free, weighs parts by the rarity frozen with the algorithm
 * (so a list change moves no other pair's score), and adjusts by
 * birth date, country, schema, name kind and bio. Pure: no I/O.
 */
export function buildMatchIndex(entities: Iterable<Entity>, options: MatchIndexOptions = {}): MatchIndex {
  return matchIndexOver(new CandidateIndex(entities, options.stats ?? frozenNameRarity(), options.known), options);
}

/** The MatchIndex over a built CandidateIndex. */
function matchIndexOver(index: CandidateIndex, options: MatchIndexOptions): MatchIndex {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const byId = new Map<string, number>();
  for (const [i, e] of index.entities.entries()) if (e !== undefined) byId.set(e.id, i);
  /** The entity's position when this index holds that very entity (a sweep's touched ones), so its built forms serve. */
  const heldAt = (entity: Entity): number | undefined => {
    const at = byId.get(entity.id);
    return at !== undefined && index.entities[at] === entity ? at : undefined;
  };
  const bioCache = new Map<number, BioTargets>();
  // An upsert screens a record and then stores its keys: both read the same names from it.
  const namesMemo = new WeakMap<AccountRecord, readonly QueryName[]>();
  const namesOf = (account: AccountRecord): readonly QueryName[] => {
    let names = namesMemo.get(account);
    if (names === undefined) {
      names = queryNames(account, index.known);
      namesMemo.set(account, names);
    }
    return names;
  };

  const keysByQuery = (names: readonly QueryName[]): Set<string>[] =>
    names.map((q) => {
      const keys = new Set<string>();
      formKeys(q.form, true, keys);
      return keys;
    });

  const screen = (account: AccountRecord, opts: { minScore?: number; limit?: number } = {}): ScoredMatch[] => {
    const minScore = opts.minScore ?? threshold;
    const names = namesOf(account);
    if (names.length === 0) return [];
    const birthDates = account.birthDate !== undefined && account.birthDate !== '' ? [account.birthDate] : [];
    const countries = account.country !== undefined && account.country !== '' ? [account.country] : [];
    let bio: BioText | undefined;
    const bonus = bonusBound(account);
    const best = new Map<number, Best>();
    const prepared = names.map((q) => prepareName(q.form, index.stats));
    for (const [f, mask] of index.candidates(names.map((q) => index.keysOf(q.form)), options.exhaustive === true)) {
      const listed = index.forms[f];
      if (!listed) continue;
      const isPerson = listed.isPerson;
      for (let qi = 0; qi < names.length; qi++) {
        if ((mask & (1 << Math.min(qi, 30))) === 0) continue;
        const q = names[qi] as QueryName;
        const prior = best.get(listed.entity);
        const floor = prior && prior.score > minScore ? prior.score : minScore;
        // Each form its own bound: forms with the same phonetic keys (mohammad / muhammad) can
        // still differ in how near they come to a listed part by typo, so one's bound is no
        // bound of the other's (sharing it with a slack had pruned matches above the threshold).
        const bound = alignBound(prepared[qi] as PreparedName, listed.prepared, isPerson, (floor - bonus) / NAME_CEILING);
        if (NAME_CEILING * bound + bonus < floor) continue;
        const query = prepared[qi] as PreparedName;
        const alignment = alignPrepared(query, listed.prepared, isPerson, false, false);
        if (NAME_CEILING * alignment.similarity + bonus < floor) continue;
        const entity = index.entities[listed.entity];
        if (!entity) continue;
        const nameKind = entity.names[listed.name]?.kind ?? 'alias';
        const base = {
          alignment,
          nameKind,
          querySchema: 'Person' as Schema,
          listedSchema: entity.schema,
          queryBirthDates: birthDates,
          listedBirthDates: entity.birthDates,
          queryCountries: countries,
          listedCountries: countriesOf(entity),
        };
        const extra: FeatureContribution[] = q.reading ? [q.reading] : [];
        let result = scoreMatch({ ...base, extra });
        if (account.bio !== undefined && account.bio !== '' && alignment.strongPairs > 0 && result.score + 0.05 >= minScore) {
          bio ??= readBio(account.bio);
          let targets = bioCache.get(listed.entity);
          if (!targets) {
            targets = bioTargets(entity);
            bioCache.set(listed.entity, targets);
          }
          const feature = bioFeature(bio, targets);
          if (feature) result = scoreMatch({ ...base, extra: [...extra, feature] });
        }
        if (result.score < minScore || (prior && prior.score >= result.score)) continue;
        best.set(listed.entity, { score: result.score, query: q, form: listed.form, name: listed.name, alignment, features: result.features });
      }
    }
    const ranked = [...best.entries()].sort(
      (a, b) => b[1].score - a[1].score || (index.entities[a[0]]?.id ?? '').localeCompare(index.entities[b[0]]?.id ?? ''),
    );
    return ranked.slice(0, opts.limit ?? 20).map(([e, m]) => {
      const entity = index.entities[e] as Entity;
      const name = entity.names[m.name];
      return {
        entityId: entity.id,
        score: m.score,
        explanation: explainMatch({
          queryField: m.query.field,
          queryText: m.query.text,
          transliteration: m.query.form.text,
          matchedName: name?.full ?? '',
          matchedNameKind: name?.kind ?? 'alias',
          alignment: alignNames(m.query.form, m.form, index.stats, { isPerson: entity.schema === 'Person', withParts: true, acronyms: false }).parts,
          features: m.features,
          score: m.score,
          subject: entity.id,
        }),
      };
    });
  };

  // The pruning `screen` does, with the largest bonus any account could bring: what `screen`
  // matches passes it, for every account with these names.
  const mayMatch = (names: AccountNames, minScore = threshold, held?: Iterable<string>): boolean => {
    const queries = queryNames({ id: '', ...names }, index.known);
    const prepared = queries.map((q) => prepareName(q.form, index.stats));
    const need = (minScore - MAX_BONUS) / NAME_CEILING;
    // Keys the names are known to hold stand for each form's own (every form is then tried
    // against each form they retrieve): their keys need not be made again.
    const heldKeys = held === undefined ? undefined : new Set(held);
    const keysByQuery = queries.map((q) => heldKeys ?? index.keysOf(q.form));
    for (const [f, mask] of index.candidates(keysByQuery, options.exhaustive === true)) {
      const listed = index.forms[f];
      if (!listed) continue;
      for (let qi = 0; qi < queries.length; qi++) {
        if ((mask & (1 << Math.min(qi, 30))) === 0) continue;
        const query = prepared[qi] as PreparedName;
        if (NAME_CEILING * alignBound(query, listed.prepared, listed.isPerson, need) + MAX_BONUS < minScore) continue;
        if (NAME_CEILING * alignPrepared(query, listed.prepared, listed.isPerson, false, false).similarity + MAX_BONUS >= minScore) return true;
      }
    }
    return false;
  };

  const compare = (a: Party, b: Party): Comparison => comparePartiesWith(index, threshold, a, b);

  return Object.freeze({
    algorithm: WARDEN_NAME,
    threshold,
    size: index.size,
    entity: (id: string) => {
      const i = byId.get(id);
      return i === undefined ? undefined : index.entities[i];
    },
    screen,
    mayMatch,
    compare,
    accountKeys: (account: AccountRecord) => [...new Set(keysByQuery(namesOf(account)).flatMap((k) => [...k]))].sort(),
    storedKeys: (account: AccountRecord): StoredKeys => {
      const keys = new Set<string>();
      const variants = new Map<string, Set<string>>();
      for (const q of namesOf(account)) formKeys(q.form, true, keys, variants);
      const pairs: [string, string][] = [];
      for (const [variant, of] of variants) for (const key of of) pairs.push([variant, key]);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      return { keys: [...keys].sort(), variants: pairs, cuts: cutSuffixes(account), keyedBy: KEYED_BY };
    },
    probe: (subset: Iterable<Entity>) => {
      const entities = [...subset];
      const positions = entities.map(heldAt);
      const probeOptions = { threshold, stats: index.stats, known: index.known, exhaustive: true };
      // Entities this index holds (the sweep's): their forms as built here, not romanised again.
      if (positions.every((i) => i !== undefined)) return matchIndexOver(index.subset(positions as number[]), probeOptions);
      return buildMatchIndex(entities, probeOptions);
    },
    partsChange: (before: readonly Entity[], after: readonly Entity[]): PartsChange => {
      if (!index.hasOwnKnown) return { parts: [], isCutDifferently: () => false };
      // Forms holding each part now, less the after entities', plus the before ones': then.
      const afterCounts = new Map<string, number>();
      const beforeCounts = new Map<string, number>();
      for (const e of after) {
        const at = heldAt(e);
        if (at !== undefined) for (const listed of index.formsAt(at)) countParts(listed.form, afterCounts, 1);
      }
      for (const e of before) for (const [, form] of distinctFormsOf(e)) countParts(form, beforeCounts, 1);
      const gained = new Set<string>();
      const lost = new Set<string>();
      for (const t of new Set([...afterCounts.keys(), ...beforeCounts.keys()])) {
        const now = index.partCount(t);
        const then = now - (afterCounts.get(t) ?? 0) + (beforeCounts.get(t) ?? 0);
        if (now > 0 && then <= 0) gained.add(t);
        else if (now <= 0 && then > 0) lost.add(t);
      }
      const known = index.known;
      const was = { has: (t: string): boolean => lost.has(t) || (!gained.has(t) && known.has(t)) };
      return { parts: [...gained, ...lost].sort(), isCutDifferently: (names) => isCutDifferently(names, known, was) };
    },
    withChanges: (removedIds: ReadonlySet<string>, added: readonly Entity[]) => matchIndexOver(index.withChanges(removedIds, added), options),
    entityKeys: (entity: Entity) => {
      const keys = new Set<string>();
      const at = heldAt(entity);
      if (at !== undefined) for (const listed of index.formsAt(at)) formKeys(listed.form, false, keys);
      else for (const [, form] of entityFormsOf(entity)) formKeys(form, false, keys);
      return [...keys].filter((k) => !isWholeKey(k) || index.postingSize(k) <= MAX_FORMS).sort();
    },
  });
}

function countriesOf(entity: Entity): string[] {
  return [...new Set([...entity.nationalities, ...entity.citizenships, ...entity.countries])];
}

/**
 * Scores two parties pairwise with the screening algorithm: every name form of one against
 * every name form of the other, in both directions (either side may be the fuller name), the
 * best pair wins; birth dates and countries of both sides count as in screening.
 */
function comparePartiesWith(index: CandidateIndex, threshold: number, a: Party, b: Party): Comparison {
  const schemaA: Schema = a.schema ?? b.schema ?? 'Person';
  const schemaB: Schema = b.schema ?? a.schema ?? 'Person';
  const formsA = a.names.flatMap((n) => nameForms(n, schemaA !== 'Person').map((form) => ({ n, form })));
  const formsB = b.names.flatMap((n) => nameForms(n, schemaB !== 'Person').map((form) => ({ n, form })));
  const datesB: PartialDate[] = (b.birthDates ?? []).map((value) => ({ value }));
  let best: { score: number; explain: () => Comparison['explanation'] } | undefined;
  for (const x of formsA) {
    for (const y of formsB) {
      if (x.form.unbracketed === true && y.form.unbracketed === true) continue;
      for (const [q, l, flipped] of [[x, y, false], [y, x, true]] as const) {
        const isPerson = schemaA === 'Person' && schemaB === 'Person';
        const acronyms = schemaA !== 'Person' && schemaB !== 'Person';
        const alignment = alignNames(q.form, l.form, index.stats, { isPerson, acronyms });
        if (best && NAME_CEILING * alignment.similarity + MAX_BONUS < best.score) continue;
        const result = scoreMatch({
          alignment,
          nameKind: 'primary',
          querySchema: flipped ? schemaB : schemaA,
          listedSchema: flipped ? schemaA : schemaB,
          queryBirthDates: a.birthDates ?? [],
          listedBirthDates: datesB,
          queryCountries: a.countries ?? [],
          listedCountries: b.countries ?? [],
        });
        if (best && best.score >= result.score) continue;
        best = {
          score: result.score,
          explain: () =>
            explainMatch({
              queryField: 'name',
              queryText: q.n,
              transliteration: q.form.text,
              matchedName: l.n,
              matchedNameKind: 'primary',
              alignment: alignNames(q.form, l.form, index.stats, { isPerson, acronyms, withParts: true }).parts,
              features: result.features,
              score: result.score,
              subject: flipped ? 'the first party' : 'the second party',
            }),
        };
      }
    }
  }
  if (!best) {
    const explanation = explainMatch({
      queryField: 'name', queryText: a.names[0] ?? '', transliteration: '', matchedName: b.names[0] ?? '', matchedNameKind: 'primary',
      alignment: [], features: [], score: 0, subject: 'the second party',
    });
    return { score: 0, match: false, threshold, explanation };
  }
  return { score: best.score, match: best.score >= threshold, threshold, explanation: best.explain() };
}
