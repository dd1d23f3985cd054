import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { openListFeeds } from '../src/adapters/lists/list-feeds.js';
import type { AccountRecord } from '../src/domain/accounts/account.js';
import { toCountryCode } from '../src/domain/countries/country-code.js';
import type { Entity } from '../src/domain/entities/entity.js';
import { buildMatchIndex } from '../src/domain/matching/build-match-index.js';
import type { MatchIndex } from '../src/domain/matching/match-types.js';
import { sharedData } from '../test/paths.js';

/**
 * The matcher's tuning harness: quality on OpenSanctions' name_bench beside logic-v2, false
 * alerts on 80,000 ordinary people, recall on generated variants of listed people, and speed.
 * `node dist/bench/matching-quality.js` runs it alone; the bench runner calls the exports.
 */

/** The shared list files the index is built from. */
export const LIST_FILES: readonly string[] = [
  'ofac/sdn.csv', 'ofac/consolidated/cons_prim.csv', 'un/UN_consolidated.xml', 'uk/ConList_sample_2020-04-27.csv',
  'eu/eu_fsf_sample_2020-04-15.xml', 'us_csl/consolidated.csv.gz', 'opensanctions/ftm/parteispenden.entities.ftm.json',
  'opensanctions/ftm/t1.entities.ftm.json', 'opensanctions/ftm/zala.entities.ftm.json',
].map((f) => sharedData(f));

/** Every entity of the shared lists, in file order. */
export async function loadListEntities(): Promise<Entity[]> {
  const out: Entity[] = [];
  for (const feed of await openListFeeds(LIST_FILES)) {
    for await (const e of feed.entities({ warn() {}, setPublishedAt() {} })) out.push(e);
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const NON_LATIN = /[^\P{L}\p{Script=Latin}]/u;

interface Prf { readonly n: number; readonly precision: number; readonly recall: number; readonly f1: number }

function prf(rows: readonly { truth: boolean; predicted: boolean }[]): Prf {
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    if (r.predicted && r.truth) tp++;
    else if (r.predicted) fp++;
    else if (r.truth) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { n: rows.length, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

const fmt = (p: Prf): string => `P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}  (n=${p.n})`;

/** Part 1: name_bench pairs through `index.compare`, beside the frozen logic-v2 predictions. */
export function benchNameBench(index: MatchIndex, verbose = false): { warden: Prf; wardenNonLatin: Prf; logicV2: Prf; logicV2NonLatin: Prf; saturation: number } {
  const dir = sharedData('opensanctions', 'name_bench');
  const cases = parse(readFileSync(`${dir}/cases.csv`), { columns: true }) as Record<string, string>[];
  const frozen = parse(readFileSync(`${dir}/logicv2-frozen.csv`), { columns: true }) as Record<string, string>[];
  const ours = cases.map((c) => {
    const schema = (c['schema'] ?? 'Person') as never;
    const r = index.compare({ names: [c['name1'] ?? ''], schema }, { names: [c['name2'] ?? ''], schema });
    return { c, truth: c['is_match'] === 'true', predicted: r.match, score: r.score, nonLatin: NON_LATIN.test(`${c['name1']}${c['name2']}`) };
  });
  const theirs = frozen.map((c) => ({ truth: c['is_match'] === 'true', predicted: c['predicted_match'] === 'true', nonLatin: NON_LATIN.test(`${c['name1']}${c['name2']}`) }));
  if (verbose) {
    for (const o of ours.filter((x) => x.truth !== x.predicted)) console.log(`  ${o.truth ? 'FN' : 'FP'} ${o.score.toFixed(3)} ${o.c['schema']} | ${o.c['name1']} | ${o.c['name2']}`);
  }
  return {
    warden: prf(ours),
    wardenNonLatin: prf(ours.filter((o) => o.nonLatin)),
    logicV2: prf(theirs),
    logicV2NonLatin: prf(theirs.filter((o) => o.nonLatin)),
    saturation: ours.filter((o) => o.score >= 1).length / ours.length,
  };
}

function mainScript(name: string): string {
  for (const [script, re] of [['Cyrillic', /\p{Script=Cyrillic}/u], ['Arabic', /\p{Script=Arabic}/u], ['Han', /\p{Script=Han}/u], ['Hangul', /\p{Script=Hangul}/u], ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u], ['Greek', /\p{Script=Greek}/u], ['Hebrew', /\p{Script=Hebrew}/u], ['Devanagari', /\p{Script=Devanagari}/u], ['Thai', /\p{Script=Thai}/u]] as const) {
    if (re.test(name)) return script;
  }
  return NON_LATIN.test(name) ? 'other' : 'Latin';
}

/** Part 2: ordinary people screened at the default threshold: share with ≥ 1 match, by script. */
export function benchFalseAlerts(index: MatchIndex, top = 25): { namesOnly: number; withDates: number; perAccountMs: number[] } {
  const people: Record<string, string>[] = [];
  for (const f of ['synthetic_persons_global_part1.csv', 'synthetic_persons_us_part1.csv']) {
    people.push(...(parse(readFileSync(sharedData('names', f)), { columns: true }) as Record<string, string>[]));
  }
  const byScript = new Map<string, { n: number; names: number; dates: number }>();
  const alerted = new Map<string, number>();
  let names = 0, dates = 0;
  const perAccountMs: number[] = [];
  for (const [i, p] of people.entries()) {
    const full = p['full_name'] ?? '';
    const s = mainScript(full);
    const row = byScript.get(s) ?? { n: 0, names: 0, dates: 0 };
    row.n++;
    const t0 = performance.now();
    const m1 = index.screen({ id: String(i), displayName: full });
    perAccountMs.push(performance.now() - t0);
    const country = toCountryCode(p['nationality'] ?? '');
    const account: AccountRecord = { id: String(i), displayName: full, birthDate: p['date_of_birth'] ?? '', ...(country ? { country } : {}) };
    const m2 = index.screen(account);
    if (m1.length > 0) {
      names++;
      row.names++;
      const k = `${full} → ${m1[0]?.explanation.matchedName} ${m1[0]?.score}`;
      alerted.set(k, (alerted.get(k) ?? 0) + 1);
    }
    if (m2.length > 0) {
      dates++;
      row.dates++;
    }
    byScript.set(s, row);
  }
  console.log(`\n## False alerts on ${people.length} ordinary people (threshold ${index.threshold})`);
  console.log('| script | people | names only | with birth date + country |\n| --- | ---: | ---: | ---: |');
  for (const [s, r] of [...byScript].sort((a, b) => b[1].n - a[1].n)) console.log(`| ${s} | ${r.n} | ${pct(r.names / r.n)} | ${pct(r.dates / r.n)} |`);
  console.log(`| all | ${people.length} | ${pct(names / people.length)} | ${pct(dates / people.length)} |`);
  console.log('top alerted (names only):');
  for (const [k, n] of [...alerted].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${n}× ${k}`);
  return { namesOnly: names / people.length, withDates: dates / people.length, perAccountMs };
}

export { benchVariantRecall } from './matching-variants.js';

/** Runs every part and prints Markdown; the lead's `npm run bench` calls this. */
export async function benchMatchingQuality(): Promise<void> {
  const t0 = performance.now();
  const entities = await loadListEntities();
  const t1 = performance.now();
  const index = buildMatchIndex(entities);
  const t2 = performance.now();
  console.log(`# Matching quality (${index.algorithm.name} ${index.algorithm.version}, threshold ${index.threshold})`);
  console.log(`lists parsed in ${((t1 - t0) / 1000).toFixed(1)} s; index of ${index.size} entities built in ${((t2 - t1) / 1000).toFixed(2)} s`);
  const nb = benchNameBench(index, process.argv.includes('--verbose'));
  console.log('\n## name_bench (pairwise, index.compare)');
  console.log(`| | overall | non-Latin |\n| --- | --- | --- |`);
  console.log(`| Warden | ${fmt(nb.warden)} | ${fmt(nb.wardenNonLatin)} |`);
  console.log(`| logic-v2 (frozen) | ${fmt(nb.logicV2)} | ${fmt(nb.logicV2NonLatin)} |`);
  console.log(`pairs scoring exactly 1.0: ${pct(nb.saturation)}`);
  const { benchVariantRecall } = await import('./matching-variants.js');
  benchVariantRecall(index, entities);
  const fa = benchFalseAlerts(index);
  const times = [...fa.perAccountMs].sort((a, b) => a - b);
  const total = times.reduce((s, x) => s + x, 0);
  console.log(`\n## Speed (one core, names only): ${Math.round(times.length / (total / 1000))} accounts/s, p50 ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(3)} ms, p99 ${(times[Math.floor(times.length * 0.99)] ?? 0).toFixed(3)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchMatchingQuality();
