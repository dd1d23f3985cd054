import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AccountRecord } from '../src/domain/accounts/account.js';
import { toCountryCode } from '../src/domain/countries/country-code.js';
import type { Entity } from '../src/domain/entities/entity.js';
import type { MatchIndex } from '../src/domain/matching/match-types.js';
import { sharedData } from '../test/paths.js';
import { loadNameBench, loadOrdinaryPeople, loadSharedEntities, loadSharedIndex, SCRIPT_LABELS, type NameBenchCase } from './matching/datasets.js';
import { num, pct } from './matching/timing.js';

/**
 * The matcher's quality sections of `npm run bench`: `matching-quality` (OpenSanctions'
 * name_bench beside the frozen logic-v2 run, and false alerts on the 80,000 ordinary people by
 * script, names only and with birth dates) and, in matching-variants.ts, `matching-variants`
 * (recall on generated variants of listed people). Same lists and people as matching-speed.
 * `node dist/bench/matching-quality.js [--verbose]` runs both alone (`--verbose` lists every
 * name_bench error).
 */

/** Every entity of the shared lists (cached per process; the same set matching-speed uses). */
export function loadListEntities(): Promise<Entity[]> {
  return loadSharedEntities();
}

interface Prf {
  readonly n: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

interface Judged {
  readonly truth: boolean;
  readonly predicted: boolean;
}

function prf(rows: readonly Judged[]): Prf {
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    if (r.predicted && r.truth) tp++;
    else if (r.predicted) fp++;
    else if (r.truth) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { n: rows.length, tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

const fmt = (p: Prf): string => (p.n === 0 ? 'n/a' : `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} **F1 ${p.f1.toFixed(3)}** (n=${p.n}; FP ${p.fp}, FN ${p.fn})`);

/** Which scripts a pair is written in: both Latin, one Latin and one not, or neither Latin. */
function scriptClass(c: NameBenchCase): string {
  const latin = [c.script1, c.script2].filter((s) => s === 'Latn' || s === 'Zyyy').length;
  return latin === 2 ? 'Latin–Latin' : latin === 1 ? 'cross-script (Latin–other)' : 'non-Latin–non-Latin';
}

const isNonLatin = (c: NameBenchCase): boolean => scriptClass(c) !== 'Latin–Latin';

interface PairResult extends Judged {
  readonly c: NameBenchCase;
  readonly score: number;
  /** The frozen logic-v2 verdict on the same pair, where the frozen run has it. */
  readonly logicV2?: Judged & { readonly score: number };
}

const pairKey = (schema: string, a: string, b: string): string => `${schema}\u0000${a}\u0000${b}`;

/** The name_bench pairs through `index.compare`, each with the frozen logic-v2 verdict on the same pair. */
export async function scoreNameBench(index: MatchIndex): Promise<PairResult[]> {
  const frozen = parse(readFileSync(sharedData('opensanctions', 'name_bench', 'logicv2-frozen.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const theirs = new Map<string, Judged & { score: number }>();
  for (const f of frozen) {
    theirs.set(pairKey(f['schema'] ?? '', f['name1'] ?? '', f['name2'] ?? ''), { truth: f['is_match'] === 'true', predicted: f['predicted_match'] === 'true', score: Number(f['score']) });
  }
  return (await loadNameBench()).map((c) => {
    const schema = (c.schema || 'Person') as never;
    const r = index.compare({ names: [c.name1], schema }, { names: [c.name2], schema });
    const lv2 = theirs.get(pairKey(c.schema, c.name1, c.name2));
    return { c, truth: c.isMatch, predicted: r.match, score: r.score, ...(lv2 ? { logicV2: lv2 } : {}) };
  });
}

/** Prints name_bench precision/recall/F1 overall, on non-Latin pairs and by class, beside logic-v2. */
export async function benchNameBench(index: MatchIndex, verbose = false): Promise<{ warden: Prf; wardenNonLatin: Prf; logicV2: Prf; logicV2NonLatin: Prf }> {
  const ours = await scoreNameBench(index);
  const common = ours.filter((o) => o.logicV2 !== undefined);
  const lv2 = (rows: readonly PairResult[]): Judged[] => rows.map((o) => o.logicV2!);
  const nonLatin = common.filter((o) => isNonLatin(o.c));
  const out = { warden: prf(common), wardenNonLatin: prf(nonLatin), logicV2: prf(lv2(common)), logicV2NonLatin: prf(lv2(nonLatin)) };

  console.log(`\n## name_bench: pairwise quality at the default threshold (${index.threshold}), beside OpenSanctions logic-v2\n`);
  console.log(`\`opensanctions/name_bench/cases.csv\`: ${ours.length} labelled pairs; the frozen logic-v2 run (\`logicv2-frozen.csv\`) scored ${common.length} of them. Both engines are compared on those ${common.length}; Warden on all ${ours.length} is the last row. Warden scores each pair with \`MatchIndex.compare\` (names and schema only).\n`);
  console.log('| pairs | Warden | logic-v2 (frozen) |');
  console.log('| --- | --- | --- |');
  console.log(`| all (${common.length}) | ${fmt(out.warden)} | ${fmt(out.logicV2)} |`);
  for (const cls of ['Latin–Latin', 'cross-script (Latin–other)', 'non-Latin–non-Latin']) {
    const rows = common.filter((o) => scriptClass(o.c) === cls);
    console.log(`| ${cls} | ${fmt(prf(rows))} | ${fmt(prf(lv2(rows)))} |`);
  }
  console.log(`| **non-Latin (any name not Latin)** | ${fmt(out.wardenNonLatin)} | ${fmt(out.logicV2NonLatin)} |`);
  console.log(`| Warden on all ${ours.length} pairs | ${fmt(prf(ours))} | |`);

  console.log('\n### Errors by class (Warden, all pairs; logic-v2 on its pairs; F1 is – where a class has no true matches)\n');
  console.log('| class | pairs | Warden FP | Warden FN | Warden F1 | logic-v2 FP | logic-v2 FN | logic-v2 F1 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const classes: [string, (o: PairResult) => string][] = [
    ['group', (o) => o.c.caseGroup],
    ['schema', (o) => o.c.schema],
    ['scripts', (o) => scriptClass(o.c)],
    ['quality', (o) => `${o.c.quality} (${o.truth ? 'match' : 'non-match'})`],
  ];
  for (const [label, of] of classes) {
    const keys = [...new Set(ours.map(of))].sort();
    for (const k of keys) {
      const rows = ours.filter((o) => of(o) === k);
      const w = prf(rows);
      const t = prf(lv2(rows.filter((o) => o.logicV2 !== undefined)));
      const f1 = (x: Prf): string => (x.n === 0 ? 'n/a' : x.tp + x.fn === 0 ? '–' : x.f1.toFixed(3));
      console.log(`| ${label}: ${k} | ${rows.length} | ${w.fp} | ${w.fn} | ${f1(w)} | ${t.fp} | ${t.fn} | ${f1(t)} |`);
    }
  }
  const errors = ours.filter((o) => o.truth !== o.predicted);
  const saturated = ours.filter((o) => o.score >= 1).length;
  console.log(`\nPairs scoring exactly 1.0: ${pct(saturated, ours.length)}. Warden errors: ${errors.length} (${errors.filter((o) => o.predicted).length} FP, ${errors.filter((o) => !o.predicted).length} FN); logic-v2 is right on ${errors.filter((o) => o.logicV2 && o.logicV2.predicted === o.truth).length} of them.`);
  const shown = verbose ? errors : errors.slice(0, 30);
  console.log(`\n${verbose ? 'Every' : `The first ${shown.length} of the`} Warden error${shown.length === 1 ? '' : 's'} (file order; score, logic-v2 score):\n`);
  for (const o of shown) {
    console.log(`- ${o.truth ? 'FN' : 'FP'} ${o.score.toFixed(3)} (lv2 ${o.logicV2 ? o.logicV2.score.toFixed(3) : 'n/a'}) ${o.c.caseGroup}/${o.c.schema}: ${o.c.name1} | ${o.c.name2}`);
  }
  const goalF1 = out.warden.f1 >= 0.9;
  const goalNonLatin = out.wardenNonLatin.f1 > out.logicV2NonLatin.f1;
  console.log(`\nGoal F1 ≥ 0.90: ${goalF1 ? 'met' : 'NOT met'} (${out.warden.f1.toFixed(3)}; logic-v2 ${out.logicV2.f1.toFixed(3)}). Goal better than logic-v2 on non-Latin pairs: ${goalNonLatin ? 'met' : 'NOT met'} (F1 ${out.wardenNonLatin.f1.toFixed(3)} vs ${out.logicV2NonLatin.f1.toFixed(3)}).`);
  return out;
}

/** Ordinary people screened at the default threshold: share with ≥ 1 match, by script, names only and with birth dates. */
export async function benchFalseAlerts(index: MatchIndex, top = 25): Promise<{ namesOnly: number; withDates: number; withDatesAndCountry: number }> {
  const people = await loadOrdinaryPeople();
  const byScript = new Map<string, { n: number; names: number; dates: number; both: number }>();
  const alerted = new Map<string, number>();
  let names = 0, dates = 0, both = 0;
  for (const p of people) {
    const row = byScript.get(p.script) ?? { n: 0, names: 0, dates: 0, both: 0 };
    row.n++;
    const m1 = index.screen({ id: p.id, displayName: p.fullName });
    const withDate: AccountRecord = { id: p.id, displayName: p.fullName, ...(p.dateOfBirth ? { birthDate: p.dateOfBirth } : {}) };
    const country = toCountryCode(p.nationality);
    const m2 = index.screen(withDate);
    const m3 = index.screen({ ...withDate, ...(country ? { country } : {}) });
    if (m1.length > 0) {
      names++;
      row.names++;
      const k = `${p.fullName} → ${m1[0]?.explanation.matchedName} (${m1[0]?.entityId}) ${m1[0]?.score.toFixed(3)}`;
      alerted.set(k, (alerted.get(k) ?? 0) + 1);
    }
    if (m2.length > 0) {
      dates++;
      row.dates++;
    }
    if (m3.length > 0) {
      both++;
      row.both++;
    }
    byScript.set(p.script, row);
  }
  const n = people.length;
  console.log(`\n## False alerts on ${num(n)} ordinary people (\`names/synthetic_persons_*_part1.csv\`) against all shared lists, threshold ${index.threshold}\n`);
  console.log('An alert is at least one match at or above the default threshold. "With birth date" adds the person\'s date of birth to the account; "+ country" also adds the nationality (ISO code).\n');
  console.log('| script | people | names only | with birth date | with birth date + country |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [s, r] of [...byScript].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`| ${SCRIPT_LABELS[s] ?? s} | ${num(r.n)} | ${pct(r.names, r.n)} (${r.names}) | ${pct(r.dates, r.n)} (${r.dates}) | ${pct(r.both, r.n)} (${r.both}) |`);
  }
  console.log(`| **all** | ${num(n)} | **${pct(names, n)}** (${names}) | **${pct(dates, n)}** (${dates}) | ${pct(both, n)} (${both}) |`);
  console.log(`\nGoal < 0.3% names only: ${names / n < 0.003 ? 'met' : 'NOT met'} (${pct(names, n)}). Goal < 0.05% with birth dates: ${dates / n < 0.0005 ? 'met' : 'NOT met'} (${pct(dates, n)}).`);
  console.log(`\nMost frequent alerts (names only; person → listed name (entity) score):\n`);
  for (const [k, c] of [...alerted].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`- ${c}× ${k}`);
  return { namesOnly: names / n, withDates: dates / n, withDatesAndCountry: both / n };
}

export { benchVariantRecall } from './matching-variants.js';

/** The `matching-quality` section of `npm run bench`: name_bench and false alerts. */
export async function benchMatchingQuality(): Promise<void> {
  const { index, seconds } = await loadSharedIndex();
  console.log(`\n## Matching quality (${index.algorithm.name} ${index.algorithm.version}, default threshold ${index.threshold}; index of ${num(index.size)} entities built in ${seconds.toFixed(2)} s)`);
  await benchNameBench(index, process.argv.includes('--verbose'));
  await benchFalseAlerts(index);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchMatchingQuality();
  const { benchMatchingVariants } = await import('./matching-variants.js');
  await benchMatchingVariants();
}
