import { tokenKey, type NameForm } from './name-form.js';
import { NICKNAMES } from './name-words.js';

/** Parts beyond this many in one name add no blocking keys (bounds keys per name). */
const MAX_KEYED_PARTS = 6;
/** Parts beyond this many add no typo keys (`d:`), which grow with the square of the parts. */
const MAX_TYPO_PARTS = 3;
/** Words shorter than this add no deletion variants: a one-letter rest meets too much. */
const MIN_TYPO_WORD = 4;

/**
 * The blocking keys of one name form: the strings two names must share for the matcher to
 * compare them. A match needs two parts that meet (or a name of one part), so every key
 * stands for two parts, or for a whole one-part name. Keys are built from the names alone (no
 * index statistics), so keys stored for accounts stay valid whatever lists are loaded later
 * (reverse screening), and a list change is swept through the accounts that share a key
 * with a changed entity, and only those:
 *
 * - `p:` an unordered pair of two parts' phonetic keys: two names meet when two of their parts
 *   sound alike, in any order, whatever middle names or patronymics either adds; two adjacent
 *   parts also count joined (Mohammad Reza Ashtiani meets mohammadreza_ashtiani).
 * - `d:` one part's phonetic key with another part as spelt, or spelt less one letter: two
 *   names whose second part differs by one typo (a letter added, dropped, changed or two
 *   swapped: Wafsiq / Wafiq, Habbb / Habib, unzheng / Junzheng, Ahemt / Ahmet) share one, as
 *   in a symmetric-deletion spelling index. A query part also stands for its nicknames
 *   (Bill Clinton meets William Clinton).
 * - `s:` the key of a name of one part (an organisation, a vessel, a mononym): met only by
 *   another one-part name, since a longer name's other parts would count against the match.
 *
 * `isQuery` adds the nickname keys, on the account side only (both sides would double them).
 * With `variants`, a typo key's spellings less one letter go there, each with the key it
 * stands for (`variant → keys`), instead of into `out`: how an account's keys are stored
 * (one row per key, and the variants in a table shared by every account with that key).
 */
export function formKeys(form: NameForm, isQuery: boolean, out: Set<string>, variants?: Map<string, Set<string>>): void {
  const parts: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < form.tokens.length && parts.length < MAX_KEYED_PARTS; i++) {
    const token = form.tokens[i] ?? '';
    if (token.length === 1) continue;
    parts.push(form.keys[i] ?? token);
    words.push(token);
  }
  if (parts.length === 1) out.add(`s:${parts[0] ?? ''}`);
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i] ?? '';
    for (let j = i + 1; j < parts.length; j++) {
      const b = parts[j] ?? '';
      out.add(a < b ? `p:${a}|${b}` : `p:${b}|${a}`);
    }
  }
  for (let i = 0; i + 1 < parts.length; i++) {
    const joined = tokenKey(`${words[i] ?? ''}${words[i + 1] ?? ''}`);
    for (let k = 0; k < parts.length; k++) {
      if (k === i || k === i + 1) continue;
      const b = parts[k] ?? '';
      out.add(joined < b ? `p:${joined}|${b}` : `p:${b}|${joined}`);
    }
  }
  const typoParts = Math.min(parts.length, MAX_TYPO_PARTS);
  for (let i = 0; i < typoParts; i++) {
    const a = parts[i] ?? '';
    for (let j = 0; j < typoParts; j++) {
      const b = words[j] ?? '';
      if (i === j) continue;
      const key = `d:${a}|${b}`;
      out.add(key);
      if (b.length >= MIN_TYPO_WORD) {
        for (let k = 0; k < b.length; k++) {
          const variant = `d:${a}|${b.slice(0, k)}${b.slice(k + 1)}`;
          if (!variants) out.add(variant);
          else {
            const of = variants.get(variant);
            if (of) of.add(key);
            else variants.set(variant, new Set([key]));
          }
        }
      }
      if (isQuery) for (const nick of NICKNAMES.get(b) ?? []) out.add(`d:${a}|${nick}`);
    }
  }
}

/** The specificity rank of a key's kind: pairs first, then one-part names, then typo keys. */
export function keyRank(key: string): number {
  return key.startsWith('p:') ? 0 : key.startsWith('s:') ? 1 : 2;
}
