import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { openListFeeds } from '../../src/adapters/lists/list-feeds.js';
import type { Entity } from '../../src/domain/entities/entity.js';
import { buildMatchIndex } from '../../src/domain/matching/build-match-index.js';
import type { MatchIndex } from '../../src/domain/matching/match-types.js';
import { sharedData } from '../../test/paths.js';
import { measureBuild } from './timing.js';

/**
 * Shared data sets of the matching benchmarks: the listed entities, the ordinary people
 * (negatives), nomenklatura's `name_bench` pairs and deterministic typo variants of UN names.
 */

/** The shared list files every matching bench screens against (FtM files are added from their folder). */
export const SHARED_LIST_FILES: readonly string[] = Object.freeze([
  sharedData('ofac', 'sdn.csv'),
  sharedData('ofac', 'consolidated', 'cons_prim.csv'),
  sharedData('un', 'UN_consolidated.xml'),
  sharedData('uk', 'ConList_sample_2020-04-27.csv'),
  sharedData('eu', 'eu_fsf_sample_2020-04-15.xml'),
  sharedData('us_csl', 'consolidated.csv.gz'),
]);

/** Reads list files into entities through `openListFeeds`, warnings ignored. */
export async function loadEntities(paths: readonly string[]): Promise<Entity[]> {
  const out: Entity[] = [];
  const ctx = { warn(): void {}, setPublishedAt(): void {} };
  for (const path of paths) {
    for (const feed of await openListFeeds([path])) {
      for await (const e of feed.entities(ctx)) out.push(e);
    }
  }
  return out;
}

/**
 * Every entity of all shared lists: OFAC SDN and consolidated (CSV sets), UN, UK and EU
 * samples, the US Consolidated Screening List and the OpenSanctions FtM files. Loaded once
 * per process (the result is cached).
 */
export function loadSharedEntities(): Promise<Entity[]> {
  sharedEntities ??= (async () => {
    const ftmDir = sharedData('opensanctions', 'ftm');
    const ftm = (await readdir(ftmDir)).filter((f) => f.endsWith('.json')).sort().map((f) => `${ftmDir}/${f}`);
    return loadEntities([...SHARED_LIST_FILES, ...ftm]);
  })();
  return sharedEntities;
}
let sharedEntities: Promise<Entity[]> | undefined;

/** The index over every shared list, built once per process and shared by the quality sections (matching-speed builds and times its own). */
export function loadSharedIndex(): Promise<{ entities: Entity[]; index: MatchIndex; seconds: number; heapMiB: number }> {
  sharedIndex ??= (async () => {
    const entities = await loadSharedEntities();
    const built = measureBuild(() => buildMatchIndex(entities));
    return { entities, index: built.value, seconds: built.seconds, heapMiB: built.heapMiB };
  })();
  return sharedIndex;
}
let sharedIndex: ReturnType<typeof loadSharedIndex> | undefined;


/** One synthetic ordinary person (a negative: not listed, barring chance collisions). */
export interface OrdinaryPerson {
  /** `global:<row>` or `us:<row>`, row counted from 1 after the header. */
  readonly id: string;
  readonly fullName: string;
  readonly firstName: string;
  readonly middleName: string;
  readonly lastName: string;
  readonly gender: string;
  /** `YYYY-MM-DD` as the file gives it, or empty. */
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  /** The nationality as written (a country name). */
  readonly nationality: string;
  /** Main script of the full name: ISO 15924 code (`Latn`, `Cyrl`, `Arab`, `Hani`…), see {@link mainScript}. */
  readonly script: string;
}

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
];

/** Human labels of the script codes, for tables. */
export const SCRIPT_LABELS: Readonly<Record<string, string>> = Object.freeze({
  Latn: 'Latin',
  Cyrl: 'Cyrillic',
  Arab: 'Arabic',
  Hani: 'Han (CJK)',
  Hang: 'Hangul',
  Hira: 'Hiragana',
  Kana: 'Katakana',
  Deva: 'Devanagari',
  Thai: 'Thai',
  Hebr: 'Hebrew',
  Grek: 'Greek',
  Armn: 'Armenian',
  Geor: 'Georgian',
  Khmr: 'Khmer',
  Ethi: 'Ethiopic',
  Zzzz: 'another script',
  Zyyy: 'none (no letters)',
});

/**
 * The script most of a text's letters are written in, as an ISO 15924 code; `Zzzz` for
 * letters of a script not listed here (never Latin: a Khmer or Ethiopic name counted as
 * Latin–Latin before these were listed), `Zyyy` when it has no letters. Ties go to the first
 * script in the order Latin, Cyrillic, Arabic, Han, Hangul, Hiragana, Katakana, Devanagari,
 * Thai, Hebrew, Greek, Armenian, Georgian, Khmer, Ethiopic, another.
 */
export function mainScript(text: string): string {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPTS.find(([, re]) => re.test(ch));
    const code = hit ? hit[0] : 'Zzzz';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = 'Zyyy';
  let bestN = 0;
  for (const [code] of [...SCRIPTS, ['Zzzz'] as const]) {
    const n = counts.get(code) ?? 0;
    if (n > bestN) [best, bestN] = [code, n];
  }
  return best;
}

async function readCsv(path: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const row of parser) rows.push(row as Record<string, string>);
  return rows;
}

/**
 * The 80,000 ordinary people of `names/synthetic_persons_{global,us}_part1.csv` (global
 * first), each with the main script of its full name. Cached per process.
 */
export function loadOrdinaryPeople(): Promise<OrdinaryPerson[]> {
  ordinaryPeople ??= (async () => {
    const out: OrdinaryPerson[] = [];
    for (const part of ['global', 'us'] as const) {
      const rows = await readCsv(sharedData('names', `synthetic_persons_${part}_part1.csv`));
      rows.forEach((r, i) => {
        const fullName = r['full_name'] ?? '';
        out.push({
          id: `${part}:${i + 1}`,
          fullName,
          firstName: r['first_name'] ?? '',
          middleName: r['middle_name'] ?? '',
          lastName: r['last_name'] ?? '',
          gender: r['gender'] ?? '',
          dateOfBirth: r['date_of_birth'] ?? '',
          placeOfBirth: r['place_of_birth'] ?? '',
          nationality: r['nationality'] ?? '',
          script: mainScript(fullName),
        });
      });
    }
    return out;
  })();
  return ordinaryPeople;
}
let ordinaryPeople: Promise<OrdinaryPerson[]> | undefined;

/** One labelled pair of nomenklatura's `name_bench/cases.csv`. */
export interface NameBenchCase {
  /** Row number counted from 1 after the header. */
  readonly row: number;
  readonly caseGroup: string;
  readonly schema: string;
  readonly name1: string;
  readonly name2: string;
  readonly isMatch: boolean;
  readonly quality: string;
  readonly category: string;
  readonly notes: string;
  /** Main script of each name (ISO 15924). */
  readonly script1: string;
  readonly script2: string;
}

/** The pairs of `opensanctions/name_bench/cases.csv`, in file order. */
export async function loadNameBench(): Promise<NameBenchCase[]> {
  const rows = await readCsv(sharedData('opensanctions', 'name_bench', 'cases.csv'));
  return rows.map((r, i) => {
    const name1 = r['name1'] ?? '';
    const name2 = r['name2'] ?? '';
    return {
      row: i + 1,
      caseGroup: r['case_group'] ?? '',
      schema: r['schema'] ?? '',
      name1,
      name2,
      isMatch: (r['is_match'] ?? '').trim().toLowerCase() === 'true',
      quality: r['quality'] ?? '',
      category: r['category'] ?? '',
      notes: r['notes'] ?? '',
      script1: mainScript(name1),
      script2: mainScript(name2),
    };
  });
}

/** A deterministic pseudo-random source (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a typo variant was made. */
export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

/** A listed name with one typo, and the entity it must still find. */
export interface TypoVariant {
  readonly name: string;
  /** The listed name it was made from. */
  readonly original: string;
  readonly kind: TypoKind;
  readonly expectedEntityId: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const TYPO_KINDS: readonly TypoKind[] = ['insert', 'delete', 'substitute', 'transpose'];

function applyTypo(word: string, kind: TypoKind, rnd: () => number): string {
  const letter = (): string => LETTERS[Math.floor(rnd() * LETTERS.length)] ?? 'e';
  const upper = word === word.toUpperCase();
  const cased = (s: string): string => (upper ? s.toUpperCase() : s);
  // Positions 1..len-2 keep the first letter (most typos spare it) and the part's length >= 4.
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  switch (kind) {
    case 'insert':
      return word.slice(0, at) + cased(letter()) + word.slice(at);
    case 'delete':
      return word.slice(0, at) + word.slice(at + 1);
    case 'substitute': {
      let c = cased(letter());
      while (c.toLowerCase() === (word[at] ?? '').toLowerCase()) c = cased(letter());
      return word.slice(0, at) + c + word.slice(at + 1);
    }
    case 'transpose': {
      const b = at + 1 < word.length ? at : at - 1;
      return word.slice(0, b) + (word[b + 1] ?? '') + (word[b] ?? '') + word.slice(b + 2);
    }
  }
}

/**
 * `n` deterministic typo-treated names of UN-listed people (schema Person, source `un`, or the
 * `source` given, e.g. `ofac-sdn` for peers that read only the SDN list): the
 * entities are shuffled by `seed` and taken in turn, first their primary Latin name, then, in
 * later rounds when `n` exceeds the people, their other strong Latin names (not weak aliases)
 * with fresh typos. Each variant has one insert, delete, substitution or transposition (kinds
 * in turn) inside one name part of five letters or more, the first letter kept. No variant
 * repeats; fewer than `n` when the names run out.
 */
export function typoVariants(entities: readonly Entity[], n: number, seed: number, source = 'un'): TypoVariant[] {
  const rnd = seededRandom(seed);
  const pool = entities
    .filter((e) => e.schema === 'Person' && e.source === source)
    .map((e) => ({
      id: e.id,
      names: e.names
        .filter((nm) => nm.kind !== 'weak' && mainScript(nm.full) === 'Latn' && /\p{L}{5,}/u.test(nm.full))
        .sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'))
        .map((nm) => nm.full),
    }))
    .filter((x) => x.names.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const out: TypoVariant[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < 8 && out.length < n; round++) {
    for (const { id, names } of pool) {
      if (out.length >= n) break;
      const original = names[round % names.length]!;
      const parts = original.split(/(\s+|[,-])/u);
      const long = parts.map((p, i) => ({ p, i })).filter(({ p }) => /^\p{L}{5,}$/u.test(p));
      const pick = long[Math.floor(rnd() * long.length)];
      if (!pick) continue;
      const kind = TYPO_KINDS[out.length % TYPO_KINDS.length]!;
      const typo = applyTypo(pick.p, kind, rnd);
      if (typo === pick.p) continue;
      parts[pick.i] = typo;
      const name = parts.join('');
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, original, kind, expectedEntityId: id });
    }
  }
  return out;
}
