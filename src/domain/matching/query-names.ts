import type { AccountRecord } from '../accounts/account.js';
import { normalizeName, splitHandle } from '../names/index.js';
import type { FeatureContribution } from './match-types.js';
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
export function queryNames(account: AccountRecord, known: ReadonlySet<string>): QueryName[] {
  const out: QueryName[] = [];
  const seen = new Set<string>();
  const display = account.displayName?.trim() ?? '';
  if (display !== '') {
    const normal = normalizeName(display);
    push(out, seen, 'displayName', display, formsOfNormal(normal, false));
    if (!normal.includes(' ') && normal.length >= RUN_TOGETHER) {
      for (const cut of splitHandle(display, known, 2)) push(out, seen, 'displayName', display, formsOfNormal(cut.join(' '), false), HANDLE_READING);
    }
  }
  const handle = account.handle?.trim() ?? '';
  if (handle !== '') {
    for (const cut of splitHandle(handle, known, 2)) push(out, seen, 'handle', handle, formsOfNormal(cut.join(' '), false), HANDLE_READING);
  }
  return out;
}
