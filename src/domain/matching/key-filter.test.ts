import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Entity } from '../entities/entity.js';
import { eachKey, formKeys, hashOf, keyHash, keyText } from './blocking-keys.js';
import { CandidateIndex } from './candidate-index.js';
import { KeyFilter } from './key-filter.js';
import { nameForms } from './name-form.js';
import { frozenNameRarity } from './name-rarity.js';
import { queryNames } from './query-names.js';
import { openListFeeds } from '../../adapters/lists/list-feeds.js';
import { sharedData } from '../../../test/paths.js';

const NAMES = ['Ramzan Akhmatovich Kadyrov', 'Mohammad Reza Ashtiani', 'Bill Clinton', 'Kim Jong Un', 'Abdul Rahman', 'Ali', 'Qasem Soleimani', 'Иван Петрович Сидоров'];

test('eachKey visits the keys formKeys makes, in its order, and keyHash is the hash of each key text', () => {
  for (const name of NAMES) {
    for (const form of nameForms(name, false)) {
      for (const isQuery of [true, false]) {
        const visited: string[] = [];
        eachKey(form, isQuery, (kind, a, b, skip) => {
          const text = keyText(kind, a, b, skip);
          assert.equal(keyHash(kind, a, b, skip), hashOf(text), text);
          visited.push(text);
        });
        const made = new Set<string>();
        formKeys(form, isQuery, made);
        assert.deepEqual([...new Set(visited)], [...made], name);
        assert.ok(made.size > 0, name);
      }
    }
  }
});

test('a key filter holds every hash added, and few others', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 2000 }), (hashes) => {
      const filter = new KeyFilter(hashes.length);
      for (const h of hashes) filter.add(h);
      for (const h of hashes) assert.ok(filter.mayHold(h), String(h));
      const copy = filter.copy();
      copy.add(12345);
      assert.ok(copy.mayHold(12345) && hashes.every((h) => copy.mayHold(h)));
    }),
    { numRuns: 50 },
  );
  const filter = new KeyFilter(100_000);
  for (let i = 0; i < 100_000; i++) filter.add(hashOf(`key ${i}`));
  let others = 0;
  for (let i = 0; i < 100_000; i++) if (filter.mayHold(hashOf(`other ${i}`))) others++;
  assert.ok(others < 10_000, `${others} of 100,000 keys never added pass`);
});

let listed: Entity[] = [];
before(async () => {
  const [feed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
  for await (const e of feed!.entities({ warn() {}, setPublishedAt() {} })) listed.push(e);
  listed = listed.filter((_, i) => i % 4 === 0);
});

test('the keys a query looks up through the filter retrieve exactly what all its keys retrieve', () => {
  const index = new CandidateIndex(listed, frozenNameRarity());
  let skipped = 0;
  const queries = [...NAMES, ...listed.filter((_, i) => i % 40 === 0).map((e) => e.names[0]!.full), 'Mohammad Ali', 'Kim Chol', 'Gui Rong Lan'];
  for (const query of queries) {
    const forms = queryNames({ id: 'q', displayName: query }, index.known).map((q) => q.form);
    const all = forms.map((form) => {
      const keys = new Set<string>();
      formKeys(form, true, keys);
      return keys;
    });
    const filtered = forms.map((form) => index.keysOf(form));
    filtered.forEach((keys, i) => {
      for (const key of keys) assert.ok(all[i]!.has(key), key);
      skipped += all[i]!.size - keys.size;
    });
    assert.deepEqual([...index.candidates(filtered)], [...index.candidates(all)], query);
  }
  assert.ok(skipped > queries.length, `the filter spared ${skipped} lookups`);
});
