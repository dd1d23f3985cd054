import { useState, type FormEvent } from 'react';
import { api, ApiFailure, must } from '../api';
import { Link } from '../router';
import { useCan } from '../session';
import { ErrorNote, Head, Loading, Section, StateBadge, when } from '../ui';
import { useLoad } from '../use-load';

/** An account: its state, matches, linked accounts, webhook deliveries, timeline, and the guarded restore. */
export function AccountPage({ id }: { id: string }) {
  const canRestore = useCan('accounts.restore');
  const account = useLoad(() => must(api.GET('/v1/accounts/{id}', { params: { path: { id } } })), [id]);
  const deliveries = useLoad(() => must(api.GET('/v1/accounts/{id}/deliveries', { params: { path: { id } } })), [id]);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ApiFailure | Error>();
  const [restored, setRestored] = useState('');
  if (account.loading && !account.data) return <Loading what="the account" />;
  if (!account.data) return <ErrorNote error={account.error} />;
  const { enforcement, matches, timeline, linked } = account.data;
  const rec = account.data.account as { id: string; displayName?: string; handle?: string; country?: string; birthDate?: string; followers?: number };

  const restore = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(undefined);
    setRestored('');
    try {
      await must(api.POST('/v1/accounts/{id}/restore', { params: { path: { id } }, body: { reason: reason.trim() } }));
      setRestored('The account is restored.');
    } catch (err) {
      setRefusal(err as Error);
    }
    account.reload();
    deliveries.reload();
  };
  const blocked = refusal instanceof ApiFailure ? (refusal.body as { entities?: string[] }).entities : undefined;

  return (
    <>
      <h1>
        Account {rec.id} <StateBadge state={enforcement.state} />
      </h1>
      <p className="lead-text">
        {rec.displayName ?? rec.handle}
        {rec.country ? ` · ${rec.country}` : ''}
        {rec.birthDate ? ` · born ${rec.birthDate}` : ''}
        {rec.followers !== undefined ? ` · ${rec.followers.toLocaleString('en')} followers` : ''}
      </p>
      {canRestore && enforcement.state === 'suspended' ? (
        <Section title="Restore">
          <form onSubmit={(e) => void restore(e)} className="restore">
            <label htmlFor="restore-reason">Reason for restoring</label>
            <textarea id="restore-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required maxLength={2000} />
            <button type="submit" className="primary" disabled={!reason.trim()}>
              Restore account
            </button>
          </form>
          {refusal ? (
            <div role="alert" className="refusal">
              <p>
                <strong>Restore refused</strong> ({refusal instanceof ApiFailure ? refusal.body.code : 'error'}): {refusal.message}
              </p>
              {blocked?.length ? <p>Designated entities blocking it: {blocked.join(', ')}. The refusal is recorded in the audit log.</p> : null}
            </div>
          ) : null}
        </Section>
      ) : null}
      <div aria-live="polite" className="notice">
        {restored}
      </div>
      <Section title="Matches">
        <table>
          <Head cols={["Entity", "Score", "Status", "Decided"]} />
          <tbody>
            {matches.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/matches/${m.id}`}>{m.entityId}</Link>
                </td>
                <td>{m.score.toFixed(3)}</td>
                <td>{m.status}</td>
                <td>{m.decidedBy ? `${m.decidedBy}: ${m.reason ?? ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {linked.length > 0 ? (
        <Section title="Linked accounts">
          <ul>
            {linked.map((l) => (
              <li key={l.id}>
                <Link to={`/accounts/${encodeURIComponent(l.id)}`}>{l.id}</Link> (same {l.via}) <StateBadge state={l.state} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Enforcement actions and webhook deliveries">
        <ul>
          {enforcement.actions.map((a) => (
            <li key={a.id}>
              <strong>{a.action}</strong> at {when(a.at)} by {a.actor}: “{a.reason}”
            </li>
          ))}
        </ul>
        {deliveries.data && deliveries.data.deliveries.length > 0 ? (
          <table>
            <caption className="sr-only">Webhook deliveries</caption>
            <Head cols={["Event", "Endpoint", "Status", "Attempts", "Delivered"]} />
            <tbody>
              {deliveries.data.deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{d.eventType}</td>
                  <td>{d.url}</td>
                  <td>
                    <span className={`badge badge-${d.status}`}>{d.status}</span>
                    {d.lastError ? ` (${d.lastError})` : ''}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{when(d.deliveredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No webhook deliveries.</p>
        )}
        <button type="button" onClick={() => deliveries.reload()}>
          Refresh deliveries
        </button>
      </Section>
      <Section title="Timeline">
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.seq}>
              <span className="muted">{when(e.at)}</span> <strong>{e.action}</strong> by {e.actor}
              {typeof e.data['reason'] === 'string' ? `: “${e.data['reason']}”` : ''}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
