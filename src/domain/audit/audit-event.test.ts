import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { auditPayload, findChainBreak, GENESIS_HASH, type AuditEvent } from './audit-event.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = { seq, at: `2026-01-0${seq}T00:00:00.000Z`, actor: 'cli', action: 'test.done', subject: `s${seq}`, data: { b: 1, a: [seq] }, prevHash: prev };
    const e = { ...base, hash: sha(auditPayload(base)) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

test('the payload does not depend on the order of data keys', () => {
  const e = chain(1)[0]!;
  assert.equal(auditPayload({ ...e, data: { a: [1], b: 1 } }), auditPayload({ ...e, data: { b: 1, a: [1] } }));
});

test('an intact chain has no break', () => {
  assert.equal(findChainBreak(chain(5), sha), undefined);
});

test('an edited, deleted or reordered event breaks the chain where it happened', () => {
  const edited = chain(5).map((e) => (e.seq === 3 ? { ...e, subject: 'other' } : e));
  assert.deepEqual(findChainBreak(edited, sha), { seq: 3, reason: 'event 3 was altered (its hash does not match its content)' });
  const deleted = chain(5).filter((e) => e.seq !== 2);
  assert.equal(findChainBreak(deleted, sha)?.seq, 2);
  const rehashed = chain(5).map((e) => (e.seq === 2 ? { ...e, data: { x: 1 }, hash: sha(auditPayload({ ...e, data: { x: 1 } })) } : e));
  assert.equal(findChainBreak(rehashed, sha)?.seq, 3, 'recomputing one hash breaks the link of the next event');
});
