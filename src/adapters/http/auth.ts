import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../app/api-keys.js';
import type { ApiKeyRecord, ApiKeyStore } from '../../app/ports.js';
import { isAllowed, type Permission } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route requires; routes without one are public (health, docs). */
    permission?: Permission;
  }
  interface FastifyRequest {
    apiKey?: ApiKeyRecord;
  }
}

const CACHE_MS = 5000;

/**
 * Checks `Authorization: Bearer <key>` on every route that names a permission: 401 without a
 * valid key, 403 when the key's role may not take the action (the policy in domain/access).
 * Keys are looked up by their hash and cached for a few seconds.
 */
export function registerAuth(app: FastifyInstance, apiKeyStore: ApiKeyStore): void {
  const cache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();
  const lookUp = async (presented: string): Promise<ApiKeyRecord | undefined> => {
    const hit = cache.get(presented);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await authenticate({ apiKeyStore }, presented);
    if (cache.size > 10_000) cache.clear();
    cache.set(presented, { key, until: Date.now() + CACHE_MS });
    return key;
  };
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const permission = req.routeOptions.config.permission;
    if (!permission) return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const key = m?.[1] ? await lookUp(m[1]) : undefined;
    if (!key) throw new DomainError('unauthenticated', 'a valid API key is required: Authorization: Bearer <key>');
    if (!isAllowed(key.role, permission)) {
      throw new DomainError('forbidden', `the ${key.role} role may not ${permission}`, { details: { role: key.role, permission } });
    }
    req.apiKey = key;
  });
}
