import { useState, type ReactNode } from 'react';
import { api, must, type Answer } from '../api';
import { ReasonDialog } from '../reason-dialog';
import { Link } from '../router';
import { useCan } from '../session';
import { ErrorNote, Head, Loading, Section, StateBadge, when } from '../ui';
import { useLoad } from '../use-load';
import { DECISION_DONE, DECISION_LABEL, isDecidable, review, type Decision } from './review';

type Detail = Answer<'/v1/matches/{id}'>;
type Entity = NonNullable<Detail['entity']>;

/** The legal instruments behind common program codes (the list names the program; this says what it is). */
const LEGAL_BASIS: Record<string, string> = {
  MAGNIT: 'Sergei Magnitsky Rule of Law Accountability Act of 2012',
  GLOMAG: 'Global Magnitsky Human Rights Accountability Act; Executive Order 13818',
  SDGT: 'Executive Order 13224 (terrorism)',
  'RUSSIA-EO14024': 'Executive Order 14024 (Russian harmful foreign activities)',
  'UKRAINE-EO13660': 'Executive Order 13660 (Ukraine)',
  'UKRAINE-EO13661': 'Executive Order 13661 (Ukraine)',
  'UKRAINE-EO13662': 'Executive Order 13662 (Ukraine)',
  SDNTK: 'Foreign Narcotics Kingpin Designation Act',
  IRAN: 'Iranian Transactions and Sanctions Regulations (31 CFR 560)',
  'IRAN-EO13902': 'Executive Order 13902 (Iran)',
  DPRK: 'North Korea Sanctions Regulations (31 CFR 510)',
  'CYBER2': 'Executive Order 13694 as amended (malicious cyber activity)',
  SYRIA: 'Syrian Sanctions Regulations (31 CFR 542)',
  VENEZUELA: 'Executive Order 13692 (Venezuela)',
  CAATSA: 'Countering America\'s Adversaries Through Sanctions Act',
};

function basisOf(source: string, program: string): string {
  return LEGAL_BASIS[program] ?? `the ${program} regime, as the ${source} list states it`;
}

/** The account text with the name parts the matcher aligned highlighted. */
function Highlighted({ text, parts }: { text: string; parts: string[] }) {
  const wanted = parts.filter((p) => p.length > 0).map((p) => p.toLowerCase());
  if (wanted.length === 0) return <>{text}</>;
  const out: ReactNode[] = [];
  for (const [i, token] of text.split(/(\s+|,)/).entries()) {
    const plain = token.toLowerCase().replace(/[.,]/g, '');
    out.push(wanted.includes(plain) ? <mark key={i}>{token}</mark> : token);
  }
  return <>{out}</>;
}

function agreement(account: string | undefined, listed: string[], same: (a: string, b: string) => boolean): { word: string; className: string } {
  if (!account) return { word: 'not given by the account', className: 'muted' };
  if (listed.length === 0) return { word: 'not stated by the list', className: 'muted' };
  return listed.some((l) => same(account, l)) ? { word: 'agrees', className: 'agree' } : { word: 'differs', className: 'differ' };
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === undefined || v === '' ? '—' : v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One match and its evidence, side by side, with the decision buttons for roles that decide. */
export function MatchPage({ id }: { id: string }) {
  const canReview = useCan('matches.review');
  const { data, error, loading, reload } = useLoad(() => must(api.GET('/v1/matches/{id}', { params: { path: { id } } })), [id]);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [failure, setFailure] = useState<Error>();
  const [notice, setNotice] = useState('');
  if (loading && !data) return <Loading what="the match" />;
  if (!data) return <ErrorNote error={error} />;
  const { match, account, entity } = data;
  const x = match.explanation;
  const acc = account as typeof account & { displayName?: string; handle?: string; bio?: string; birthDate?: string; country?: string };
  const queryParts = x.alignment.map((a) => a.query);
  const listedParts = x.alignment.map((a) => a.listed ?? '');
  const birth = agreement(acc.birthDate, entity?.birthDates.map((d) => d.value) ?? [], (a, b) => a.startsWith(b) || b.startsWith(a));
  const countries = entity ? [...new Set([...entity.nationalities, ...entity.citizenships, ...entity.countries])] : [];
  const country = agreement(acc.country, countries, (a, b) => a.toUpperCase() === b.toUpperCase());
  const decide = async (decision: Decision, reason: string) => {
    setAsking(null);
    try {
      const done = await review(match.id, decision, reason);
      setNotice(`${DECISION_DONE[decision]}: the match is now ${done.status}.`);
      setFailure(undefined);
      reload();
    } catch (e) {
      setFailure(e as Error);
    }
  };

  return (
    <>
      <h1>
        Match {match.id} <StateBadge state={match.status} />
      </h1>
      <p className="lead-text">
        Score <strong>{match.score.toFixed(3)}</strong> (threshold {match.threshold.toFixed(2)}, {x.algorithm.name} {x.algorithm.version}). {x.summary}
      </p>
      <div aria-live="polite" className="notice">
        {notice}
      </div>
      <ErrorNote error={failure} />
      {canReview && isDecidable(match.status) ? (
        <div className="row" role="group" aria-label="Decision">
          <button type="button" className="danger" onClick={() => setAsking('confirm')}>
            Confirm match (suspends the account)
          </button>
          <button type="button" onClick={() => setAsking('dismiss')}>
            Dismiss
          </button>
          <button type="button" onClick={() => setAsking('escalate')}>
            Escalate
          </button>
        </div>
      ) : null}
      {match.decidedBy ? (
        <p>
          Decided by {match.decidedBy} at {when(match.decidedAt)}: “{match.reason}”
        </p>
      ) : null}

      <div className="side-by-side">
        <Section title="Account">
          <Facts
            rows={[
              ['Id', <Link to={`/accounts/${encodeURIComponent(account.id)}`}>{account.id}</Link>],
              ['State', <StateBadge state={account.state} />],
              ['Display name', acc.displayName ? <Highlighted text={acc.displayName} parts={queryParts} /> : undefined],
              ['Handle', acc.handle],
              ['Matched field', `${x.queryField}: “${x.queryText}”`],
              ['Transliteration', x.transliteration !== x.queryText ? x.transliteration : `${x.transliteration} (already Latin)`],
              ['Birth date', acc.birthDate],
              ['Country', acc.country],
              ['Followers', account.followers.toLocaleString('en')],
              ['Bio', acc.bio],
            ]}
          />
        </Section>
        <Section title="Listed entity">
          {entity ? <EntityFacts entity={entity} listedParts={listedParts} matchedName={x.matchedName} listed={data.entityListed} /> : <p>The entity is in no stored list version.</p>}
        </Section>
      </div>

      <Section title="Name alignment">
        <table>
          <caption className="sr-only">Account name parts aligned with the listed name's parts</caption>
          <Head cols={["Account part", "Listed part", "Similarity", "Weight (rarity)", "How"]} />
          <tbody>
            {x.alignment.map((a, i) => (
              <tr key={i}>
                <td>
                  <mark>{a.query}</mark>
                </td>
                <td>{a.listed ? <mark>{a.listed}</mark> : <span className="muted">unmatched</span>}</td>
                <td>{a.similarity.toFixed(2)}</td>
                <td>{a.weight.toFixed(2)}</td>
                <td>{a.how}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <div className="side-by-side">
        <Section title="Agreement">
          <Facts
            rows={[
              ['Birth date', <span className={birth.className}>{birth.word}</span>],
              ['Country', <span className={country.className}>{country.word}</span>],
            ]}
          />
          <h3>Score, feature by feature</h3>
          <ul>
            {x.features.map((f) => (
              <li key={f.feature}>
                <strong>{f.feature}</strong> {f.contribution >= 0 ? '+' : ''}
                {f.contribution.toFixed(3)}: {f.detail}
              </li>
            ))}
          </ul>
        </Section>
        <Section title="List version">
          <table>
            <Head cols={["Version", "Status", "Published", "Imported"]} />
            <tbody>
              {data.listVersions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/lists/${v.source}`}>
                      {v.source} #{v.seq}
                    </Link>
                  </td>
                  <td>{v.status}</td>
                  <td>{when(v.publishedAt)}</td>
                  <td>{when(v.importedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>

      <Section title="Other matches of this account">
        {data.otherMatches.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {data.otherMatches.map((m) => (
              <li key={m.id}>
                <Link to={`/matches/${m.id}`}>{m.entityId}</Link> — {m.score.toFixed(3)}, {m.status}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {asking ? (
        <ReasonDialog title={`${DECISION_LABEL[asking]} this match`} action={DECISION_LABEL[asking]} onSubmit={(r) => void decide(asking, r)} onCancel={() => setAsking(null)} />
      ) : null}
    </>
  );
}

function EntityFacts({ entity, listedParts, matchedName, listed }: { entity: Entity; listedParts: string[]; matchedName: string; listed: boolean }) {
  return (
    <>
      <Facts
        rows={[
          ['Id', entity.id],
          ['Listed now', listed ? 'yes (in an active version)' : 'no: removed from its list'],
          ['Type', entity.schema],
          ['Matched name', <Highlighted text={matchedName} parts={listedParts} />],
          [
            'Names',
            <ul className="plain">
              {entity.names.map((n) => (
                <li key={n.full + n.kind}>
                  {n.full} <span className="muted">({n.kind}{n.script ? `, ${n.script}` : ''})</span>
                </li>
              ))}
            </ul>,
          ],
          ['Birth dates', entity.birthDates.map((d) => `${d.circa ? 'c. ' : ''}${d.value}${d.to ? `–${d.to}` : ''}`).join(', ')],
          ['Birth places', entity.birthPlaces.join('; ')],
          ['Nationalities', [...entity.nationalities, ...entity.citizenships].join(', ')],
          ['Countries', entity.countries.join(', ')],
          [
            'Programs and legal basis',
            <ul className="plain">
              {entity.programs.map((p) => (
                <li key={p}>
                  <strong>{p}</strong>: {basisOf(entity.source, p)}
                </li>
              ))}
            </ul>,
          ],
          ['Listed on', entity.listedOn],
          ['Identifiers', entity.identifiers.map((i) => `${i.type} ${i.value}`).join('; ')],
          ['Remarks', entity.remarks],
        ]}
      />
    </>
  );
}
