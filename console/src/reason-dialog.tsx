import { useEffect, useRef, useState, type FormEvent } from 'react';

/** Asks for the reason of a decision (every decision carries one); Escape cancels. */
export function ReasonDialog({ title, action, onSubmit, onCancel }: { title: string; action: string; onSubmit(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <div className="backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="reason-title" className="dialog" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <form onSubmit={submit}>
          <h2 id="reason-title">{title}</h2>
          <label htmlFor="reason">Reason (recorded in the audit log)</label>
          <textarea
            id="reason"
            ref={ref}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) submit(e);
            }}
            aria-describedby="reason-hint"
            rows={3}
            required
            maxLength={2000}
          />
          <p id="reason-hint" className="muted">
            Enter submits, Shift+Enter starts a new line, Escape cancels.
          </p>
          <div className="row">
            <button type="submit" className="primary" disabled={!reason.trim()}>
              {action}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
