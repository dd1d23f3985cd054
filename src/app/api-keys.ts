import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../domain/access/permissions.js';
import type { ApiKeyRecord, ApiKeyStore, Clock } from './ports.js';

/** A key just created: `key` is shown once and never stored. */
export interface CreatedKey {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly key: string;
}

/** The stored fingerprint of a key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Creates an API key with one role: `wdn_<id>_<secret>` with 256 random bits. Only its
 * SHA-256 is stored, and the creation is an audit event (`key.created`, without the key).
 */
export async function createApiKey(
  { apiKeyStore, clock }: { apiKeyStore: ApiKeyStore; clock: Clock },
  request: { role: Role; name?: string; actor: string },
): Promise<CreatedKey> {
  const id = randomBytes(6).toString('hex');
  const key = `wdn_${id}_${randomBytes(32).toString('base64url')}`;
  const name = request.name ?? `${request.role} key`;
  const record: ApiKeyRecord = { id, name, role: request.role, keyHash: hashApiKey(key), createdAt: clock.now().toISOString() };
  await apiKeyStore.create(record, { actor: request.actor, action: 'key.created', subject: `key:${id}`, data: { id, name, role: request.role } });
  return { id, role: request.role, name, key };
}

/** The active key a presented key string belongs to, or undefined. */
export async function authenticate({ apiKeyStore }: { apiKeyStore: ApiKeyStore }, presented: string): Promise<ApiKeyRecord | undefined> {
  if (!presented.startsWith('wdn_') || presented.length > 200) return undefined;
  return apiKeyStore.findActiveByHash(hashApiKey(presented));
}
