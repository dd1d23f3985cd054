import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccountRecord } from '../domain/accounts/account.js';
import { buildEntity } from '../domain/entities/build-entity.js';
import type { Entity } from '../domain/entities/entity.js';
import { buildMatchIndex } from '../domain/matching/build-match-index.js';
import type { MatchIndex, ScoredMatch } from '../domain/matching/match-types.js';
import { openListFeeds } from '../adapters/lists/list-feeds.js';
import { sharedData } from '../../test/paths.js';

let people: Entity[] = [];
before(async () => {
  const [feed] = await openListFeeds([sharedData('ofac', 'sdn.csv')]);
  for await (const e of feed!.entities({ warn() {}, setPublishedAt() {} })) if (e.schema === 'Person') people.push(e);
  people = people.filter((_, i) => i % 20 === 0);
});

const key = (m: ScoredMatch): string => `${m.entityId}=${m.score.toFixed(6)}`;
const screen = (index: MatchIndex, a: AccountRecord): string[] => index.screen(a).map(key).sort();

/**
 * Reverse screening (DESIGN §4) must find exactly what forward screening finds: after any diff
 * (entities added, removed, renamed), screening every account with the new index gives the same
 * matches and scores as keeping each account's old matches to unchanged entities and
 * re-screening only the accounts whose stored keys meet an added or changed entity's keys and
 * that a probe over the touched entities alone matches (or that had a match to one of them),
 * the probe first ruling out names that no record bearing them could match (`mayMatch`).
 */
test('property: a sweep by the account key index agrees with a full forward re-screen', () => {
  assert.ok(people.length > 200);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.nat(people.length - 1), { minLength: 5, maxLength: 30 }),
      fc.uniqueArray(fc.nat(people.length - 1), { minLength: 1, maxLength: 20 }),
      fc.array(fc.tuple(fc.nat(people.length - 1), fc.constantFrom('same', 'swap', 'typo', 'other', 'run-together')), { minLength: 10, maxLength: 40 }),
      (changedIdx, removedIdx, accountSpecs) => {
        const removed = new Set(removedIdx.map((i) => people[i]!.id));
        const renamed = new Set(changedIdx.map((i) => people[i]!.id).filter((id) => !removed.has(id)));
        const oldEntities = people.filter((e) => !renamed.has(e.id) || e.names.length > 0);
        const newEntities = people
          .filter((e) => !removed.has(e.id))
          .map((e) =>
            renamed.has(e.id)
              ? buildEntity({ ...e, names: [{ full: `${e.names[0]!.full.split(',')[0]}, Zakhar Ilyich`, kind: 'primary' }, ...e.names] })
              : e,
          );
        const added = buildEntity({ id: 'ofac-sdn:999001', source: 'ofac-sdn', schema: 'Person', names: [{ full: 'PETROVSKY, Anatoly Zakharovich', kind: 'primary' }] });
        newEntities.push(added);
        const oldIndex = buildMatchIndex(oldEntities);
        const newIndex = buildMatchIndex(newEntities);
        const accounts: AccountRecord[] = accountSpecs.map(([i, how], n) => {
          const full = people[i]!.names[0]!.full;
          const [last, first] = full.includes(',') ? full.split(',').map((p) => p.trim()) : [full, ''];
          // Some accounts bring a birth date, a country or a bio, which add to a name's score.
          const extra = n % 3 === 0 ? { birthDate: people[i]!.birthDates[0]?.value ?? '1970', country: 'RU' } : n % 3 === 1 ? { bio: `official page of ${first} ${last}` } : {};
          // A handle run together is read as parts only when the parts are listed (zakharilyich
          // once the renaming lists Zakhar and Ilyich, anatolypetrovsky once Petrovsky is).
          if (how === 'run-together') {
            const handle = (n % 2 ? `${first} Zakhar Ilyich` : n % 3 ? 'Anatoly Zakharovich Petrovsky' : `${last} ${first}`).toLowerCase().replace(/[^a-z]/g, '');
            return { id: `a${n}`, handle, ...extra };
          }
          const displayName =
            how === 'same' ? `${first} ${last}` : how === 'swap' ? `${last} ${first}` : how === 'typo' ? `${first} ${last}x` : n % 2 ? 'Anatoly Petrovsky' : 'Emily Johnson';
          return { id: `a${n}`, displayName, ...extra };
        });
        const storedKeys = new Map(accounts.map((a) => [a.id, new Set(oldIndex.accountKeys(a))]));
        const touchedKeys = new Set([...renamed, added.id].flatMap((id) => newIndex.entityKeys(newIndex.entity(id)!)));
        const probe = newIndex.probe([...renamed, added.id].map((id) => newIndex.entity(id)!));
        const parts = newIndex.partsChange([...renamed, ...removed].map((id) => oldIndex.entity(id)!), [...renamed, added.id].map((id) => newIndex.entity(id)!));
        for (const a of accounts) {
          const forward = screen(newIndex, a);
          const hadTouched = oldIndex.screen(a).some((m) => removed.has(m.entityId) || renamed.has(m.entityId));
          const names = { ...(a.displayName !== undefined ? { displayName: a.displayName } : {}), ...(a.handle !== undefined ? { handle: a.handle } : {}) };
          // With the touched keys the name holds, as the sweep's lookup finds them.
          const mayMatch = probe.mayMatch(names, undefined, [...storedKeys.get(a.id)!].filter((k) => touchedKeys.has(k)));
          // Found by a stored cut that begins with a part the change listed or unlisted, and read differently.
          const isRecut = parts.parts.some((p) => oldIndex.storedKeys(a).cuts.some((c) => c.startsWith(p))) && parts.isCutDifferently(names);
          const isSwept = isRecut || ([...storedKeys.get(a.id)!].some((k) => touchedKeys.has(k)) && (hadTouched || (mayMatch && probe.screen(a).length > 0)));
          const reverse = isSwept
            ? screen(newIndex, a)
            : oldIndex
                .screen(a)
                .filter((m) => !removed.has(m.entityId) && !renamed.has(m.entityId))
                .map(key)
                .sort();
          if (JSON.stringify(forward) !== JSON.stringify(reverse)) {
            if (process.env['WARDEN_DEBUG_SWEEP']) console.error(a, isSwept, forward, reverse);
            return false;
          }
        }
        return true;
      },
    ),
    { numRuns: 40 },
  );
});

/**
 * `mayMatch` is what lets a sweep skip the accounts of a name without reading them: whatever
 * birth date, country or bio an account adds to its names, `screen` finds nothing when
 * `mayMatch` of the names says no. And it does say no: most names meet nothing.
 */
test('property: screen finds a match only for names mayMatch lets through, and mayMatch rules most names out', () => {
  const index = buildMatchIndex(people);
  const probe = index.probe(people.filter((_, i) => i % 5 === 0));
  let ruledOut = 0;
  fc.assert(
    fc.property(
      fc.nat(people.length - 1),
      fc.constantFrom('same', 'swap', 'typo', 'first', 'mixed'),
      fc.nat(people.length - 1),
      fc.record({ birthDate: fc.option(fc.constantFrom('1950', '1964-05', '1975-02-01'), { nil: undefined }), country: fc.option(fc.constantFrom('RU', 'IR', 'US'), { nil: undefined }), bio: fc.option(fc.constantFrom('official page', 'Глава Чеченской Республики', 'minister'), { nil: undefined }) }),
      (i, how, j, extra) => {
        const [last, first] = people[i]!.names[0]!.full.split(',').map((p) => p.trim());
        const [otherLast] = people[j]!.names[0]!.full.split(',').map((p) => p.trim());
        const displayName = how === 'same' ? `${first} ${last}` : how === 'swap' ? `${last} ${first}` : how === 'typo' ? `${first} ${last}a` : how === 'first' ? `${first ?? ''}` : `${first} ${otherLast}`;
        const birthDate = extra.birthDate ?? people[i]!.birthDates[0]?.value;
        const record = { id: 'x', displayName, ...(birthDate !== undefined ? { birthDate } : {}), ...(extra.country !== undefined ? { country: extra.country } : {}), ...(extra.bio !== undefined ? { bio: extra.bio } : {}) };
        const may = probe.mayMatch({ displayName });
        if (!may) ruledOut++;
        const atThreshold = may || probe.screen(record).length === 0;
        const atLower = probe.mayMatch({ displayName }, 0.8) || probe.screen(record, { minScore: 0.8 }).length === 0;
        return atThreshold && atLower;
      },
    ),
    { numRuns: 2000 },
  );
  assert.ok(ruledOut > 500, `mayMatch ruled out ${ruledOut} of 2,000 names`);
});
