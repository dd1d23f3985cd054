import type { Entity, NameKind } from '../entities/entity.js';
import { eachKey, formKeys, hashOf, keyHash, keyRank, keyText } from './blocking-keys.js';
import { KeyFilter } from './key-filter.js';
import { nameForms, type NameForm } from './name-form.js';
import { prepareName, type PreparedName } from './prepared-name.js';
import type { TokenStats } from './token-stats.js';

/** The most listed name forms pair keys may bring to one query: bounds the work of a very common name. */
export const MAX_PAIR_FORMS = 160;
/**
 * The most listed name forms the looser keys (single part, part + initial) may add. A
 * single-part key is taken whole or not at all: a sample of a common part's names is
 * arbitrary, and its typo-tolerant sibling (part + initial of another) is more specific.
 */
export const MAX_OTHER_FORMS = 80;

const KIND_RANK: Readonly<Record<NameKind, number>> = { primary: 0, alias: 1, former: 2, weak: 3 };

/** One romanised form of one listed name, and where it comes from. */
export interface ListedForm {
  readonly entity: number;
  /** Index into the entity's `names`. */
  readonly name: number;
  readonly form: NameForm;
  /** The form prepared for alignment against the index's part rarity. */
  readonly prepared: PreparedName;
  /** True when the entity is a person (read here so that pruning a candidate reads no entity). */
  readonly isPerson: boolean;
}

/** Entity ids in code-point order: the order of an index's entities, forms and postings. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The listed side of matching: every entity's names as romanised forms, the inverted index
 * from blocking keys (`formKeys`) to forms, the rarity of name parts, and the set of known
 * name parts (for cutting handles). Read-only once built; `withChanges` derives the index of
 * the next list version without touching this one.
 *
 * Every posting lists its forms in the order of their entities' ids (code points), whatever
 * order the entities came in, so an index built at once and one derived by `withChanges`
 * retrieve the same candidates in the same order (retrieval stops at a budget, so order counts).
 */
export class CandidateIndex {
  /** By position; a slot is empty once `withChanges` removed its entity. */
  readonly entities: readonly (Entity | undefined)[];
  readonly forms: readonly ListedForm[];
  readonly stats: TokenStats;
  readonly known: ReadonlySet<string>;
  /** Entities held (the slots that are not empty). */
  readonly size: number;
  private readonly postings: Postings;
  /** Holds every key that has a posting (and maybe a few more): most keys a query makes have none. */
  private readonly filter: KeyFilter;
  /** How many forms hold each name part of two letters or more (what `known` is made of). */
  private readonly partCounts: ReadonlyMap<string, number>;
  private readonly sharedKnown: ReadonlySet<string> | undefined;

  /** `stats`: the part rarity names are weighed by (`frozenNameRarity` in screening). */
  /** `known`: the name parts handles are cut with, when another index's are to be shared. */
  constructor(entities: Iterable<Entity>, stats: TokenStats, knownParts?: ReadonlySet<string>);
  /** @internal The index `withChanges` derives. */
  constructor(entities: Iterable<Entity>, stats: TokenStats, knownParts: ReadonlySet<string> | undefined, derived: Derived);
  constructor(entities: Iterable<Entity>, stats: TokenStats, knownParts?: ReadonlySet<string>, derived?: Derived) {
    this.stats = stats;
    this.sharedKnown = knownParts;
    if (derived) {
      this.entities = derived.entities;
      this.forms = derived.forms;
      this.postings = derived.postings;
      this.filter = derived.filter;
      this.partCounts = derived.partCounts;
      this.size = derived.size;
      this.known = knownParts ?? new Set(derived.partCounts.keys());
      return;
    }
    const list = [...entities].sort((a, b) => byCodePoint(a.id, b.id));
    const forms: ListedForm[] = [];
    const postings = new Map<string, number[]>();
    const partCounts = new Map<string, number>();
    const file = (key: string, f: number): void => {
      const posting = postings.get(key);
      if (posting) posting.push(f);
      else postings.set(key, [f]);
    };
    for (const [e, entity] of list.entries()) addEntity(entity, e, forms, stats, partCounts, file);
    this.entities = list;
    this.forms = forms;
    this.postings = postings;
    this.filter = new KeyFilter(postings.size);
    for (const key of postings.keys()) this.filter.add(hashOf(key));
    this.partCounts = partCounts;
    this.size = list.length;
    this.known = knownParts ?? new Set(partCounts.keys());
  }

  /**
   * The index of the next list version: these entities removed (by id), these added (an
   * entity that changed is in both). It retrieves and scores exactly as an index built at
   * once over the resulting entities; this index is left as it was (a request screening with
   * it meanwhile sees the old version whole). Costs the changed entities' names, not the list's.
   */
  withChanges(removedIds: ReadonlySet<string>, added: readonly Entity[]): CandidateIndex {
    const entities = [...this.entities];
    const forms = [...this.forms];
    const partCounts = new Map(this.partCounts);
    // Only the keys this change touches are copied; the rest are read through to this index's.
    const changed = new Map<string, number[]>();
    const own = (key: string): number[] => {
      let posting = changed.get(key);
      if (posting === undefined) {
        posting = [...(this.postings.get(key) ?? [])];
        changed.set(key, posting);
      }
      return posting;
    };
    let size = this.size;
    const keys = new Set<string>();
    const gone = new Set<number>();
    for (const [e, entity] of this.entities.entries()) {
      if (entity === undefined || !removedIds.has(entity.id)) continue;
      entities[e] = undefined;
      gone.add(e);
      size -= 1;
    }
    for (const [f, listed] of this.forms.entries()) {
      if (!gone.has(listed.entity)) continue;
      keys.clear();
      formKeys(listed.form, false, keys);
      for (const key of keys) {
        const posting = own(key);
        const at = posting.indexOf(f);
        if (at >= 0) posting.splice(at, 1);
      }
      countParts(listed.form, partCounts, -1);
    }
    const idOfForm = (f: number): string => entities[forms[f]!.entity]?.id ?? '';
    for (const entity of [...added].sort((a, b) => byCodePoint(a.id, b.id))) {
      const e = entities.length;
      entities.push(entity);
      size += 1;
      // Each form into its postings at its entity's place in id order (an entity's forms stay in order).
      addEntity(entity, e, forms, this.stats, partCounts, (key, f) => {
        const posting = own(key);
        let lo = 0;
        let hi = posting.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (byCodePoint(idOfForm(posting[mid]!), entity.id) <= 0) lo = mid + 1;
          else hi = mid;
        }
        posting.splice(lo, 0, f);
      });
    }
    const filter = this.filter.copy();
    for (const key of changed.keys()) filter.add(hashOf(key));
    return new CandidateIndex([], this.stats, this.sharedKnown, { entities, forms, postings: layered(this.postings, changed), filter, partCounts, size });
  }

  /** How many of the forms hold this name part (the known parts are those some form holds). */
  partCount(part: string): number {
    return this.partCounts.get(part) ?? 0;
  }

  /** True when `known` is this index's own parts (it follows the entities), not another index's. */
  get hasOwnKnown(): boolean {
    return this.sharedKnown === undefined;
  }

  /**
   * The forms of the entity at this position, as built (forms are kept in the order of their
   * entities' positions, built at once or derived, so they are found by bisection).
   */
  formsAt(position: number): readonly ListedForm[] {
    const forms = this.forms;
    let lo = 0;
    let hi = forms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (forms[mid]!.entity < position) lo = mid + 1;
      else hi = mid;
    }
    const out: ListedForm[] = [];
    for (let f = lo; f < forms.length && forms[f]!.entity === position; f++) out.push(forms[f]!);
    return out;
  }

  /**
   * The index over the entities at these positions alone, with this one's forms as they are
   * (romanised and prepared once): what a sweep's probe over the entities a list change
   * touched costs is their keys, not their names again. Retrieves and scores as an index
   * built over those entities with this one's rarity and known parts.
   */
  subset(positions: Iterable<number>): CandidateIndex {
    const held = [...new Set(positions)].filter((p) => this.entities[p] !== undefined);
    held.sort((a, b) => byCodePoint(this.entities[a]!.id, this.entities[b]!.id));
    const entities: Entity[] = [];
    const forms: ListedForm[] = [];
    const postings = new Map<string, number[]>();
    const partCounts = new Map<string, number>();
    const file = (key: string, f: number): void => {
      const posting = postings.get(key);
      if (posting) posting.push(f);
      else postings.set(key, [f]);
    };
    for (const p of held) {
      const e = entities.length;
      entities.push(this.entities[p]!);
      for (const listed of this.formsAt(p)) {
        fileForm(listed.form, forms.length, partCounts, file);
        forms.push(Object.freeze({ ...listed, entity: e }));
      }
    }
    const filter = new KeyFilter(postings.size);
    for (const key of postings.keys()) filter.add(hashOf(key));
    return new CandidateIndex([], this.stats, this.known, { entities, forms, postings, filter, partCounts, size: entities.length });
  }

  /**
   * The keys of a query form (`formKeys(form, true)`) that may have a posting here, in the
   * same order: a key the filter rules out is never built. What `candidates` retrieves
   * through them is what it retrieves through all of the form's keys.
   */
  keysOf(form: NameForm): Set<string> {
    const out = new Set<string>();
    const filter = this.filter;
    eachKey(form, true, (kind, a, b, skip) => {
      if (filter.mayHold(keyHash(kind, a, b, skip))) out.add(keyText(kind, a, b, skip));
    });
    return out;
  }

  /** How many listed forms hold a key. */
  postingSize(key: string): number {
    return this.postings.get(key)?.length ?? 0;
  }

  /**
   * The listed forms sharing at least one key with the query forms, each with the bit mask of
   * the query forms (at most 31) that share one. Most specific keys first (pairs, single parts,
   * then part + initial; shorter postings first within a kind); pair keys bring at most
   * `MAX_PAIR_FORMS` forms, the other kinds at most `MAX_OTHER_FORMS` more (`isWholeKey` kinds whole or not at all): a common name
   * ("Mohammad Ali") costs a bounded amount of work.
   */
  candidates(keysByQuery: readonly ReadonlySet<string>[], exhaustive = false): Map<number, number> {
    const masks = new Map<string, number>();
    keysByQuery.forEach((keys, q) => {
      for (const key of keys) masks.set(key, (masks.get(key) ?? 0) | (1 << Math.min(q, 30)));
    });
    const hits: { rank: number; posting: readonly number[]; mask: number; whole: boolean }[] = [];
    for (const [key, mask] of masks) {
      const posting = this.postings.get(key);
      if (posting) hits.push({ rank: keyRank(key), posting, mask, whole: isWholeKey(key) });
    }
    hits.sort((a, b) => a.rank - b.rank || a.posting.length - b.posting.length);
    const out = new Map<number, number>();
    if (exhaustive) {
      for (const hit of hits) for (const f of hit.posting) out.set(f, (out.get(f) ?? 0) | hit.mask);
      return out;
    }
    let budget = MAX_PAIR_FORMS;
    let rank = 0;
    for (const hit of hits) {
      if (hit.rank > 0 && rank === 0) {
        rank = 1;
        budget = out.size + MAX_OTHER_FORMS;
      }
      if (hit.whole && out.size + hit.posting.length > budget) continue;
      for (const f of hit.posting) {
        if (out.size >= budget && !out.has(f)) break;
        out.set(f, (out.get(f) ?? 0) | hit.mask);
      }
    }
    return out;
  }
}

/** The most forms one query takes: a whole key with a longer posting is never taken. */
export const MAX_FORMS = MAX_PAIR_FORMS + MAX_OTHER_FORMS;

/**
 * Keys taken whole or not at all: one part alone (`s:`). A sample of a common part's names is
 * arbitrary, so such a key with more than `MAX_FORMS` names is never used, and a sweep can
 * skip it (`MatchIndex.entityKeys`).
 */
export function isWholeKey(key: string): boolean {
  return key.startsWith('s:');
}

/** Listed forms by blocking key; an empty posting is a key no form holds any more. */
interface Postings {
  get(key: string): readonly number[] | undefined;
}

/** A derived index's postings: the keys its change touched, over the postings it came from. */
class PostingLayer implements Postings {
  constructor(
    readonly below: Postings,
    readonly changed: ReadonlyMap<string, readonly number[]>,
    readonly depth: number,
  ) {}

  get(key: string): readonly number[] | undefined {
    const own = this.changed.get(key);
    if (own !== undefined) return own.length > 0 ? own : undefined;
    return this.below.get(key);
  }
}

/** Layers a derived index reads through before they are merged into one map. */
const MAX_POSTING_LAYERS = 8;

/** `changed` over `below`; merged into one map once there are too many layers (each costs a lookup). */
function layered(below: Postings, changed: ReadonlyMap<string, readonly number[]>): Postings {
  const depth = below instanceof PostingLayer ? below.depth + 1 : 1;
  if (depth <= MAX_POSTING_LAYERS) return new PostingLayer(below, changed, depth);
  const layers: ReadonlyMap<string, readonly number[]>[] = [changed];
  let at: Postings = below;
  while (at instanceof PostingLayer) {
    layers.push(at.changed);
    at = at.below;
  }
  const merged = new Map(at as ReadonlyMap<string, readonly number[]>);
  for (const layer of layers.reverse()) for (const [key, posting] of layer) {
    if (posting.length > 0) merged.set(key, posting);
    else merged.delete(key);
  }
  return merged;
}

/** The parts `withChanges` hands to the derived index. */
interface Derived {
  readonly entities: readonly (Entity | undefined)[];
  readonly forms: readonly ListedForm[];
  readonly postings: Postings;
  readonly filter: KeyFilter;
  readonly partCounts: ReadonlyMap<string, number>;
  readonly size: number;
}

/** Adds one entity's distinct name forms at the end of `forms`, and files each under its keys. */
function addEntity(entity: Entity, e: number, forms: ListedForm[], stats: TokenStats, partCounts: Map<string, number>, file: (key: string, f: number) => void): void {
  for (const [n, name] of distinctFormsOf(entity)) {
    fileForm(name, forms.length, partCounts, file);
    forms.push(Object.freeze({ entity: e, name: n, form: name, prepared: prepareName(name, stats), isPerson: entity.schema === 'Person' }));
  }
}

/** Files the form at position `f` under each of its keys and counts its parts. */
function fileForm(form: NameForm, f: number, partCounts: Map<string, number>, file: (key: string, f: number) => void): void {
  const keys = new Set<string>();
  formKeys(form, false, keys);
  for (const key of keys) file(key, f);
  countParts(form, partCounts, 1);
}

/**
 * Adds `by` to the count of each of the form's parts of two letters or more (the parts that
 * make `known`), dropping a part whose count reaches 0.
 */
export function countParts(form: NameForm, counts: Map<string, number>, by: 1 | -1): void {
  for (const t of form.tokens) {
    if (t.length < 2) continue;
    const n = (counts.get(t) ?? 0) + by;
    if (n <= 0) counts.delete(t);
    else counts.set(t, n);
  }
}

/** `entityFormsOf` less the forms of the same parts as an earlier one: the forms an index holds for the entity. */
export function distinctFormsOf(entity: Entity): [number, NameForm][] {
  const seen = new Set<string>();
  return entityFormsOf(entity).filter(([, form]) => {
    const id = form.tokens.join(' ');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** An entity's name forms, strongest name kind first, as [index into names, form]. */
export function entityFormsOf(entity: Entity): [number, NameForm][] {
  const isOrganization = entity.schema !== 'Person';
  const order = entity.names.map((name, i) => ({ name, i })).sort((a, b) => KIND_RANK[a.name.kind] - KIND_RANK[b.name.kind] || a.i - b.i);
  const out: [number, NameForm][] = [];
  for (const { name, i } of order) for (const form of nameForms(name.full, isOrganization)) out.push([i, form]);
  return out;
}
