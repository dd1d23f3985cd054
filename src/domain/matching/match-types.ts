import type { AccountRecord } from '../accounts/account.js';
import type { Entity, NameKind, Schema } from '../entities/entity.js';

/** The algorithm's name and version, stored with every match so a score can be explained later. */
export interface AlgorithmId {
  readonly name: string;
  readonly version: string;
}

/** One aligned pair of name parts: a part of the account's name and the listed part it met. */
export interface AlignedPart {
  /** The account's token (as romanised for comparison). */
  readonly query: string;
  /** The listed token it was aligned with, or null when it met nothing. */
  readonly listed: string | null;
  /** 0..1 similarity of the two tokens. */
  readonly similarity: number;
  /** How much the part counts (rarer parts count more). */
  readonly weight: number;
  /** How they met: `exact`, `phonetic`, `typo`, `initial`, `none`. */
  readonly how: 'exact' | 'phonetic' | 'typo' | 'initial' | 'none';
}

/** One feature's part in a score, signed: what raised or lowered it and why. */
export interface FeatureContribution {
  /** `name`, `birthDate`, `country`, `bio`, `schema`, `nameKind`... */
  readonly feature: string;
  readonly contribution: number;
  readonly detail: string;
}

/** Why a score is what it is. */
export interface MatchExplanation {
  readonly algorithm: AlgorithmId;
  /** Which account field the name came from: `displayName`, `handle`, `bio`, or `name` for compare. */
  readonly queryField: string;
  /** The account's text as given. */
  readonly queryText: string;
  /** The romanisation of the account's text that matched (equal to the normalised text for Latin). */
  readonly transliteration: string;
  /** The listed name that matched, as the list writes it, and its kind. */
  readonly matchedName: string;
  readonly matchedNameKind: NameKind;
  readonly alignment: readonly AlignedPart[];
  readonly features: readonly FeatureContribution[];
  /** The explanation in one or two plain sentences, for an analyst. */
  readonly summary: string;
}

/** A scored (account, entity) pair. `score` is calibrated: 0..1, comparable across scripts. */
export interface ScoredMatch {
  readonly entityId: string;
  readonly score: number;
  readonly explanation: MatchExplanation;
}

/** One side of a pairwise comparison (`warden compare`): names plus optional evidence. */
export interface Party {
  readonly names: readonly string[];
  readonly schema?: Schema;
  readonly birthDates?: readonly string[];
  readonly countries?: readonly string[];
}

/** The result of comparing two parties (nomenklatura's shape: score, match = score >= threshold). */
export interface Comparison {
  readonly score: number;
  readonly match: boolean;
  readonly threshold: number;
  readonly explanation: MatchExplanation;
}

/** An account's blocking keys as the account key index stores them (`MatchIndex.storedKeys`). */
export interface StoredKeys {
  /** The keys, sorted. */
  readonly keys: readonly string[];
  /** [variant, key]: a key of `keys` is also met by this variant (a typo key less one letter); sorted. */
  readonly variants: readonly (readonly [string, string])[];
  /**
   * The suffixes of the words screening cuts with the known name parts (run-together names,
   * handles): what finds the names a change of the known parts may read differently
   * (`MatchIndex.partsChange`); sorted.
   */
  readonly cuts: readonly string[];
  /** The algorithm (name@version) that made them: a name's keys are the same while it is. */
  readonly keyedBy: string;
}

/** The fields of an account that screening reads names from (its blocking keys depend on these alone). */
export type AccountNames = Pick<AccountRecord, 'displayName' | 'handle'>;

/**
 * What a list change did to the name parts handles and run-together names are cut with: the
 * parts known after it and not before, or before and not after. Names are read from a handle
 * such as `ramzankadyrov` only with both parts known, so an account stored before a new part
 * was listed may hold none of the keys it now has.
 */
export interface PartsChange {
  /** The parts that became known or stopped being known. */
  readonly parts: readonly string[];
  /** True when screening reads these names differently after the change than before it. */
  isCutDifferently(names: AccountNames): boolean;
}

/**
 * The matching index over the active list versions: built once per version set (in memory),
 * then queried for every account. Pure: no I/O.
 */
export interface MatchIndex {
  readonly algorithm: AlgorithmId;
  /** The calibrated default threshold: at or above it, a match opens. */
  readonly threshold: number;
  /** How many entities the index holds. */
  readonly size: number;
  /** The entity by id (the index keeps what it was built from). */
  entity(id: string): Entity | undefined;
  /** Matches of an account at or above `minScore` (default: `threshold`), best first. */
  screen(account: AccountRecord, options?: { minScore?: number; limit?: number }): ScoredMatch[];
  /**
   * False when no account with these names can score `minScore` (default: `threshold`) or
   * more here, whatever its birth date, country and bio: screening reads names from the
   * display name and handle alone, and the rest adds at most a fixed bonus. True means it may.
   * A sweep tests each distinct name once this way before it reads the accounts that bear it.
   * `held`: keys of this index the names are known to hold (the sweep's lookup found them),
   * used for retrieval instead of the names' own keys; it must hold every key of theirs that
   * retrieval here should take (for a probe: every one of the touched entities' keys they hold).
   */
  mayMatch(names: AccountNames, minScore?: number, held?: Iterable<string>): boolean;
  /** Scores two parties with the same algorithm, using this index's name-part rarity. */
  compare(a: Party, b: Party): Comparison;
  /**
   * The blocking keys of an account (the account key index of DESIGN §4): an entity can
   * match an account only if they share one of these keys.
   */
  accountKeys(account: AccountRecord): string[];
  /**
   * The same keys as stored: `keys`, and the spelling variants of its typo keys, each with the
   * key it stands for. `accountKeys` is `keys` and every variant; an entity key meets the
   * account when it is one of `keys` or a variant of one.
   */
  storedKeys(account: AccountRecord): StoredKeys;
  /** The blocking keys of an entity, from the same key function. */
  entityKeys(entity: Entity): string[];
  /**
   * A small index over some of this index's entities (those a list change touched) that
   * reads accounts exactly as this one does (same rarity, same handle cutting, same threshold)
   * and retrieves every candidate: it finds every match to those entities this index finds.
   */
  probe(entities: Iterable<Entity>): MatchIndex;
  /**
   * The change of the known name parts a list change made (`before`: the changed and removed
   * entities as the previous version held them; `after`: the added and changed ones, as this
   * index holds them). Accounts whose names are cut differently can gain or lose matches that
   * their stored keys do not show: a sweep finds them by `StoredKeys.cuts` and screens them again.
   */
  partsChange(before: readonly Entity[], after: readonly Entity[]): PartsChange;
  /**
   * The index of the next list version, derived from this one: the entities with these ids
   * removed, these added (a changed entity is in both). It screens exactly as an index built
   * over the resulting entities at once, and costs only the changed entities' names; this
   * index is left as it is.
   */
  withChanges(removedIds: ReadonlySet<string>, added: readonly Entity[]): MatchIndex;
}
