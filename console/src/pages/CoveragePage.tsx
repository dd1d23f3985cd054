import { api, must } from '../api';
import { useCan } from '../session';
import { BarChart, duration, ErrorNote, Head, Loading, pct, Section } from '../ui';
import { useLoad } from '../use-load';

const STAGES = [
  ['publicationToImport', 'publication → import'],
  ['importToMatch', 'import → match'],
  ['matchToDecision', 'match → decision'],
  ['decisionToDelivery', 'decision → delivered'],
  ['total', 'total'],
] as const;

/** Coverage per active list version, and time to enforcement per source and stage. */
export function CoveragePage() {
  const canCoverage = useCan('coverage.read');
  const canMetrics = useCan('metrics.read');
  const coverage = useLoad(async () => (canCoverage ? must(api.GET('/v1/coverage')) : undefined), [canCoverage]);
  const tte = useLoad(async () => (canMetrics ? must(api.GET('/v1/metrics/time-to-enforcement')) : undefined), [canMetrics]);
  return (
    <>
      <h1>Coverage and time to enforcement</h1>
      <Section title="Coverage per list version">
        {!canCoverage ? <p>Your role does not see coverage.</p> : null}
        <ErrorNote error={coverage.error} />
        {coverage.loading && !coverage.data ? <Loading what="coverage" /> : null}
        {coverage.data ? (
          <>
            <BarChart label="Share of accounts screened against each active list version" bars={coverage.data.versions.map((v) => ({ label: v.versionId, value: v.share }))} max={1} format={pct} />
            <table>
              <Head cols={["Version", "Accounts", "Screened", "Share", "Not yet screened (first)"]} />
              <tbody>
                {coverage.data.versions.map((v) => (
                  <tr key={v.versionId}>
                    <td>{v.versionId}</td>
                    <td>{v.accounts.toLocaleString('en')}</td>
                    <td>{v.screened.toLocaleString('en')}</td>
                    <td>{pct(v.share)}</td>
                    <td>{v.unscreened.slice(0, 10).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Section>
      <Section title="Time to enforcement">
        {!canMetrics ? <p>Your role does not see enforcement metrics.</p> : null}
        <ErrorNote error={tte.error} />
        {tte.data && tte.data.sources.length === 0 ? <p>No suspension yet.</p> : null}
        {tte.data?.sources.map((s) => (
          <div key={s.source}>
            <h3>
              {s.source}: {s.suspensions} suspension{s.suspensions === 1 ? '' : 's'}
            </h3>
            <BarChart
              label={`${s.source}: 50th, 90th and 99th percentiles of each stage`}
              bars={STAGES.flatMap(([k, name]) => {
                const p = s.stages[k];
                return p ? [{ label: `${name} p50`, value: p.p50 }, { label: `${name} p90`, value: p.p90 }, { label: `${name} p99`, value: p.p99 }] : [];
              })}
              format={duration}
            />
            <table>
              <Head cols={["Stage", "Count", "p50", "p90", "p99"]} />
              <tbody>
                {STAGES.map(([k, name]) => {
                  const p = s.stages[k];
                  return p ? (
                    <tr key={k}>
                      <td>{name}</td>
                      <td>{p.count}</td>
                      <td>{duration(p.p50)}</td>
                      <td>{duration(p.p90)}</td>
                      <td>{duration(p.p99)}</td>
                    </tr>
                  ) : null;
                })}
              </tbody>
            </table>
          </div>
        ))}
      </Section>
    </>
  );
}
