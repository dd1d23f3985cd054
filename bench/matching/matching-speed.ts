import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AccountRecord } from '../../src/domain/accounts/account.js';
import type { Entity } from '../../src/domain/entities/entity.js';
import { buildMatchIndex } from '../../src/domain/matching/build-match-index.js';
import { Faq249Reference } from '../peers/faq249-reference.js';
import { FusePeer } from '../peers/fuse-peer.js';
import { OfacNpmPeer, splitPersonName } from '../peers/ofac-npm.js';
import { loadOrdinaryPeople, loadSharedEntities, mainScript, SCRIPT_LABELS, typoVariants, type OrdinaryPerson, type TypoVariant } from './datasets.js';
import { measureBuild, num, pct, summarize, timeEach, timeEachAsync, type LatencySummary } from './timing.js';

/** Seed of the typo variants (fixed: every run screens the same names). */
const SEED = 249;
/** Typo variants of UN-listed people Warden screens. */
const TYPO_COUNT = 1000;
/** The reference screens every n-th ordinary person (it runs about 100 accounts/s). */
const REFERENCE_EVERY = 10;
/** Typo variants the reference screens (the first of the 1,000). */
const REFERENCE_TYPOS = 300;
/** The npm `ofac` rereads the whole XML per query (about 1.4 s): small samples only. */
const OFAC_PEOPLE = 10;
const OFAC_NAMES = 10;
/** fuse.js scans every listed name per query (about 1.2 s): small samples only. */
const FUSE_PEOPLE = 10;
const FUSE_TYPOS = 20;
const FUSE_NON_LATIN = 10;
/**
 * Seconds Warden may spend on the ordinary people: it screens the reference's sample first, then
 * the others, and stops when the budget is spent (the tables say how many it screened).
 */
const WARDEN_BUDGET_SECONDS = 60;
/** Calls made before timing starts, so the JIT has compiled the hot paths. */
const WARMUP = 200;
/** The slider positions of the reference. */
const REFERENCE_THRESHOLDS = [0.85, 0.9, 0.95] as const;
/** The threshold fuse.js hits are counted at (as 1 - fuse score). */
const FUSE_THRESHOLD = 0.85;

/** A listed name written in another script than Latin, and its entity. */
interface NonLatinName {
  readonly name: string;
  readonly entityId: string;
  readonly script: string;
}

interface SpeedRow {
  readonly engine: string;
  readonly accounts: string;
  readonly buildSeconds?: number;
  readonly heapMiB?: number;
  readonly latency: LatencySummary;
}

interface QualityRow {
  readonly engine: string;
  readonly threshold: string;
  readonly people: readonly [number, number];
  readonly typos: readonly [number, number];
  readonly nonLatin: readonly [number, number];
  readonly note: string;
}

const account = (id: string, displayName: string): AccountRecord => ({ id, displayName });
const hits = (flags: readonly boolean[]): number => flags.filter(Boolean).length;
const rate = ([hit, n]: readonly [number, number]): string => (n === 0 ? 'not measured' : `${pct(hit, n)} (${hit}/${num(n)})`);

function nonLatinNames(entities: readonly Entity[]): NonLatinName[] {
  const out: NonLatinName[] = [];
  for (const e of entities) {
    for (const n of e.names) {
      const script = mainScript(n.full);
      if (script !== 'Latn' && script !== 'Zyyy') out.push({ name: n.full, entityId: e.id, script });
    }
  }
  return out;
}

/** Every n-th item, starting with the first. */
function everyNth<T>(items: readonly T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}

/** Items spread evenly over the list (a systematic sample of `count`). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

interface Inputs {
  readonly entities: Entity[];
  readonly people: OrdinaryPerson[];
  readonly sample: OrdinaryPerson[];
  readonly typos: TypoVariant[];
  readonly nonLatin: NonLatinName[];
}

/** What the Warden run hands to the tables. */
interface WardenRun {
  readonly alerted: Set<string>;
  readonly screened: Set<string>;
  readonly threshold: number;
  readonly sampleRate: number;
}

function runWarden(inp: Inputs, speed: SpeedRow[], quality: QualityRow[]): WardenRun {
  const built = measureBuild(() => buildMatchIndex(inp.entities));
  const index = built.value;
  const inSample = new Set(inp.sample.map((p) => p.id));
  const ordered = [...inp.sample, ...inp.people.filter((p) => !inSample.has(p.id))];
  timeEach(ordered.slice(0, WARMUP), (p) => index.screen(account(p.id, p.fullName)));
  const deadline = process.hrtime.bigint() + BigInt(WARDEN_BUDGET_SECONDS * 1e9);
  const screened: OrdinaryPerson[] = [];
  const micros: number[] = [];
  const alerted = new Set<string>();
  for (const [i, p] of ordered.entries()) {
    if (i >= inp.sample.length && i % 100 === 0 && process.hrtime.bigint() > deadline) break;
    const t = process.hrtime.bigint();
    const found = index.screen(account(p.id, p.fullName)).length > 0;
    micros.push(Number(process.hrtime.bigint() - t) / 1000);
    screened.push(p);
    if (found) alerted.add(p.id);
  }
  const sampleMicros = micros.slice(0, inp.sample.length);
  const typo = timeEach(inp.typos, (v) => index.screen(account(`typo:${v.expectedEntityId}`, v.name)).some((m) => m.entityId === v.expectedEntityId));
  const nonLatin = inp.nonLatin.map((n) => index.screen(account(`orig:${n.entityId}`, n.name)).some((m) => m.entityId === n.entityId));
  const label = `Warden (${index.algorithm.name} ${index.algorithm.version})`;
  const budgetNote = screened.length < inp.people.length ? ` (${WARDEN_BUDGET_SECONDS} s budget spent)` : '';
  speed.push({ engine: label, accounts: `${num(screened.length)} of ${num(inp.people.length)} ordinary people${budgetNote}`, buildSeconds: built.seconds, heapMiB: built.heapMiB, latency: summarize(micros) });
  const sampleLatency = summarize(sampleMicros);
  speed.push({ engine: label, accounts: `the reference's sample (${num(sampleMicros.length)})`, latency: sampleLatency });
  speed.push({ engine: label, accounts: `${num(inp.typos.length)} UN typo variants`, latency: summarize(typo.micros) });
  quality.push({
    engine: label,
    threshold: `${index.threshold} (default)`,
    people: [alerted.size, screened.length],
    typos: [hits(typo.results), inp.typos.length],
    nonLatin: [hits(nonLatin), inp.nonLatin.length],
    note: `index holds ${num(index.size)} entities`,
  });
  return { alerted, screened: new Set(screened.map((p) => p.id)), threshold: index.threshold, sampleRate: sampleLatency.perSecond };
}

function runReference(inp: Inputs, speed: SpeedRow[], quality: QualityRow[]): { best: Map<string, number>; rate: number } {
  const built = measureBuild(() => Faq249Reference.build(inp.entities));
  const ref = built.value;
  const low = REFERENCE_THRESHOLDS[0];
  timeEach(inp.people.slice(0, WARMUP), (p) => ref.bestScore(p.fullName, low));
  const run = timeEach(inp.sample, (p) => ref.bestScore(p.fullName, low));
  const best = new Map(inp.sample.map((p, i) => [p.id, run.results[i]!]));
  const typos = inp.typos.slice(0, REFERENCE_TYPOS);
  const typo = timeEach(typos, (v) => ref.search(v.name, low).some((m) => m.entityId === v.expectedEntityId));
  const nonLatin = inp.nonLatin.map((n) => ref.search(n.name, low).some((m) => m.entityId === n.entityId));
  const latency = summarize(run.micros);
  speed.push({ engine: 'FAQ-249 reference', accounts: `every ${REFERENCE_EVERY}th person (${num(inp.sample.length)})`, buildSeconds: built.seconds, heapMiB: built.heapMiB, latency });
  speed.push({ engine: 'FAQ-249 reference', accounts: `${num(typos.length)} UN typo variants`, latency: summarize(typo.micros) });
  for (const t of REFERENCE_THRESHOLDS) {
    quality.push({
      engine: 'FAQ-249 reference',
      threshold: String(t),
      people: [[...best.values()].filter((s) => s >= t).length, inp.sample.length],
      typos: t === low ? [hits(typo.results), typos.length] : [0, 0],
      nonLatin: t === low ? [hits(nonLatin), inp.nonLatin.length] : [0, 0],
      note: t === low ? `sampled: every ${REFERENCE_EVERY}th person, first ${typos.length} typo variants` : 'same sample; recall measured at 0.85 only',
    });
  }
  return { best, rate: latency.perSecond };
}

async function runOfac(inp: Inputs, dir: string, speed: SpeedRow[], quality: QualityRow[]): Promise<void> {
  const t = process.hrtime.bigint();
  const peer = await OfacNpmPeer.create(inp.entities, dir);
  const buildSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  const people = inp.sample.slice(0, OFAC_PEOPLE);
  const query = (p: OrdinaryPerson): { firstName: string; lastName: string } => ({
    firstName: [p.firstName, p.middleName].filter(Boolean).join(' '),
    lastName: p.lastName,
  });
  await peer.search(query(people[0]!));
  const run = await timeEachAsync(people, async (p) => (await peer.search(query(p))).length > 0);
  const sdn = typoVariants(inp.entities, OFAC_NAMES, SEED, 'ofac-sdn');
  const exact = await timeEachAsync(sdn, async (v) => (await peer.search(splitPersonName(v.original))).includes(v.expectedEntityId));
  const typo = await timeEachAsync(sdn, async (v) => (await peer.search(splitPersonName(v.name))).includes(v.expectedEntityId));
  speed.push({ engine: 'npm `ofac` 1.0.21', accounts: `first ${people.length} of the sample + ${sdn.length * 2} SDN names`, buildSeconds, latency: summarize([...run.micros, ...exact.micros, ...typo.micros]) });
  quality.push({
    engine: 'npm `ofac` 1.0.21',
    threshold: 'exact first/last name',
    people: [hits(run.results), people.length],
    typos: [hits(typo.results), sdn.length],
    nonLatin: [0, 0],
    note: `SDN individuals only (${num(peer.entries)} SDN entries written to SDN.XML); typo column: ${sdn.length} SDN (not UN) typo variants; exact SDN names found: ${hits(exact.results)}/${sdn.length}; build = writing the XML`,
  });
}

function runFuse(inp: Inputs, speed: SpeedRow[], quality: QualityRow[]): void {
  const built = measureBuild(() => new FusePeer(inp.entities));
  const fuse = built.value;
  const people = inp.sample.slice(0, FUSE_PEOPLE);
  fuse.search(people[0]!.fullName, FUSE_THRESHOLD);
  const run = timeEach(people, (p) => fuse.search(p.fullName, FUSE_THRESHOLD).length > 0);
  const typos = inp.typos.slice(0, FUSE_TYPOS);
  const typo = timeEach(typos, (v) => fuse.search(v.name, 0).find((m) => m.entityId === v.expectedEntityId)?.score ?? -1);
  const originals = spread(inp.nonLatin, FUSE_NON_LATIN);
  const nonLatin = originals.map((n) => fuse.search(n.name, FUSE_THRESHOLD).some((m) => m.entityId === n.entityId));
  speed.push({ engine: 'fuse.js 7.5.0 (defaults)', accounts: `first ${people.length} of the sample + ${typos.length} typo variants`, buildSeconds: built.seconds, heapMiB: built.heapMiB, latency: summarize([...run.micros, ...typo.micros]) });
  quality.push({
    engine: 'fuse.js 7.5.0 (defaults)',
    threshold: `${FUSE_THRESHOLD} (1 - fuse score)`,
    people: [hits(run.results), people.length],
    typos: [typo.results.filter((x) => x >= FUSE_THRESHOLD).length, typos.length],
    nonLatin: [hits(nonLatin), originals.length],
    note: `small samples (about 1 s per query over all listed names); typo variants returned at any score (fuse's own threshold 0.6): ${typo.results.filter((x) => x >= 0).length}/${typos.length}`,
  });
}

function printTables(inp: Inputs, speed: SpeedRow[], quality: QualityRow[], warden: WardenRun, ref: ReturnType<typeof runReference>): void {
  console.log('\n## Matching speed and peers (one thread, one core; all shared lists)\n');
  console.log(`Lists: ${num(inp.entities.length)} entities. Accounts: names only (\`displayName\`). Peers that are slow ran on the samples named.\n`);
  console.log('| engine | accounts timed | build s | heap MiB | accounts/s | p50 µs | p99 µs |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of speed) {
    const l = r.latency;
    console.log(`| ${r.engine} | ${r.accounts} | ${r.buildSeconds === undefined ? '' : r.buildSeconds.toFixed(2)} | ${r.heapMiB === undefined ? '' : r.heapMiB.toFixed(0)} | ${num(l.perSecond, l.perSecond < 10 ? 2 : 0)} | ${num(l.p50)} | ${num(l.p99)} |`);
  }
  console.log('\n### Quality side by side\n');
  console.log('| engine | threshold | ordinary people alerted (names only) | recall, UN typo variants | recall, non-Latin listed names | note |');
  console.log('| --- | --- | ---: | ---: | ---: | --- |');
  for (const q of quality) console.log(`| ${q.engine} | ${q.threshold} | ${rate(q.people)} | ${rate(q.typos)} | ${rate(q.nonLatin)} | ${q.note} |`);
  const scripts = [...new Set(inp.people.map((p) => p.script))].sort((a, b) => inp.people.filter((p) => p.script === b).length - inp.people.filter((p) => p.script === a).length);
  console.log('\n### Ordinary people alerted, by script of the name (names only)\n');
  console.log(`| script | people | Warden screened | Warden ≥ ${warden.threshold} | reference sample | ${REFERENCE_THRESHOLDS.map((t) => `ref ≥ ${t}`).join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |${REFERENCE_THRESHOLDS.map(() => ' ---: |').join('')}`);
  for (const s of [...scripts, 'all']) {
    const group = s === 'all' ? inp.people : inp.people.filter((p) => p.script === s);
    const sample = s === 'all' ? inp.sample : inp.sample.filter((p) => p.script === s);
    const seen = group.filter((p) => warden.screened.has(p.id));
    const w = ` ${num(seen.length)} | ${pct(seen.filter((p) => warden.alerted.has(p.id)).length, seen.length)} |`;
    const r = REFERENCE_THRESHOLDS.map((t) => pct(sample.filter((p) => (ref.best.get(p.id) ?? 0) >= t).length, sample.length)).join(' | ');
    console.log(`| ${s === 'all' ? '**all**' : (SCRIPT_LABELS[s] ?? s)} | ${num(group.length)} |${w} ${num(sample.length)} | ${r} |`);
  }
  {
    const ratio = warden.sampleRate / ref.rate;
    const p99 = speed.find((r) => r.engine.startsWith('Warden'))?.latency.p99 ?? NaN;
    console.log(`\nSpeed ratio Warden / FAQ-249 reference on the same ${num(inp.sample.length)} accounts: ${ratio.toFixed(0)}× (goal ≥ 100×: ${ratio >= 100 ? 'met' : 'NOT met'}).`);
    console.log(`Warden p99 over the ordinary people it screened: ${num(p99)} µs (goal < 1,000 µs: ${p99 < 1000 ? 'met' : 'NOT met'}).`);
  }
}

/**
 * The speed-and-peers section of `npm run bench`: Warden's `MatchIndex` beside the FAQ-249
 * reference, the npm `ofac` package and fuse.js, on the same shared lists and accounts, in one
 * run: index build time and heap, accounts per second on one core, p50/p99 per account, false
 * alerts among the 80,000 ordinary people by script, recall on UN typo variants and on listed
 * names in non-Latin scripts, and the Warden/reference speed ratio (goal ≥ 100×).
 */
export async function benchMatchingSpeed(): Promise<void> {
  const entities = await loadSharedEntities();
  const people = await loadOrdinaryPeople();
  const inp: Inputs = {
    entities,
    people,
    sample: everyNth(people, REFERENCE_EVERY),
    typos: typoVariants(entities, TYPO_COUNT, SEED),
    nonLatin: nonLatinNames(entities),
  };
  const speed: SpeedRow[] = [];
  const quality: QualityRow[] = [];
  const warden = runWarden(inp, speed, quality);
  const ref = runReference(inp, speed, quality);
  const dir = await mkdtemp(join(tmpdir(), 'warden-bench-peers-'));
  try {
    await runOfac(inp, dir, speed, quality);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  runFuse(inp, speed, quality);
  printTables(inp, speed, quality, warden, ref);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchMatchingSpeed();
