import { createHash } from 'node:crypto';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from '../domain/audit/audit-event.js';
import type { AuditStore } from './ports.js';

const PAGE = 5000;

/** The result of checking the whole audit log. */
export interface AuditVerification {
  readonly ok: boolean;
  /** How many events were checked. */
  readonly events: number;
  /** The hash of the last event: record it elsewhere to detect a later truncation of the tail. */
  readonly headHash: string;
  readonly break?: ChainBreak;
}

/**
 * Walks the whole audit log in seq order and checks the hash chain: an edited, deleted or
 * inserted event is found and named. (Dropping events from the very end leaves a shorter
 * valid chain; compare `headHash` with one recorded earlier to catch that.)
 */
export async function verifyAudit({ auditStore }: { auditStore: AuditStore }): Promise<AuditVerification> {
  const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');
  let start = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    const page = await auditStore.events({ afterSeq: start.seq, limit: PAGE });
    const found = findChainBreak(page, hashOf, start);
    if (found) return { ok: false, events: start.seq, headHash: start.hash, break: found };
    const last = page.at(-1);
    if (!last) return { ok: true, events: start.seq, headHash: start.hash };
    start = { seq: last.seq, hash: last.hash };
    if (page.length < PAGE) return { ok: true, events: start.seq, headHash: start.hash };
  }
}
