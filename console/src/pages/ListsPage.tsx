import { useState } from 'react';
import { api, must } from '../api';
import { Link } from '../router';
import { ErrorNote, Head, Loading, Section, when } from '../ui';
import { useLoad } from '../use-load';

/** The sources and their active versions, the last pulls and alerts. */
export function ListsPage() {
  const { data, error, loading } = useLoad(() => must(api.GET('/v1/lists')), []);
  if (loading && !data) return <Loading what="the lists" />;
  if (!data) return <ErrorNote error={error} />;
  return (
    <>
      <h1>Lists</h1>
      {data.alerts.length > 0 ? (
        <div role="alert" className="error">
          {data.alerts.map((a) => (
            <p key={a.source}>
              {a.source}: {a.status} at {when(a.at)} {a.message}
            </p>
          ))}
        </div>
      ) : null}
      <Section title="Active versions">
        <table>
          <Head cols={["Source", "Version", "Entities", "Added", "Removed", "Changed", "Published", "Imported"]} />
          <tbody>
            {data.versions.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/lists/${v.source}`}>{v.source}</Link>
                </td>
                <td>#{v.seq}</td>
                <td>{v.entityCount.toLocaleString('en')}</td>
                <td>{v.added}</td>
                <td>{v.removed}</td>
                <td>{v.changed}</td>
                <td>{when(v.publishedAt)}</td>
                <td>{when(v.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Last scheduled pulls">
        {data.pulls.length === 0 ? <p className="muted">No scheduled pull has run in this process.</p> : null}
        <ul>
          {data.pulls.map((p) => (
            <li key={p.source}>
              {p.source}: {p.status} at {when(p.at)} {p.message ?? ''}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

/** One source: every version, and the diff of the chosen one (added, removed, changed fields), paginated. */
export function SourcePage({ source }: { source: string }) {
  const versions = useLoad(() => must(api.GET('/v1/lists/{source}/versions', { params: { path: { source } } })), [source]);
  const [seq, setSeq] = useState<number | null>(null);
  const [change, setChange] = useState<'' | 'added' | 'removed' | 'changed'>('');
  const [after, setAfter] = useState<string[]>([]);
  const chosen = seq ?? versions.data?.versions.at(-1)?.seq ?? null;
  const cursor = after.at(-1);
  const diff = useLoad(
    async () =>
      chosen === null
        ? undefined
        : must(api.GET('/v1/lists/{source}/versions/{seq}/changes', { params: { path: { source, seq: chosen }, query: { limit: 50, ...(change ? { change } : {}), ...(cursor ? { after: cursor } : {}) } } })),
    [source, chosen, change, cursor],
  );
  if (versions.loading && !versions.data) return <Loading what="the versions" />;
  if (!versions.data) return <ErrorNote error={versions.error} />;
  return (
    <>
      <h1>{source}</h1>
      <Section title="Versions">
        <table>
          <Head cols={["Version", "Status", "Entities", "Added", "Removed", "Changed", "Content hash", "Imported"]} />
          <tbody>
            {versions.data.versions.map((v) => (
              <tr key={v.id} className={v.seq === chosen ? 'selected' : undefined}>
                <td>
                  <button type="button" className="link" aria-pressed={v.seq === chosen} onClick={() => (setSeq(v.seq), setAfter([]))}>
                    #{v.seq}
                  </button>
                </td>
                <td>{v.status}</td>
                <td>{v.entityCount.toLocaleString('en')}</td>
                <td>{v.added}</td>
                <td>{v.removed}</td>
                <td>{v.changed}</td>
                <td>
                  <code>{v.contentHash.slice(0, 12)}</code>
                </td>
                <td>{when(v.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={`Diff of version #${chosen ?? ''}`} id="diff">
        <label>
          Show{' '}
          <select value={change} onChange={(e) => (setChange(e.target.value as typeof change), setAfter([]))}>
            <option value="">all changes</option>
            <option value="added">added</option>
            <option value="removed">removed</option>
            <option value="changed">changed</option>
          </select>
        </label>
        <ErrorNote error={diff.error} />
        {diff.data?.first ? <p>The first version of {source}: all {diff.data.version.entityCount.toLocaleString('en')} entities are added.</p> : null}
        {diff.data && !diff.data.first ? (
          <>
            <table>
              <Head cols={["Entity", "Name", "Change", "Changed fields"]} />
              <tbody>
                {diff.data.changes.map((c) => (
                  <tr key={c.entityId}>
                    <td>{c.entityId}</td>
                    <td>{c.name ?? '—'}</td>
                    <td>
                      <span className={`badge badge-${c.change}`}>{c.change}</span>
                    </td>
                    <td>{c.fields.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {diff.data.changes.length === 0 ? <p>No changes of this kind.</p> : null}
            <div className="row">
              {after.length > 0 ? (
                <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
                  Previous page
                </button>
              ) : null}
              {diff.data.next ? (
                <button type="button" onClick={() => setAfter([...after, diff.data!.next!])}>
                  Next page
                </button>
              ) : null}
            </div>
          </>
        ) : null}
      </Section>
    </>
  );
}
