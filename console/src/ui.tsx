import type { ReactNode } from 'react';
import { ApiFailure } from './api';

export function ErrorNote({ error }: { error: Error | undefined }) {
  if (!error) return null;
  const code = error instanceof ApiFailure ? error.body.code : 'error';
  return (
    <p role="alert" className="error">
      <strong>{code}</strong>: {error.message}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return <p aria-live="polite" className="muted">Loading {what}…</p>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const hid = (id ?? title).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section aria-labelledby={hid} className="card">
      <h2 id={hid}>{title}</h2>
      {children}
    </section>
  );
}

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge badge-${state}`}>{state}</span>;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A duration in seconds, in words an analyst reads at a glance. */
export function duration(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

/** Horizontal bars with their values written beside them; the table next to a chart carries the same numbers. */
export function BarChart({ label, bars, max, format }: { label: string; bars: { label: string; value: number }[]; max?: number; format: (v: number) => string }) {
  const top = max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  const row = 28;
  const labelW = 190;
  const width = 640;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${bars.length * row + 8}`} className="chart">
      <title>{label}</title>
      {bars.map((b, i) => {
        const w = Math.max(2, ((width - labelW - 90) * b.value) / top);
        return (
          <g key={b.label} transform={`translate(0 ${i * row + 4})`}>
            <text x={labelW - 8} y={17} textAnchor="end" className="chart-label">
              {b.label}
            </text>
            <rect x={labelW} y={3} width={w} height={row - 10} className="chart-bar" />
            <text x={labelW + w + 6} y={17} className="chart-value">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A table head of column headers. */
export function Head({ cols }: { cols: string[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
