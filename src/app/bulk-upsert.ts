import { randomUUID } from 'node:crypto';
import type { Clock, Job, JobStore, RejectedLine } from './ports.js';
import { toUpsertInput, UpsertLineSchema, type UpsertInput } from './upsert-account.js';

/** The most lines one bulk request may carry. */
export const MAX_BULK_LINES = 100_000;

/**
 * Accepts a bulk upsert (NDJSON, one account per line): every line is checked, the valid ones
 * are stored as a durable job in one transaction (once this returns, nothing acknowledged can
 * be lost), and the refused lines are reported with their line numbers and problems.
 */
export async function startBulkUpsert(
  deps: { jobStore: JobStore; clock: Clock },
  ndjson: string,
  actor: string,
): Promise<{ job: Job; invalid: readonly RejectedLine[] }> {
  const items: { line: number; payload: string }[] = [];
  const invalid: RejectedLine[] = [];
  const lines = ndjson.split('\n');
  for (const [i, text] of lines.entries()) {
    if (text.trim() === '') continue;
    const line = i + 1;
    if (items.length + invalid.length >= MAX_BULK_LINES) {
      invalid.push({ line, problems: [{ field: '(request)', message: `more than ${MAX_BULK_LINES} lines: send the rest in another request` }] });
      break;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      invalid.push({ line, problems: [{ field: '(record)', message: `invalid JSON: ${(err as Error).message}` }] });
      continue;
    }
    const checked = UpsertLineSchema.safeParse(raw);
    if (!checked.success) {
      invalid.push({ line, problems: checked.error.issues.map((p) => ({ field: p.path.join('.') || '(record)', message: p.message })) });
      continue;
    }
    items.push({ line, payload: JSON.stringify(checked.data) });
  }
  const job = { id: `job_${randomUUID()}`, kind: 'accounts.bulk' as const, actor, total: items.length, invalid, createdAt: deps.clock.now().toISOString() };
  await deps.jobStore.create(job, items);
  return { job: { ...job, status: 'running', processed: 0 }, invalid };
}

/**
 * Works through every unfinished job, a batch at a time: upserts each item, then marks the
 * batch done. After a crash the items not marked are done again; upserts are idempotent, so
 * repeating one changes nothing. Returns how many items were processed.
 */
export async function runJobs(
  deps: { jobStore: JobStore; clock: Clock; upsert: (input: UpsertInput, actor: string) => Promise<unknown> },
  options: { batch?: number; shouldStop?: () => boolean } = {},
): Promise<number> {
  const batch = options.batch ?? 100;
  let processed = 0;
  for (const job of await deps.jobStore.unfinished()) {
    for (;;) {
      if (options.shouldStop?.()) return processed;
      const items = await deps.jobStore.pending(job.id, batch);
      if (items.length === 0) break;
      for (const item of items) await deps.upsert(toUpsertInput(JSON.parse(item.payload) as Record<string, unknown>), job.actor);
      await deps.jobStore.markDone(
        job.id,
        items.map((i) => i.line),
      );
      processed += items.length;
    }
    await deps.jobStore.finish(job.id, deps.clock.now());
  }
  return processed;
}
