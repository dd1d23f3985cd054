import { useEffect, useState, type FormEvent } from 'react';
import { api, must, type Answer } from '../api';
import type { paths } from '../api-types';
import { ReasonDialog } from '../reason-dialog';
import { Link, navigate } from '../router';
import { useCan } from '../session';
import { ErrorNote, Loading } from '../ui';
import { useLoad } from '../use-load';
import { DECISION_DONE, DECISION_LABEL, review, type Decision } from './review';

type Match = Answer<'/v1/matches'>['matches'][number];
type Status = NonNullable<NonNullable<paths['/v1/matches']['get']['parameters']['query']>['status']>;

const SCRIPTS = ['Latn', 'Cyrl', 'Arab', 'Hani', 'Hebr', 'Grek', 'Jpan', 'Hang', 'Deva', 'Thai', 'Geor', 'Armn'];

interface Filters {
  status: Status;
  source: string;
  program: string;
  minScore: string;
  script: string;
}

/** The review queue: open matches, highest priority first, filtered and paginated on the server. */
export function QueuePage() {
  const canReview = useCan('matches.review');
  const [draft, setDraft] = useState<Filters>({ status: 'open', source: '', program: '', minScore: '', script: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [pages, setPages] = useState<Match[][]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [asking, setAsking] = useState<{ match: Match; decision: Decision } | null>(null);
  const [notice, setNotice] = useState<string>('');
  const [error, setError] = useState<Error>();
  const lists = useLoad(() => must(api.GET('/v1/lists')), []);

  const query = (cursor?: string) => ({
    status: filters.status,
    limit: 50,
    ...(cursor ? { cursor } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.program ? { program: filters.program.trim() } : {}),
    ...(filters.minScore ? { minScore: Number(filters.minScore) } : {}),
    ...(filters.script ? { script: filters.script } : {}),
  });
  const first = useLoad(() => must(api.GET('/v1/matches', { params: { query: query() } })), [filters]);
  useEffect(() => {
    if (first.data) {
      setPages([first.data.matches]);
      setNext(first.data.next);
      setSelected(0);
    }
  }, [first.data]);
  const rows = pages.flat();

  const more = async () => {
    if (!next) return;
    const page = await must(api.GET('/v1/matches', { params: { query: query(next) } }));
    setPages((p) => [...p, page.matches]);
    setNext(page.next);
  };

  const decide = async (match: Match, decision: Decision, reason: string) => {
    setAsking(null);
    try {
      const done = await review(match.id, decision, reason);
      setNotice(`${DECISION_DONE[decision]} match ${match.id}: now ${done.status}.`);
      setError(undefined);
      first.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (asking || e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const m = rows[selected];
      if (e.key === 'j' || e.key === 'ArrowDown') setSelected((i) => Math.min(rows.length - 1, i + 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setSelected((i) => Math.max(0, i - 1));
      else if ((e.key === 'Enter' || e.key === 'o') && m && target.tagName !== 'BUTTON' && target.tagName !== 'A') navigate(`/matches/${m.id}`);
      else if (canReview && m && (e.key === 'c' || e.key === 'd' || e.key === 'e')) setAsking({ match: m, decision: ({ c: 'confirm', d: 'dismiss', e: 'escalate' } as const)[e.key] });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected, asking, canReview]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const sources = [...new Set((lists.data?.versions ?? []).map((v) => v.source))];

  return (
    <>
      <h1>Review queue</h1>
      <form className="filters" onSubmit={apply} aria-label="Queue filters">
        <label>
          Status
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as Status })}>
            {['open', 'escalated', 'confirmed', 'dismissed', 'overturned', 'delisted'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })}>
            <option value="">any</option>
            {sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Program
          <input value={draft.program} onChange={(e) => setDraft({ ...draft, program: e.target.value })} placeholder="e.g. GLOMAG" size={12} />
        </label>
        <label>
          Minimum score
          <input type="number" min={0} max={1} step={0.01} value={draft.minScore} onChange={(e) => setDraft({ ...draft, minScore: e.target.value })} size={6} />
        </label>
        <label>
          Script
          <select value={draft.script} onChange={(e) => setDraft({ ...draft, script: e.target.value })}>
            <option value="">any</option>
            {SCRIPTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <p className="muted" id="shortcuts">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open
        {canReview ? (
          <>
            , <kbd>c</kbd> confirm, <kbd>d</kbd> dismiss, <kbd>e</kbd> escalate (each asks for a reason)
          </>
        ) : null}
        .
      </p>
      <div aria-live="polite" className="notice">
        {notice}
      </div>
      <ErrorNote error={error ?? first.error} />
      {first.loading && pages.length === 0 ? <Loading what="the queue" /> : null}
      <table className="queue" aria-describedby="shortcuts">
        <caption className="sr-only">Matches, highest priority first</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Score</th>
            <th scope="col">Account</th>
            <th scope="col">Listed entity</th>
            <th scope="col">Why</th>
            <th scope="col">Status</th>
            {canReview ? <th scope="col">Decide</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m, i) => (
            <tr key={m.id} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
              <td>{m.priority.toFixed(3)}</td>
              <td>{m.score.toFixed(3)}</td>
              <td>
                <Link to={`/accounts/${encodeURIComponent(m.accountId)}`}>{m.accountId}</Link>
              </td>
              <td>
                <Link to={`/matches/${m.id}`} aria-label={`Open match ${m.id}: ${m.entityId}`}>
                  {m.entityId}
                </Link>
              </td>
              <td className="why">{m.summary}</td>
              <td>{m.status}</td>
              {canReview ? (
                <td className="actions">
                  {(['confirm', 'dismiss', 'escalate'] as const).map((d) => (
                    <button key={d} type="button" className={d === 'confirm' ? 'danger small' : 'small'} onClick={() => setAsking({ match: m, decision: d })} aria-label={`${DECISION_LABEL[d]} match ${m.id}`}>
                      {DECISION_LABEL[d]}
                    </button>
                  ))}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {!first.loading && rows.length === 0 ? <p>No matches with these filters.</p> : null}
      {next ? (
        <button type="button" onClick={() => void more()}>
          Load more
        </button>
      ) : null}
      {asking ? (
        <ReasonDialog
          title={`${DECISION_LABEL[asking.decision]} ${asking.match.entityId} for ${asking.match.accountId}`}
          action={DECISION_LABEL[asking.decision]}
          onSubmit={(reason) => void decide(asking.match, asking.decision, reason)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}
