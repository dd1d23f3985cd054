import type { AccountRecord } from '../accounts/account.js';
import { handleWords, MAX_RUN, normalizeName, splitHandle, type KnownParts } from '../names/index.js';
import type { AccountNames, FeatureContribution } from './match-types.js';
import { formsOfNormal, type NameForm } from './name-form.js';

/** The most query forms one account yields (romanisations × handle readings), bounding work. */
const MAX_QUERY_FORMS = 6;
/** A one-word display name at least this long may be a run-together name (RamzanKadyrov). */
const RUN_TOGETHER = 8;

/** One way of reading an account's name: the field, the text, one romanised form. Immutable. */
export interface QueryName {
  readonly kind: 'QueryName';
  readonly field: 'displayName' | 'handle' | 'name';
  readonly text: string;
  readonly form: NameForm;
  /** A contribution that comes with this reading (a handle cut into parts counts slightly less). */
  readonly reading?: FeatureContribution;
}

const HANDLE_READING: FeatureContribution = Object.freeze({
  feature: 'handle',
  contribution: -0.01,
  detail: 'the name was read from a handle',
});

function push(out: QueryName[], seen: Set<string>, field: QueryName['field'], text: string, forms: NameForm[], reading?: FeatureContribution): void {
  for (const form of forms) {
    const id = form.tokens.join(' ');
    if (seen.has(id) || out.length >= MAX_QUERY_FORMS) continue;
    seen.add(id);
    out.push(Object.freeze({ kind: 'QueryName' as const, field, text, form, ...(reading ? { reading } : {}) }));
  }
}

/**
 * The ways an account's names can be read: the display name in each of its romanisations
 * (a one-word display name may also be run-together words, cut like a handle), then the handle
 * (`splitHandle` with the index's `known` name parts: ramzan_kadyrov_95, RamzanKadyrov,
 * kadyrov.official). At most six forms, display name first. The bio is not a name: it
 * only supports a match (`bioFeature`).
 */
export function queryNames(account: AccountRecord, known: KnownParts): QueryName[] {
  const out: QueryName[] = [];
  const seen = new Set<string>();
  const display = account.displayName?.trim() ?? '';
  if (display !== '') {
    const normal = normalizeName(display);
    push(out, seen, 'displayName', display, formsOfNormal(normal, false));
    if (isRunTogether(normal)) {
      for (const cut of splitHandle(display, known, MIN_CUT_PART)) push(out, seen, 'displayName', display, formsOfNormal(cut.join(' '), false), HANDLE_READING);
    }
  }
  const handle = account.handle?.trim() ?? '';
  if (handle !== '') {
    for (const cut of splitHandle(handle, known, MIN_CUT_PART)) push(out, seen, 'handle', handle, formsOfNormal(cut.join(' '), false), HANDLE_READING);
  }
  return out;
}

/** A display name read also as a handle: one word of `RUN_TOGETHER` letters or more. */
const isRunTogether = (normal: string): boolean => !normal.includes(' ') && normal.length >= RUN_TOGETHER;

/** The texts `queryNames` cuts with the known parts (`splitHandle`): a run-together display name, the handle. */
function cutTexts(names: AccountNames): string[] {
  const display = names.displayName?.trim() ?? '';
  const handle = names.handle?.trim() ?? '';
  return [...(display !== '' && isRunTogether(normalizeName(display)) ? [display] : []), ...(handle !== '' ? [handle] : [])];
}

/** The shortest part a handle is cut into (`splitHandle`'s `minLen` in `queryNames`). */
const MIN_CUT_PART = 2;

/**
 * The suffixes (of two letters or more) of the words `queryNames` may cut with the known name
 * parts: a part is in a word exactly when it begins one of the word's suffixes, so a list
 * change that makes a part known, or no longer known, finds by a range lookup over these the
 * names whose readings it may change (`isCutDifferently` then tells). Sorted, distinct.
 */
export function cutSuffixes(names: AccountNames): string[] {
  const out = new Set<string>();
  for (const text of cutTexts(names)) {
    for (const word of handleWords(text)) {
      if (word.length < 2 * MIN_CUT_PART || word.length > MAX_RUN) continue;
      for (let i = 0; i + MIN_CUT_PART <= word.length; i++) {
        // A suffix starts at a whole character, never inside a surrogate pair.
        const unit = word.charCodeAt(i);
        if (unit < 0xdc00 || unit > 0xdfff) out.add(word.slice(i));
      }
    }
  }
  return [...out].sort();
}

/** True when `queryNames` reads these names differently with one set of known parts than with the other. */
export function isCutDifferently(names: AccountNames, known: KnownParts, before: KnownParts): boolean {
  for (const text of cutTexts(names)) {
    if (JSON.stringify(splitHandle(text, known, MIN_CUT_PART)) !== JSON.stringify(splitHandle(text, before, MIN_CUT_PART))) return true;
  }
  return false;
}
