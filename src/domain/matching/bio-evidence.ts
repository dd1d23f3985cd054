import type { Entity } from '../entities/entity.js';
import { normalizeName, romanizations } from '../names/index.js';
import type { FeatureContribution } from './match-types.js';

/** How much of a bio is read: enough for a profile line, bounded for hostile input. */
const MAX_BIO = 600;
/** Letters a word is compared on, so inflected forms meet (Chechnya = Чеченской → chech). */
const STEM = 5;

/**
 * Words of office in the languages profiles are written in, romanised: a bio naming an
 * office and a place the entity is tied to ("Глава Чеченской Республики") supports a name match.
 */
const ROLE_WORDS = new Set([
  'president', 'prezident', 'presidente', 'head', 'glava', 'minister', 'ministr', 'ministre', 'general', 'commander',
  'komandir', 'kommandir', 'governor', 'gubernator', 'leader', 'lider', 'chairman', 'chair', 'predsedatel', 'director',
  'direktor', 'rais', 'raees', 'rayis', 'wazir', 'vazir', 'emir', 'deputy', 'deputat', 'senator', 'mayor', 'ambassador',
  'posol', 'chief', 'secretary', 'sekretar', 'founder', 'osnovatel', 'ceo', 'owner', 'vladelets', 'prime', 'premier',
  'premer', 'member', 'chlen', 'spokesman', 'official', 'ofitsialnaya', 'ofitsialnyi', 'ofitsialnyy', 'hero', 'geroi',
]);

/** A bio read once per account: its romanised words and their stems. Immutable. */
export interface BioText {
  readonly kind: 'BioText';
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly hasRole: boolean;
}

const stemOf = (w: string): string => w.slice(0, STEM);

/** Reads a bio (its first 600 characters) into words and stems, in its first two romanisations. */
export function readBio(bio: string): BioText {
  const words = new Set<string>();
  for (const text of romanizations(normalizeName(bio.slice(0, MAX_BIO))).slice(0, 2)) for (const w of text.split(' ')) words.add(w);
  const stems = new Set([...words].filter((w) => w.length >= 4).map(stemOf));
  return Object.freeze({ kind: 'BioText' as const, words, stems, hasRole: [...words].some((w) => ROLE_WORDS.has(w)) });
}

function contentStems(text: string): string[] {
  const first = romanizations(normalizeName(text))[0] ?? '';
  return first.split(' ').filter((w) => w.length >= 4).map(stemOf);
}

/** What an entity offers a bio to meet: title stems, name word sets and place stems. Immutable. */
export interface BioTargets {
  readonly titles: readonly (readonly string[])[];
  readonly names: readonly (readonly string[])[];
  readonly places: ReadonlySet<string>;
}

/** Builds an entity's bio targets (once per entity; the index caches them). */
export function bioTargets(entity: Entity): BioTargets {
  const places = new Set<string>();
  for (const text of [...entity.birthPlaces, ...entity.addresses.map((a) => a.full)]) for (const s of contentStems(text)) places.add(s);
  return {
    titles: entity.titles.map(contentStems).filter((t) => t.length > 0),
    names: entity.names.map((n) => (romanizations(normalizeName(n.full))[0] ?? '').split(' ').filter((w) => w.length >= 3)),
    places,
  };
}

/**
 * The bio feature for an entity a name already matched (a bio never opens a match): the
 * entity's title or position in the bio (at least two of its words, or its only one) +0.04;
 * one of its listed names in the bio +0.03; a word of office and a place the entity is tied
 * to +0.03. The best one counts.
 */
export function bioFeature(bio: BioText, targets: BioTargets): FeatureContribution | undefined {
  for (const title of targets.titles) {
    const hits = title.filter((s) => bio.stems.has(s)).length;
    if (hits >= Math.min(2, title.length)) return { feature: 'bio', contribution: 0.04, detail: 'the bio states a listed title or position' };
  }
  for (const name of targets.names) {
    if (name.length >= 2 && name.every((w) => bio.words.has(w))) {
      return { feature: 'bio', contribution: 0.03, detail: 'the bio names a listed name' };
    }
  }
  if (bio.hasRole && [...targets.places].some((p) => bio.stems.has(p))) {
    return { feature: 'bio', contribution: 0.03, detail: 'the bio names an office and a place tied to the entity' };
  }
  return undefined;
}
