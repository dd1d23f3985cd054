import { z } from 'zod';
import type { AccountRecord } from './account.js';

/** A field-level problem with one account record. */
export interface AccountProblem {
  readonly field: string;
  readonly message: string;
}

/** An account record read from outside, or the problems that keep it from being screened. */
export type ParsedAccount =
  | { readonly kind: 'account'; readonly account: AccountRecord }
  | { readonly kind: 'invalid'; readonly problems: readonly AccountProblem[] };

const MAX_TEXT = 5000;

/** Blank strings count as absent; numbers are accepted as ids. */
const text = (max = MAX_TEXT) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max).optional());

function isRealDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1850 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The account record's fields, defined once for every boundary (files, HTTP): `id` required;
 * `displayName` or `handle` required; `birthDate` `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real
 * date); `country` ISO 3166 alpha-2 (upper-cased); `language` ISO 639 (lower-cased).
 */
/** The account record's field schemas, for boundaries that compose them with more fields. */
export const ACCOUNT_FIELDS = {
    id: z.preprocess((v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v), z.string().min(1, 'is required').max(200)),
    displayName: text(),
    handle: text(200),
    bio: text(),
    birthDate: text(10).refine((v) => v === undefined || isRealDate(v), 'is not YYYY, YYYY-MM or YYYY-MM-DD'),
    country: text(100)
      .refine((v) => v === undefined || /^[A-Za-z]{2}$/.test(v), 'is not an ISO 3166 alpha-2 code')
      .transform((v) => v?.toUpperCase()),
    language: text(35)
      .refine((v) => v === undefined || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), 'is not an ISO 639 code')
      .transform((v) => v?.toLowerCase()),
};

/** The rule that an account needs a display name or a handle (with `nameRequired` as its issue). */
export const hasAName = (a: { displayName?: string | undefined; handle?: string | undefined }): boolean => a.displayName !== undefined || a.handle !== undefined;
export const nameRequired = { message: 'displayName or handle is required', path: ['displayName'] };

/** The account record, ignoring fields it does not know (account files carry more columns). */
export const AccountRecordSchema = z.object(ACCOUNT_FIELDS).refine(hasAName, nameRequired);

/** The account record, rejecting unknown fields (the HTTP API: a typo must not pass silently). */
export const StrictAccountRecordSchema = z.strictObject(ACCOUNT_FIELDS).refine(hasAName, nameRequired);

/**
 * Checks one raw account record (a parsed JSON object or a CSV row keyed by header) against
 * AccountRecordSchema. Unknown fields are ignored here (platforms' files carry more columns);
 * the HTTP API rejects them. Problems are returned per field, never thrown.
 */
export function parseAccount(raw: unknown): ParsedAccount {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'invalid', problems: [{ field: '(record)', message: 'expected an object' }] };
  }
  const parsed = AccountRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || '(record)',
      message: i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message,
    }));
    // The object-level rule is not checked while a field fails; name it anyway.
    const r = raw as Record<string, unknown>;
    const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (blank(r['displayName']) && blank(r['handle']) && !problems.some((p) => p.field === 'displayName')) {
      problems.push({ field: 'displayName', message: 'displayName or handle is required' });
    }
    return { kind: 'invalid', problems };
  }
  const a = parsed.data;
  const account: AccountRecord = {
    id: a.id,
    ...(a.displayName ? { displayName: a.displayName } : {}),
    ...(a.handle ? { handle: a.handle } : {}),
    ...(a.bio ? { bio: a.bio } : {}),
    ...(a.birthDate ? { birthDate: a.birthDate } : {}),
    ...(a.country ? { country: a.country } : {}),
    ...(a.language ? { language: a.language } : {}),
  };
  return { kind: 'account', account };
}
