import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookSender } from '../../app/deliver-webhooks.js';
import type { WebhookDelivery } from '../../app/ports.js';

/**
 * The `Warden-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Receivers recompute it with their secret and reject stale timestamps (replays).
 */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Checks a `Warden-Signature` header against a body (for receivers and tests). */
export function verifyWebhookSignature(secret: string, header: string, body: string, toleranceSeconds = 300, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(m[2]!, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** POSTs deliveries as JSON with the signature, the delivery id (idempotency) and a timeout. */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly timeoutMs = 10_000) {}

  async send(d: WebhookDelivery, now: Date): Promise<{ ok: boolean; error?: string }> {
    const t = Math.floor(now.getTime() / 1000);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'warden-signature': signWebhook(d.secret, t, d.body),
          'warden-delivery': d.id,
          'warden-event': d.eventType,
          'idempotency-key': d.id,
        },
        body: d.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.body?.cancel();
      return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
    } catch (err) {
      const e = err as { name?: string; message?: string; cause?: { code?: string } };
      return { ok: false, error: e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message ?? String(err)) };
    }
  }
}
