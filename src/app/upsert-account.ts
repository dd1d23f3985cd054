import { createHash, randomUUID } from 'node:crypto';
import { policyAction } from '../domain/enforcement/policy.js';
import { z } from 'zod';
import type { AccountRecord } from '../domain/accounts/account.js';
import { ACCOUNT_FIELDS, hasAName, nameRequired, parseAccount } from '../domain/accounts/parse-account.js';
import { InvalidInputError } from '../domain/errors.js';
import type { AccountNames, MatchIndex } from '../domain/matching/match-types.js';
import type { AccountLinks, Clock, EnforcementStore, StoredAccount, StoredMatch } from './ports.js';
import { screenAccount } from './screen-account.js';

const hashed = z.string().regex(/^[A-Za-z0-9+/=_-]{16,128}$/, 'must be a hash (16–128 base64/hex characters), never the raw value');

/** Hashed link identifiers (never raw e-mail addresses or phone numbers). */
export const AccountLinksSchema = z.strictObject({
  email: hashed.optional(),
  phone: hashed.optional(),
  devices: z.array(hashed).max(50).optional(),
});

/** The fields of an upsert: the account record plus its links and reach. */
export const UPSERT_FIELDS = { ...ACCOUNT_FIELDS, links: AccountLinksSchema.optional(), followers: z.number().int().min(0).optional() };

/** One upsert as a bulk line carries it (the id is required; unknown fields are refused). */
export const UpsertLineSchema = z.strictObject(UPSERT_FIELDS).refine(hasAName, nameRequired);

/** An upsert, checked. */
export interface UpsertInput {
  readonly record: AccountRecord;
  readonly links?: AccountLinks;
  readonly followers?: number;
}

/** Turns a checked upsert body into an UpsertInput (the record normalised by parseAccount). */
export function toUpsertInput(body: { links?: AccountLinks | undefined; followers?: number | undefined } & Record<string, unknown>): UpsertInput {
  const { links, followers, ...fields } = body;
  const parsed = parseAccount(fields);
  if (parsed.kind === 'invalid') throw new InvalidInputError('invalid account record', { problems: parsed.problems });
  return { record: parsed.account, ...(links ? { links } : {}), ...(followers !== undefined ? { followers } : {}) };
}

/** What the platform is told: `enforce` (suspended), `review` (open matches) or `clear`. */
export type Verdict = 'clear' | 'review' | 'enforce';

/** The outcome of an upsert. */
export interface UpsertResult {
  readonly account: StoredAccount;
  readonly verdict: Verdict;
  readonly matches: readonly StoredMatch[];
  /** Matches this upsert opened or reopened (to review, or confirmed by a policy rule). */
  readonly opened: number;
}

/** The dependencies of upsertAccount. */
export interface UpsertDeps {
  readonly enforcementStore: EnforcementStore;
  readonly matchIndex: MatchIndex;
  /** The list versions the index was built from (recorded on each match). */
  readonly listVersions: readonly string[];
  readonly clock: Clock;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `StoredAccount.namesHash`: the hash of the fields screening reads names from (display name and handle). */
export function namesHashOf(names: AccountNames): string {
  return sha256(JSON.stringify([names.displayName ?? null, names.handle ?? null]));
}

/** A match's id: stable for an (account, entity) pair, so re-screening updates rather than duplicates. */
export function matchId(accountId: string, entityId: string): string {
  return `m_${sha256(`${accountId}\u0000${entityId}`).slice(0, 24)}`;
}

/**
 * Stores an account and screens it. Each new match goes where the enforcement policy in force
 * says: open for review (the default), or confirmed at once with the account suspended (a
 * `suspend` rule, e.g. a high score with an agreeing birth date on a given program). A dismissed match stays dismissed for that account and entity until
 * the account's names or the entity's record change; then it opens again. Everything is
 * written in one transaction with its audit events.
 */
export async function upsertAccount(
  deps: UpsertDeps,
  input: UpsertInput,
  actor: string,
): Promise<UpsertResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const screened = screenAccount({ matchIndex: deps.matchIndex }, input.record, { limit: 50 });
  const namesHash = namesHashOf(input.record);
  const followers = input.followers ?? 0;
  return deps.enforcementStore.transaction(async (tx) => {
    const existing = await tx.account(input.record.id);
    const account: StoredAccount = {
      record: input.record,
      links: input.links ?? {},
      followers,
      namesHash,
      state: existing?.state ?? 'active',
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await tx.putAccount(account);
    // The keys are the names' (kept once per distinct name); stored again when the names
    // are, so that a name keyed by an earlier algorithm version gains this one's keys.
    await tx.setNameKeys(namesHash, input.record, deps.matchIndex.storedKeys(input.record));
    await tx.recordScreening(account.record.id, deps.listVersions, at);
    let state = account.state;
    const policy = await tx.policy();
    // A new account has no matches yet; what this transaction writes is tracked in `after`.
    const before = new Map(existing === undefined ? [] : (await tx.matchesOf(account.record.id)).map((m) => [m.entityId, m]));
    const after = new Map(before);
    let opened = 0;
    for (const s of screened.matches) {
      const entityHash = matchedFactsHash(deps.matchIndex, s);
      const prev = before.get(s.entityId);
      const isUnchangedDismissal = prev?.status === 'dismissed' && prev.namesHash === namesHash && prev.entityHash === entityHash;
      if (isUnchangedDismissal) continue;
      const reopens = prev?.status === 'dismissed';
      const isNew = prev === undefined || reopens;
      if (isNew) opened += 1;
      const decided = isNew
        ? policyAction(policy, {
            source: s.source,
            programs: s.programs,
            score: s.score,
            isBirthDateAgreeing: s.explanation.features.some((f) => f.feature === 'birthDate' && f.contribution > 0),
          })
        : undefined;
      const bySuspendRule = decided?.action === 'suspend';
      const policyActor = `policy:v${policy.version}`;
      const policyReason = `policy v${policy.version}, rule ${(decided?.rule ?? 0) + 1}`;
      const status = bySuspendRule ? 'confirmed' : isNew ? 'open' : prev.status;
      const match: StoredMatch = {
        ...(prev ?? {}),
        id: matchId(account.record.id, s.entityId),
        accountId: account.record.id,
        entityId: s.entityId,
        status,
        score: s.score,
        algorithm: `${s.explanation.algorithm.name}@${s.explanation.algorithm.version}`,
        threshold: deps.matchIndex.threshold,
        listVersions: deps.listVersions,
        explanation: s.explanation,
        namesHash,
        entityHash,
        priority: priorityOf(s.score, followers),
        ...(bySuspendRule ? { confirmedBy: policyActor, decidedBy: policyActor, decidedAt: at, reason: policyReason } : {}),
        createdAt: prev?.createdAt ?? at,
        updatedAt: at,
      };
      await tx.putMatch(match, s.programs);
      after.set(match.entityId, match);
      if (bySuspendRule) {
        const subject = `account:${account.record.id}`;
        await tx.audit({ actor: policyActor, action: 'match.reviewed', subject, data: { matchId: match.id, entityId: s.entityId, decision: 'confirm', reason: policyReason } }, now);
        if (state !== 'suspended') {
          await tx.addAction({ id: randomUUID(), accountId: account.record.id, action: 'account.suspend', at, actor: policyActor, reason: policyReason, entities: [s.entityId] });
          await tx.audit({ actor: policyActor, action: 'account.suspended', subject, data: { from: state, matchId: match.id, entityId: s.entityId } }, now);
          state = 'suspended';
        }
      }
      if (prev === undefined || reopens) {
        await tx.audit(
          {
            actor,
            action: reopens ? 'match.reopened' : 'match.opened',
            subject: `account:${account.record.id}`,
            data: { matchId: match.id, entityId: s.entityId, score: s.score, algorithm: match.algorithm, listVersions: deps.listVersions },
          },
          now,
        );
      }
    }
    if (state !== account.state) await tx.putAccount({ ...account, state });
    const matches = [...after.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const verdict: Verdict =
      state === 'suspended' ? 'enforce' : matches.some((m) => m.status === 'open' || m.status === 'escalated') ? 'review' : 'clear';
    return { account: { ...account, state }, verdict, matches, opened };
  });
}

/**
 * A hash of what a match rests on: the listed name that matched, and the birth dates or
 * countries when those features counted. A dismissed match reopens when this changes (the
 * entity's name or the facts that decided it), not when, say, its programs or remarks change.
 */
function matchedFactsHash(index: MatchIndex, m: { entityId: string; explanation: { matchedName: string; features: readonly { feature: string }[] } }): string {
  const entity = index.entity(m.entityId);
  const used = new Set(m.explanation.features.map((f) => f.feature));
  return sha256(
    JSON.stringify([
      m.explanation.matchedName,
      used.has('birthDate') ? (entity?.birthDates ?? []) : null,
      used.has('country') ? [entity?.nationalities ?? [], entity?.citizenships ?? [], entity?.countries ?? []] : null,
    ]),
  );
}

/** Queue order: the score first, then reach (followers, on a log scale) as a tie-breaker. */
function priorityOf(score: number, followers: number): number {
  return Math.round((score + Math.min(Math.log10(1 + Math.max(0, followers)), 9) / 1000) * 1e6) / 1e6;
}
