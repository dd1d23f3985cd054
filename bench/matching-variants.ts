import type { Entity } from '../src/domain/entities/entity.js';
import type { MatchIndex } from '../src/domain/matching/match-types.js';
import { loadSharedIndex, seededRandom } from './matching/datasets.js';

/**
 * The `matching-variants` section of `npm run bench`: variants of listed people, generated
 * (seeded, deterministic) from OFAC SDN and UN Person entities, screened at the default
 * threshold against all shared lists. A variant is found when its entity is among the matches.
 * Goals: recall >= 99% overall and >= 98% on spelling-changed variants.
 */

interface Variant {
  readonly entityId: string;
  readonly kind: string;
  readonly spellingChanged: boolean;
  readonly displayName?: string;
  readonly handle?: string;
}

/** Spelling rules romanisation systems differ by (one applied per variant). */
const ROMANIZATION_RULES: readonly [RegExp, string][] = [
  [/y/g, 'i'], [/ou/g, 'u'], [/kh/g, 'h'], [/q/g, 'k'], [/ph/g, 'f'], [/dj/g, 'j'], [/sh/g, 'sch'], [/ee/g, 'i'],
  [/oo/g, 'u'], [/ei/g, 'ey'], [/j/g, 'dzh'], [/v/g, 'w'], [/ts/g, 'tz'], [/ch/g, 'tch'], [/ai/g, 'ay'], [/u/g, 'ou'],
  [/i/g, 'y'], [/ss/g, 's'], [/e/g, 'a'],
];

const BOLD_A = 0x1d400;
const bold = (s: string): string =>
  [...s].map((c) => (/[A-Z]/.test(c) ? String.fromCodePoint(BOLD_A + c.charCodeAt(0) - 65) : /[a-z]/.test(c) ? String.fromCodePoint(BOLD_A + 26 + c.charCodeAt(0) - 97) : c)).join('');

const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** The given-first word order of a listed name ("KADYROV, Ramzan Akhmatovich" → Ramzan Akhmatovich Kadyrov). */
function naturalWords(full: string): string[] {
  const [last, first] = full.split(',').map((s) => s.trim());
  const ordered = first !== undefined && first !== '' ? `${first} ${last ?? ''}` : full;
  return ordered.replace(/[^\p{L}\p{M}' -]/gu, ' ').split(/\s+/).filter((w) => w !== '').map(title);
}

function typo(word: string, rnd: () => number): string {
  const i = Math.floor(rnd() * word.length);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)] ?? 'e';
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + (word[i]?.toLowerCase() === letter ? 'x' : letter) + word.slice(i + 1);
    default:
      return i + 1 < word.length ? word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2) : word.slice(0, -2) + word.slice(-1) + word.slice(-2, -1);
  }
}

/** Generates the variants: about seven per sampled person. */
export function generateVariants(entities: readonly Entity[], count = 2000, seed = 20240601): Variant[] {
  const rnd = seededRandom(seed);
  const people = entities.filter((e) => e.schema === 'Person' && (e.source === 'ofac-sdn' || e.source === 'un'));
  const withScript = people.filter((e) => e.names.some((n) => n.script !== undefined && n.script !== 'Latn'));
  const out: Variant[] = [];
  const add = (v: Variant): void => {
    out.push(v);
  };
  for (const e of withScript) {
    for (const n of e.names) if (n.script !== undefined && n.script !== 'Latn' && n.kind !== 'weak') add({ entityId: e.id, kind: 'original script', spellingChanged: true, displayName: n.full });
  }
  while (out.length < count) {
    const e = people[Math.floor(rnd() * people.length)];
    const primary = e?.names.find((n) => n.kind === 'primary');
    if (!e || !primary || /\d/.test(primary.full)) continue;
    const words = naturalWords(primary.full);
    if (words.length < 2) continue;
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    add({ entityId: e.id, kind: 'as listed', spellingChanged: false, displayName: words.join(' ') });
    add({ entityId: e.id, kind: 'reordered', spellingChanged: false, displayName: [last.toUpperCase(), ...words.slice(0, -1)].join(' ') });
    if (words.length >= 3) add({ entityId: e.id, kind: 'middle dropped', spellingChanged: false, displayName: `${first} ${last}` });
    const long = words.map((w, i) => ({ w, i })).filter((x) => x.w.length >= 5);
    const pick = long[Math.floor(rnd() * long.length)];
    if (pick) add({ entityId: e.id, kind: 'one typo', spellingChanged: true, displayName: words.map((w, i) => (i === pick.i ? typo(w, rnd) : w)).join(' ') });
    const rules = ROMANIZATION_RULES.filter(([re]) => words.some((w) => new RegExp(re.source).test(w.toLowerCase())));
    const rule = rules[Math.floor(rnd() * rules.length)];
    if (rule) add({ entityId: e.id, kind: 'romanisation', spellingChanged: true, displayName: words.map((w) => title(w.toLowerCase().replace(rule[0], rule[1]))).join(' ') });
    const handleForm = Math.floor(rnd() * 3);
    const plain = (w: string): string => w.toLowerCase().replace(/[^a-z]/g, '');
    const handle = handleForm === 0 ? `${plain(first)}_${plain(last)}${Math.floor(rnd() * 99)}` : handleForm === 1 ? words.map((w) => title(plain(w))).join('') : `${plain(first)}${plain(last)}.official`;
    add({ entityId: e.id, kind: 'handle', spellingChanged: false, handle });
    add({ entityId: e.id, kind: 'decorative', spellingChanged: false, displayName: bold(words.join(' ')) });
  }
  return out;
}

/** Screens every variant and prints recall by kind, and each miss's class (not a candidate, or scored below the threshold). */
export function benchVariantRecall(index: MatchIndex, entities: readonly Entity[], showMisses = 60): { overall: number; spellingChanged: number } {
  const variants = generateVariants(entities);
  const byKind = new Map<string, { n: number; found: number; notCandidate: number; below: number; spellingChanged: boolean }>();
  const misses: string[] = [];
  let found = 0, changed = 0, changedFound = 0;
  for (const [i, v] of variants.entries()) {
    const account = { id: `v${i}`, ...(v.displayName !== undefined ? { displayName: v.displayName } : {}), ...(v.handle !== undefined ? { handle: v.handle } : {}) };
    const matches = index.screen(account, { limit: 100 });
    const hit = matches.some((m) => m.entityId === v.entityId);
    const row = byKind.get(v.kind) ?? { n: 0, found: 0, notCandidate: 0, below: 0, spellingChanged: v.spellingChanged };
    row.n++;
    if (hit) {
      row.found++;
      found++;
    } else {
      const best = index.screen(account, { minScore: 0, limit: 200 }).find((m) => m.entityId === v.entityId);
      if (best) row.below++;
      else row.notCandidate++;
      misses.push(`${v.kind}: ${v.displayName ?? v.handle} → ${v.entityId} ${index.entity(v.entityId)?.names[0]?.full} (${best ? `best ${best.score.toFixed(3)}` : 'not a candidate'})`);
    }
    if (v.spellingChanged) {
      changed++;
      if (hit) changedFound++;
    }
    byKind.set(v.kind, row);
  }
  const p = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;
  console.log(`\n## Recall on ${variants.length} generated variants of listed people (OFAC SDN and UN persons; threshold ${index.threshold}, all shared lists)\n`);
  console.log('A miss is "not a candidate" when the entity is not returned even at score 0 (blocking), "below threshold" when it scores under the default threshold.\n');
  console.log('| variant | spelling changed | n | found | recall | misses: not a candidate | misses: below threshold |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [k, r] of byKind) console.log(`| ${k} | ${r.spellingChanged ? 'yes' : 'no'} | ${r.n} | ${r.found} | ${p(r.found, r.n)} | ${r.notCandidate} | ${r.below} |`);
  const all = [...byKind.values()];
  const sum = (f: (r: (typeof all)[number]) => number): number => all.reduce((a, r) => a + f(r), 0);
  console.log(`| **all** | | ${variants.length} | ${found} | **${p(found, variants.length)}** | ${sum((r) => r.notCandidate)} | ${sum((r) => r.below)} |`);
  console.log(`| **spelling changed** | yes | ${changed} | ${changedFound} | **${p(changedFound, changed)}** | | |`);
  const overall = found / variants.length;
  const spelling = changedFound / Math.max(1, changed);
  console.log(`\nGoal ≥ 99% overall: ${overall >= 0.99 ? 'met' : 'NOT met'} (${p(found, variants.length)}). Goal ≥ 98% on spelling-changed variants: ${spelling >= 0.98 ? 'met' : 'NOT met'} (${p(changedFound, changed)}).`);
  if (misses.length > 0) console.log(`\n${Math.min(showMisses, misses.length)} of the ${misses.length} misses (variant → entity, its primary name):\n`);
  for (const m of misses.slice(0, showMisses)) console.log(`- ${m}`);
  return { overall, spellingChanged: spelling };
}

/** The `matching-variants` section of `npm run bench`. */
export async function benchMatchingVariants(): Promise<void> {
  const { index, entities } = await loadSharedIndex();
  benchVariantRecall(index, entities);
}
