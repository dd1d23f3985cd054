import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authenticate } from './api-keys.js';
import type { ApiKeyRecord, ApiKeyStore, Clock, SessionStore } from './ports.js';

/** How long a console session lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** A session just started: `id` goes in the httpOnly cookie, `csrfToken` to the page. */
export interface StartedSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly key: ApiKeyRecord;
  readonly expiresAt: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The stored fingerprint of a session id. */
export function hashSessionId(id: string): string {
  return sha256(`warden-session:${id}`);
}

/**
 * The CSRF token bound to a session: derived from the session id (which only the httpOnly
 * cookie holds), so a page of another origin can neither read nor guess it.
 */
export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`warden-csrf:${sessionId}`).digest('base64url');
}

/** Whether a presented CSRF token is the session's (constant time). */
export function isCsrfTokenValid(sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const want = Buffer.from(csrfTokenOf(sessionId));
  const got = Buffer.from(presented);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * Exchanges an API key for a browser session (256 random bits; only its hash is stored).
 * Undefined when the key is not an active one. The sign-in is an audit event.
 */
export async function startSession(
  deps: { apiKeyStore: ApiKeyStore; sessionStore: SessionStore; clock: Clock },
  presentedKey: string,
): Promise<StartedSession | undefined> {
  const key = await authenticate(deps, presentedKey);
  if (!key) return undefined;
  const id = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await deps.sessionStore.create(
    { idHash: hashSessionId(id), keyId: key.id, createdAt: now.toISOString(), expiresAt },
    { actor: `key:${key.id}`, action: 'session.started', subject: `key:${key.id}`, data: { role: key.role, expiresAt } },
  );
  return { id, csrfToken: csrfTokenOf(id), key, expiresAt };
}

/** The key behind a session cookie, while the session lasts and the key is active. */
export async function resolveSession(
  deps: { sessionStore: SessionStore; clock: Clock },
  sessionId: string,
): Promise<{ key: ApiKeyRecord; expiresAt: string } | undefined> {
  if (sessionId.length === 0 || sessionId.length > 100) return undefined;
  const found = await deps.sessionStore.find(hashSessionId(sessionId), deps.clock.now().toISOString());
  return found ? { key: found.key, expiresAt: found.session.expiresAt } : undefined;
}

/** Ends a session (signing out). */
export async function endSession(deps: { sessionStore: SessionStore }, sessionId: string): Promise<void> {
  await deps.sessionStore.delete(hashSessionId(sessionId));
}
