import type { Clock, WebhookDelivery, WebhookStore } from './ports.js';

/** Sends one delivery; resolves whether the receiver accepted it (2xx). Never throws. */
export interface WebhookSender {
  send(delivery: WebhookDelivery, now: Date): Promise<{ ok: boolean; error?: string }>;
}

/** Retry settings: exponential back-off from `backoffMs`, capped, then give up. */
export interface DeliveryPolicy {
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxAttempts: number;
  /** How long a claimed delivery is hidden from other dispatchers while it is being sent. */
  readonly leaseMs: number;
  readonly batch: number;
}

/** The default policy: 1 s, 2 s, 4 s … up to an hour apart, for 20 attempts (about a day). */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = Object.freeze({ backoffMs: 1000, maxBackoffMs: 3_600_000, maxAttempts: 20, leaseMs: 30_000, batch: 50 });

/**
 * Sends the deliveries that are due, once each: accepted ones are marked delivered, refused
 * ones are retried later with exponential back-off until the policy gives up. At-least-once:
 * a delivery can arrive twice (a crash between send and mark), so receivers dedupe by its id.
 * Returns how many were sent and how many of those failed.
 */
export async function deliverDueWebhooks(
  deps: { webhookStore: WebhookStore; sender: WebhookSender; clock: Clock },
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  const due = await deps.webhookStore.claimDue(now, policy.batch, policy.leaseMs);
  let failed = 0;
  await Promise.all(
    due.map(async (d) => {
      const result = await deps.sender.send(d, now);
      if (result.ok) return deps.webhookStore.markDelivered(d.id, deps.clock.now());
      failed += 1;
      const attempt = d.attempts + 1;
      const next = attempt >= policy.maxAttempts ? undefined : new Date(deps.clock.now().getTime() + Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1)));
      return deps.webhookStore.markAttemptFailed(d.id, result.error ?? 'refused', next);
    }),
  );
  return { sent: due.length, failed };
}
