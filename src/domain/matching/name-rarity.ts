import type { Entity } from '../entities/entity.js';
import { entityFormsOf } from './candidate-index.js';
import { NAME_RARITY_TABLE } from './name-rarity.generated.js';
import { tokenStatsOf, type TokenStats } from './token-stats.js';

/**
 * The name-part rarity `warden-name` weighs parts by, frozen with the algorithm version.
 *
 * Rarity is the document frequency of a part's phonetic key among listed entities. Counted
 * over whatever lists are active, a list change would move every score a little (a new
 * "Mohammad" makes all Mohammads weigh less), so a sweep over the accounts a diff touches could
 * not reproduce the scores a full re-screen gives, and the same pair would score differently
 * from one day to the next. So the counts are taken once, over all the official lists the
 * project is developed on, and shipped as a table (`name-rarity.generated.ts`, written by
 * `npm run gen:rarity`): a score depends on the two names and the algorithm version only.
 * A part the table does not know counts as unseen (the rarest weight), which is what a new
 * designation's unusual name is.
 */

/** The entities' distinct part keys counted once per entity: the table's text, one line per count. */
export function rarityTableText(entities: Iterable<Entity>): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const entity of entities) {
    total++;
    const keys = new Set<string>();
    for (const [, form] of entityFormsOf(entity)) for (const key of form.keys) keys.add(key);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byCount = new Map<number, string[]>();
  for (const [key, n] of counts) {
    const keys = byCount.get(n);
    if (keys) keys.push(key);
    else byCount.set(n, [key]);
  }
  const lines = [...byCount.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, keys]) => `${n}:${keys.sort().join(' ')}`);
  return [`total:${total}`, ...lines].join('\n');
}

/** Reads a table written by `rarityTableText` into token statistics. */
export function tokenStatsFromTable(text: string): TokenStats {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const rest = line.slice(colon + 1);
    if (head === 'total') {
      total = Number(rest);
      continue;
    }
    const n = Number(head);
    for (const key of rest.split(' ')) if (key !== '') counts.set(key, n);
  }
  return tokenStatsOf(counts, total);
}

let frozen: TokenStats | undefined;

/** The frozen rarity of `warden-name` (parsed once). */
export function frozenNameRarity(): TokenStats {
  frozen ??= tokenStatsFromTable(NAME_RARITY_TABLE);
  return frozen;
}
