import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccountRecord } from '../accounts/account.js';
import { buildEntity } from '../entities/build-entity.js';
import type { Entity } from '../entities/entity.js';
import { buildMatchIndex } from './build-match-index.js';
import { formKeys } from './blocking-keys.js';
import { CandidateIndex, MAX_PAIR_FORMS } from './candidate-index.js';
import { frozenNameRarity } from './name-rarity.js';
import { queryNames } from './query-names.js';
import type { MatchIndex } from './match-types.js';
import { openListFeeds } from '../../adapters/lists/list-feeds.js';
import { sharedData } from '../../../test/paths.js';

let listed: Entity[] = [];
before(async () => {
  const [feed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
  for await (const e of feed!.entities({ warn() {}, setPublishedAt() {} })) listed.push(e);
  // Every 8th entity, people and organisations, in a shuffled order (the index sorts by id).
  listed = listed.filter((_, i) => i % 8 === 0).sort((a, b) => (a.names[0]!.full < b.names[0]!.full ? -1 : 1));
});

/** Everything screening answers, with explanations, for these accounts. */
function answers(index: MatchIndex, accounts: readonly AccountRecord[]): string {
  return JSON.stringify(accounts.map((a) => [index.screen(a, { limit: 50 }), index.accountKeys(a)]));
}

/**
 * `withChanges` derives the next version's index from the current one (a running server
 * does, instead of building it again). For any removals, renamings and additions, the derived
 * index must answer exactly as one built at once over the same entities: same matches, scores,
 * explanations and order, same account keys (handle cutting), same entities.
 */
test('property: an index derived with withChanges screens exactly as one built at once', () => {
  assert.ok(listed.length > 1000);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.nat(listed.length - 1), { minLength: 0, maxLength: 40 }),
      fc.uniqueArray(fc.nat(listed.length - 1), { minLength: 0, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(listed.length - 1), fc.constantFrom('as listed', 'reversed', 'typo', 'handle', 'added')), { minLength: 5, maxLength: 25 }),
      fc.integer({ min: 0, max: 5 }),
      (removedIdx, renamedIdx, accountSpecs, newCount) => {
        const removed = new Set(removedIdx.map((i) => listed[i]!.id));
        const renamed = new Set(renamedIdx.map((i) => listed[i]!.id).filter((id) => !removed.has(id)));
        const rename = (e: Entity): Entity =>
          buildEntity({ ...e, names: [{ full: `${e.names[0]!.full.split(',')[0]}, Zakhar Ilyich`, kind: 'primary' }, ...e.names.slice(1)] });
        const fresh = Array.from({ length: newCount }, (_, k) =>
          buildEntity({ id: `ofac-sdn:99${k}00${k}`, source: 'ofac-sdn', schema: 'Person', names: [{ full: `PETROV${'SKY'.slice(0, k)}, Anatoly ${k % 2 ? 'Ivanovich' : 'Zakharovich'}`, kind: 'primary' }] }),
        );
        const after = [...listed.filter((e) => !removed.has(e.id)).map((e) => (renamed.has(e.id) ? rename(e) : e)), ...fresh];
        const base = buildMatchIndex(listed);
        const derived = base.withChanges(new Set([...removed, ...renamed]), [...listed.filter((e) => renamed.has(e.id)).map(rename), ...fresh]);
        const built = buildMatchIndex(after);
        const accounts: AccountRecord[] = accountSpecs.map(([i, how], n) => {
          const full = (how === 'added' && fresh.length > 0 ? fresh[n % fresh.length]! : listed[i]!).names[0]!.full;
          const [last, first] = full.includes(',') ? full.split(',').map((p) => p.trim()) : [full, ''];
          const given = first ?? '';
          const family = last ?? '';
          const displayName = how === 'reversed' ? `${family} ${given}` : how === 'typo' ? `${given} ${family}x` : `${given} ${family}`;
          return how === 'handle' ? { id: `a${n}`, handle: `${given}${family}`.toLowerCase().replace(/[^a-z]/g, '') || 'x' } : { id: `a${n}`, displayName };
        });
        assert.equal(derived.size, built.size);
        for (const id of [...removed, ...renamed, ...fresh.map((e) => e.id)]) assert.deepEqual(derived.entity(id), built.entity(id));
        assert.equal(answers(derived, accounts), answers(built, accounts));
        // The base index is left as it was.
        assert.equal(answers(base, accounts), answers(buildMatchIndex(listed), accounts));
        return true;
      },
    ),
    { numRuns: 15 },
  );
});

/**
 * The two things a derived index must keep that the screening property above rarely reaches:
 * the order of every posting (retrieval stops at a budget, so a common name's candidates
 * depend on it) and the known name parts (handles are cut with them). Over the whole SDN list,
 * with many removals and additions of common names.
 */
test('a derived index keeps postings in entity-id order and counts known parts as a fresh one', async () => {
  const [feed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
  const all: Entity[] = [];
  for await (const e of feed!.entities({ warn() {}, setPublishedAt() {} })) all.push(e);
  const removed = new Set(all.filter((_, i) => i % 37 === 0).map((e) => e.id));
  const added = Array.from({ length: 60 }, (_, k) =>
    buildEntity({ id: `ofac-sdn:${k % 2 ? '0' : '9'}${k}x`, source: 'ofac-sdn', schema: 'Person', names: [{ full: `${['ALI', 'HASSAN', 'KHAN'][k % 3]}, Mohammad ${k % 5 ? 'Reza' : 'Zzyzx'}${k}`, kind: 'primary' }] }),
  );
  const onlyHere = buildEntity({ id: 'ofac-sdn:1x', source: 'ofac-sdn', schema: 'Person', names: [{ full: 'QWERTZUIOP, Asdfghjkl', kind: 'primary' }] });
  const base = new CandidateIndex([...all, onlyHere], frozenNameRarity());
  assert.ok(base.known.has('qwertzuiop'));
  const derived = base.withChanges(new Set([...removed, onlyHere.id]), added);
  const built = new CandidateIndex([...all.filter((e) => !removed.has(e.id)), ...added], frozenNameRarity());
  assert.deepEqual([...derived.known].sort(), [...built.known].sort());
  assert.equal(derived.known.has('qwertzuiop'), false, 'a part only a removed entity had is no longer known');
  const seen = (index: CandidateIndex, query: string): string[] => {
    const keys = new Set<string>();
    for (const q of queryNames({ id: 'q', displayName: query }, index.known)) formKeys(q.form, true, keys);
    return [...index.candidates([keys])].map(([f, mask]) => `${index.entities[index.forms[f]!.entity]!.id}/${index.forms[f]!.name}/${index.forms[f]!.form.text}/${mask}`);
  };
  for (const query of ['Mohammad Ali', 'Ali Hassan', 'Mohammad Reza Khan', 'Abdul Rahman', 'Ramzan Kadyrov', 'Kim Chol']) {
    const expected = seen(built, query);
    assert.ok(expected.length > 0, query);
    assert.deepEqual(seen(derived, query), expected, query);
  }
  assert.ok(seen(built, 'Mohammad Ali').length >= MAX_PAIR_FORMS, 'a budget-bound query is among them');
});

test('a chain of derivations, past the point where their postings are merged, still screens as a fresh build', () => {
  let entities = listed.slice(0, 1500);
  let index = buildMatchIndex(entities);
  for (let step = 0; step < 11; step++) {
    const removed = new Set(entities.filter((_, i) => i % 97 === step).map((e) => e.id));
    const added = [listed[1500 + step]!, buildEntity({ id: `ofac-sdn:7${step}`, source: 'ofac-sdn', schema: 'Person', names: [{ full: `HASSAN, Ali ${step}`, kind: 'primary' }] })];
    entities = [...entities.filter((e) => !removed.has(e.id)), ...added];
    index = index.withChanges(removed, added);
  }
  const accounts: AccountRecord[] = [
    { id: 'a', displayName: 'Ali Hassan' },
    { id: 'b', displayName: 'Mohammad Ali' },
    ...entities.filter((_, i) => i % 50 === 0).map((e, i) => ({ id: `e${i}`, displayName: e.names[0]!.full })),
  ];
  assert.equal(index.size, entities.length);
  assert.equal(answers(index, accounts), answers(buildMatchIndex(entities), accounts));
});
