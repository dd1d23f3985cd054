import type { PartialDate } from './entity.js';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', sept: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * Reads one date as lists write them into a PartialDate, or undefined when it is not a date.
 * Understands `05 Oct 1976`, `Oct 1976`, `1976`, `1976-10-05`, `1976-10`, `05/10/1976` and
 * `00/00/1976` (day first, `00` unknown), `circa 1960` / `approximately 1960`, and ranges
 * `1968 to 1970` / `1968 - 1970`.
 */
export function parseListDate(text: string): PartialDate | undefined {
  let s = text.trim().replace(/\.$/, '').trim();
  let circa = false;
  const circaMatch = /^(?:circa|ca\.?|c\.|approx(?:imately|\.)?|about)\s+/i.exec(s);
  if (circaMatch) {
    circa = true;
    s = s.slice(circaMatch[0].length);
  }
  const range = /^(.+?)\s+(?:to|-|–|until)\s+(.+)$/i.exec(s);
  if (range && range[1] && range[2]) {
    const from = parseSingle(range[1]);
    const to = parseSingle(range[2]);
    if (from && to) return circa ? { value: from, to, circa } : { value: from, to };
  }
  const value = parseSingle(s);
  if (!value) return undefined;
  return circa ? { value, circa } : { value };
}

function parseSingle(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(s);
  if (m) return assemble(m[1], m[2], m[3]);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) return assemble(m[3], month(m[2]), m[1]);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) return assemble(m[3], month(m[1]), m[2]);
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) return assemble(m[2], month(m[1]), undefined);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return assemble(m[3], m[2], m[1]);
  m = /^(\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return assemble(m[2], m[1], undefined);
  return undefined;
}

function month(name: string | undefined): string | undefined {
  const key = (name ?? '').toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 'invalid';
}

function assemble(year: string | undefined, mon: string | undefined, day: string | undefined): string | undefined {
  if (!year || !/^\d{4}$/.test(year) || year === '0000') return undefined;
  if (mon === 'invalid') return undefined;
  const mm = mon && Number(mon) > 0 ? mon.padStart(2, '0') : undefined;
  if (!mm) return year;
  if (Number(mm) > 12) return undefined;
  const dd = day && Number(day) > 0 ? day.padStart(2, '0') : undefined;
  if (!dd) return `${year}-${mm}`;
  if (Number(dd) > 31) return undefined;
  return `${year}-${mm}-${dd}`;
}
