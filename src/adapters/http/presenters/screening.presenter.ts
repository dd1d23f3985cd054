import type { ScreenedMatch, ScreeningResult } from '../../../app/screen-account.js';

/** A screened match as the API shows it. */
export function presentScreenedMatch(m: ScreenedMatch) {
  const e = m.explanation;
  return {
    ...m,
    programs: [...m.programs],
    explanation: { ...e, alignment: e.alignment.map((a) => ({ ...a })), features: e.features.map((f) => ({ ...f })) },
  };
}

/** A screening result as the API shows it, with the threshold it used. */
export function presentScreeningResult(r: ScreeningResult, threshold: number) {
  return { accountId: r.accountId, threshold, matches: r.matches.map(presentScreenedMatch) };
}
