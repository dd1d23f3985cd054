import type { NameForm } from './name-form.js';

/** Parts beyond this many in one name add no blocking keys (bounds keys per name). */
const MAX_KEYED_PARTS = 6;
/** Parts beyond this many add no typo keys (`d:`), which grow with the square of the parts. */
const MAX_TYPO_PARTS = 3;
/** Words shorter than this add no deletion variants: a one-letter rest meets too much. */
const MIN_TYPO_WORD = 4;

/**
 * The blocking keys of one name form: the strings two names must share for the matcher to
 * compare them. Keys are built from the parts' phonetic keys only (no index statistics), so
 * keys stored for accounts stay valid whatever lists are loaded later (reverse screening):
 *
 * - `p:` an unordered pair of two parts' phonetic keys: two names meet when two of their parts
 *   sound alike, in any order, whatever middle names or patronymics either adds. Pairs keep
 *   common parts (Mohammad, Ali, Abu) from opening thousands of candidates on their own.
 * - `h:` one part's phonetic key with the first letter of another part's key: a typo in one
 *   part or an initial (R. Kadyrov) still meets through the other.
 * - `t:` one part's key alone, for every part of three letters or more: a rare part (a
 *   surname few listed names share) finds its names even when every other part is misspelt.
 *   Retrieval takes these, and `h:`, in order of how few names they bring, within a budget, so
 *   a common part (Ali) brings few candidates and a rare one all of them.
 * - `s:` a part's key alone: given for names of one part, and for every part of a query
 *   (`isQuery`), so a one-word listed name (an organisation, a vessel) can be found inside a
 *   longer display name.
 * - `d:` one part's phonetic key with another part as spelt, or spelt less one letter: two
 *   names whose second part differs by one typo (a letter added, dropped, changed or two
 *   swapped: Wafsiq / Wafiq, Habbb / Habib, unzheng / Junzheng, Ahemt / Ahmet) share one, as
 *   in a symmetric-deletion spelling index. Specific, so a typo finds its name even when the
 *   other part is common (Husain Ali Hnzzima / HAZZIMA, Husain Ali).
 */
export function formKeys(form: NameForm, isQuery: boolean, out: Set<string>): void {
  const parts: string[] = [];
  const words: string[] = [];
  const initials: string[] = [];
  for (let i = 0; i < form.tokens.length && parts.length < MAX_KEYED_PARTS; i++) {
    const token = form.tokens[i] ?? '';
    const key = form.keys[i] ?? token;
    if (token.length === 1) initials.push(key);
    else {
      parts.push(key);
      words.push(token);
    }
  }
  if (parts.length === 1 || (isQuery && parts.length > 1)) for (const k of parts) out.add(`s:${k}`);
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i] ?? '';
    if ((form.tokens[i] ?? '').length >= 3) out.add(`t:${a}`);
    for (let j = 0; j < parts.length; j++) {
      if (i === j) continue;
      const b = parts[j] ?? '';
      if (i < j) out.add(a < b ? `p:${a}|${b}` : `p:${b}|${a}`);
      out.add(`h:${a}/${b[0] ?? ''}`);
    }
    for (const initial of initials) out.add(`h:${a}/${initial[0] ?? ''}`);
  }
  const typoParts = Math.min(parts.length, MAX_TYPO_PARTS);
  for (let i = 0; i < typoParts; i++) {
    const a = parts[i] ?? '';
    for (let j = 0; j < typoParts; j++) {
      const b = words[j] ?? '';
      if (i === j) continue;
      out.add(`d:${a}|${b}`);
      if (b.length >= MIN_TYPO_WORD) for (let k = 0; k < b.length; k++) out.add(`d:${a}|${b.slice(0, k)}${b.slice(k + 1)}`);
    }
  }
}

/** The specificity rank of a key's kind: pairs first, then one-part names, then the looser kinds. */
export function keyRank(key: string): number {
  return key.startsWith('p:') ? 0 : key.startsWith('s:') ? 1 : 2;
}
