import { useState, type FormEvent } from 'react';
import { api, must } from '../api';
import { ErrorNote, Head, Loading, Section, when } from '../ui';
import { useLoad } from '../use-load';

/** The audit log: the chain's status, and events filtered by account or actor, paginated. */
export function AuditPage() {
  const verify = useLoad(() => must(api.GET('/v1/audit/verify')), []);
  const [draft, setDraft] = useState({ accountId: '', actor: '' });
  const [filter, setFilter] = useState(draft);
  const [cursors, setCursors] = useState<number[]>([]);
  const after = cursors.at(-1);
  const events = useLoad(
    () =>
      must(
        api.GET('/v1/audit', {
          params: { query: { limit: 50, ...(filter.accountId ? { accountId: filter.accountId.trim() } : {}), ...(filter.actor ? { actor: filter.actor.trim() } : {}), ...(after !== undefined ? { after } : {}) } },
        }),
      ),
    [filter, after],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setCursors([]);
    setFilter(draft);
  };
  return (
    <>
      <h1>Audit log</h1>
      <Section title="Chain status">
        <ErrorNote error={verify.error} />
        {verify.data ? (
          verify.data.ok ? (
            <p className="agree">
              The hash chain is intact: {verify.data.events.toLocaleString('en')} events, head <code>{verify.data.headHash.slice(0, 16)}</code>.
            </p>
          ) : (
            <p role="alert" className="error">
              The chain is broken at event {verify.data.break?.seq}: {verify.data.break?.reason}
            </p>
          )
        ) : (
          <Loading what="the chain status" />
        )}
      </Section>
      <Section title="Events">
        <form className="filters" onSubmit={apply} aria-label="Audit filters">
          <label>
            Account id
            <input value={draft.accountId} onChange={(e) => setDraft({ ...draft, accountId: e.target.value })} />
          </label>
          <label>
            Actor
            <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} placeholder="e.g. key:1a2b3c" />
          </label>
          <button type="submit">Filter</button>
        </form>
        <ErrorNote error={events.error} />
        <table>
          <Head cols={["#", "Time", "Actor", "Action", "Subject", "Hash"]} />
          <tbody>
            {events.data?.events.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.subject}</td>
                <td>
                  <code>{e.hash.slice(0, 10)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          {cursors.length > 0 ? (
            <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
          ) : null}
          {events.data?.next != null ? (
            <button type="button" onClick={() => setCursors([...cursors, events.data!.next!])}>
              Next page
            </button>
          ) : null}
        </div>
      </Section>
    </>
  );
}
