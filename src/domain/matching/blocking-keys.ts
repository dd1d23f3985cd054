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
  eachKey(form, isQuery, (kind, a, b, skip) => {
    if (kind === KEY_VARIANT && variants) {
      const variant = keyText(kind, a, b, skip);
      const key = keyText(KEY_TYPO, a, b, -1);
      const of = variants.get(variant);
      if (of) of.add(key);
      else variants.set(variant, new Set([key]));
    } else out.add(keyText(kind, a, b, skip));
  });
}

/** A key of one part (`s:`). */
export const KEY_SINGLE = 0;
/** A pair key (`p:`), its two parts in order. */
export const KEY_PAIR = 1;
/** A typo key (`d:`) as spelt, or with a nickname for the second part. */
export const KEY_TYPO = 2;
/** A typo key's spelling less one letter: the second part without the letter at `skip`. */
export const KEY_VARIANT = 3;

/** Receives one key as its parts, so that a caller may test it (`keyHash`) before building its text. */
export type KeyVisitor = (kind: number, a: string, b: string, skip: number) => void;

/** The text of a key given as its parts. */
export function keyText(kind: number, a: string, b: string, skip: number): string {
  if (kind === KEY_SINGLE) return `s:${a}`;
  if (kind === KEY_PAIR) return `p:${a}|${b}`;
  if (kind === KEY_TYPO) return `d:${a}|${b}`;
  return `d:${a}|${b.slice(0, skip)}${b.slice(skip + 1)}`;
}

/** `hashOf(keyText(kind, a, b, skip))`, computed without building the text. */
export function keyHash(kind: number, a: string, b: string, skip: number): number {
  let h = FNV_OFFSET;
  h = Math.imul(h ^ (kind === KEY_SINGLE ? 115 : kind === KEY_PAIR ? 112 : 100), FNV_PRIME);
  h = Math.imul(h ^ 58, FNV_PRIME);
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), FNV_PRIME);
  if (kind === KEY_SINGLE) return h | 0;
  h = Math.imul(h ^ 124, FNV_PRIME);
  for (let i = 0; i < b.length; i++) if (i !== skip) h = Math.imul(h ^ b.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the string's UTF-16 code units. */
export function hashOf(text: string): number {
  return hashOn(FNV_OFFSET, text);
}

/** FNV-1a continued over `text` from a hash: `hashOn(hashOf(a), b) === hashOf(a + b)`, without building `a + b`. */
export function hashOn(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** Visits the keys `formKeys` makes, in the same order, as their parts. */
export function eachKey(form: NameForm, isQuery: boolean, visit: KeyVisitor): void {
  const parts: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < form.tokens.length && parts.length < MAX_KEYED_PARTS; i++) {
    const token = form.tokens[i] ?? '';
    if (token.length === 1) continue;
    parts.push(form.keys[i] ?? token);
    words.push(token);
  }
  if (parts.length === 1) visit(KEY_SINGLE, parts[0] ?? '', '', -1);
  const pair = (a: string, b: string): void => (a < b ? visit(KEY_PAIR, a, b, -1) : visit(KEY_PAIR, b, a, -1));
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) pair(parts[i] ?? '', parts[j] ?? '');
  }
  for (let i = 0; i + 1 < parts.length; i++) {
    const joined = tokenKey(`${words[i] ?? ''}${words[i + 1] ?? ''}`);
    for (let k = 0; k < parts.length; k++) if (k !== i && k !== i + 1) pair(joined, parts[k] ?? '');
  }
  const typoParts = Math.min(parts.length, MAX_TYPO_PARTS);
  for (let i = 0; i < typoParts; i++) {
    const a = parts[i] ?? '';
    for (let j = 0; j < typoParts; j++) {
      const b = words[j] ?? '';
      if (i === j) continue;
      visit(KEY_TYPO, a, b, -1);
      if (b.length >= MIN_TYPO_WORD) for (let k = 0; k < b.length; k++) visit(KEY_VARIANT, a, b, k);
      if (isQuery) for (const nick of NICKNAMES.get(b) ?? []) visit(KEY_TYPO, a, nick, -1);
    }
  }
}

/** The specificity rank of a key's kind: pairs first, then one-part names, then typo keys. */
export function keyRank(key: string): number {
  return key.startsWith('p:') ? 0 : key.startsWith('s:') ? 1 : 2;
}
