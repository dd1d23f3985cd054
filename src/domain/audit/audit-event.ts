/**
 * What happened, by whom, to what: the part of an audit event the caller supplies.
 * `action` is a dotted verb (`list.version.created`, `match.reviewed`); `subject` names what it
 * happened to (`ofac-sdn@3`, `account:123`).
 */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * An entry as the append-only log holds it: numbered from 1 without gaps, timestamped, and
 * chained: `hash` covers every other field including `prevHash`, the hash of the event before
 * (GENESIS_HASH for the first). Editing or deleting any event breaks the chain after it.
 */
export interface AuditEvent extends AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact text an event's hash is computed over: its fields in a fixed order, with the
 * data's keys sorted at every depth, so the same event always gives the same text whichever
 * database returned it.
 */
export function auditPayload(event: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson([event.seq, event.at, event.actor, event.action, event.subject, event.data, event.prevHash]);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where the chain first breaks, and why. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason: string;
}

/**
 * Checks events, in seq order, against the chain rules: seq 1, 2, 3... without gaps, each
 * `prevHash` equal to the hash before, each `hash` equal to `hashOf(payload)`. Returns the
 * first break, or undefined when the chain holds. `hashOf` is SHA-256 in hex (the core
 * takes it as a function so it stays free of I/O and platform crypto).
 */
export function findChainBreak(
  events: Iterable<AuditEvent>,
  hashOf: (text: string) => string,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | undefined {
  let expectedSeq = start.seq + 1;
  let prev = start.hash;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: `event ${e.seq} does not follow event ${e.seq - 1} (previous hash differs)` };
    if (hashOf(auditPayload(e)) !== e.hash) return { seq: e.seq, reason: `event ${e.seq} was altered (its hash does not match its content)` };
    prev = e.hash;
    expectedSeq += 1;
  }
  return undefined;
}
