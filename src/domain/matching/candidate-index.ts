import type { Entity, NameKind } from '../entities/entity.js';
import { formKeys, keyRank } from './blocking-keys.js';
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
}

/**
 * The listed side of matching: every entity's names as romanised forms, the inverted index
 * from blocking keys (`formKeys`) to forms, the rarity of name parts, and the set of known
 * name parts (for cutting handles). Built once per set of list versions; read-only after.
 */
export class CandidateIndex {
  readonly entities: readonly Entity[];
  readonly forms: readonly ListedForm[];
  readonly stats: TokenStats;
  readonly known: ReadonlySet<string>;
  private readonly postings: ReadonlyMap<string, readonly number[]>;

  /** `stats`: the part rarity names are weighed by (`frozenNameRarity` in screening). */
  /** `known`: the name parts handles are cut with, when another index's are to be shared. */
  constructor(entities: Iterable<Entity>, stats: TokenStats, knownParts?: ReadonlySet<string>) {
    const list: Entity[] = [];
    const forms: { entity: number; name: number; form: NameForm }[] = [];
    const postings = new Map<string, number[]>();
    const known = new Set<string>();
    const keys = new Set<string>();
    for (const entity of entities) {
      const e = list.length;
      list.push(entity);
      const seen = new Map<string, number>();
      for (const [n, name] of entityFormsOf(entity)) {
        const id = name.tokens.join(' ');
        const before = seen.get(id);
        if (before !== undefined) continue;
        seen.set(id, forms.length);
        const f = forms.length;
        forms.push({ entity: e, name: n, form: name });
        keys.clear();
        formKeys(name, false, keys);
        for (const key of keys) {
          const posting = postings.get(key);
          if (posting) posting.push(f);
          else postings.set(key, [f]);
        }
        for (const t of name.tokens) if (t.length >= 2) known.add(t);
      }
    }
    this.entities = list;
    this.postings = postings;
    this.known = knownParts ?? known;
    this.stats = stats;
    this.forms = forms.map((f) => Object.freeze({ ...f, prepared: prepareName(f.form, stats) }));
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

/** An entity's name forms, strongest name kind first, as [index into names, form]. */
export function entityFormsOf(entity: Entity): [number, NameForm][] {
  const isOrganization = entity.schema !== 'Person';
  const order = entity.names.map((name, i) => ({ name, i })).sort((a, b) => KIND_RANK[a.name.kind] - KIND_RANK[b.name.kind] || a.i - b.i);
  const out: [number, NameForm][] = [];
  for (const { name, i } of order) for (const form of nameForms(name.full, isOrganization)) out.push([i, form]);
  return out;
}
