import { normalizeName } from './normalize-name.js';

/**
 * Words people add to a handle that are never part of a name (kadyrov.official,
 * the_real_kadyrov, kadyrov_tv). Single letters are kept out of this list: they may be initials.
 */
const HANDLE_WORDS = new Set([
  'official', 'officiel', 'oficial', 'offizielle', 'real', 'the', 'tv', 'news', 'page', 'fan', 'fans',
  'fanpage', 'fanclub', 'club', 'team', 'original', 'backup', 'backup2', 'account', 'acc', 'profile',
  'blog', 'channel', 'live', 'media', 'info', 'online', 'com', 'net', 'org', 'iam', 'its',
  'mr', 'mrs', 'ms', 'dr', 'x', 'xx', 'xxx', 'hq', 'updates', 'daily', 'archive', 'private', 'priv',
  'personal', 'main', 'alt', 'new', 'old', 'fake', 'parody', 'press', 'pr', 'verified', 'ig', 'yt', 'fb',
]);

/** The longest run `segment` will split, and the most splits it returns. */
export const MAX_RUN = 40;
const MAX_SEGMENTATIONS = 8;
const MAX_PARTS = 5;

/**
 * The words of a display or list name after `normalizeName`: what token-based matching
 * aligns. No word is dropped here (handles are `splitHandle`'s job).
 */
export function nameTokens(text: string): string[] {
  const normal = normalizeName(text);
  return normal === '' ? [] : normal.split(' ');
}

/** What cutting a run-together name asks of the known name parts (a set, or a view of one). */
export interface KnownParts {
  has(part: string): boolean;
}

/**
 * The ways to cut a run-together name (ramzankadyrov) into parts that are all `known`
 * (typically the name parts of the entities being screened), fewest parts first, at most
 * eight, each part at least `minLen` long. Dynamic programming over suffixes, bounded in run
 * length (40), parts (5) and results, so a long or hostile handle costs little. A run that
 * cannot be cut wholly into known parts gives [].
 */
export function segment(run: string, known: KnownParts, minLen = 3): string[][] {
  if (run.length > MAX_RUN || run.length < minLen) return [];
  const memo = new Map<number, string[][]>();
  const from = (start: number): string[][] => {
    if (start === run.length) return [[]];
    const cached = memo.get(start);
    if (cached) return cached;
    const found: string[][] = [];
    for (let end = run.length; end >= start + minLen; end--) {
      const part = run.slice(start, end);
      if (!known.has(part)) continue;
      for (const rest of from(end)) if (rest.length < MAX_PARTS) found.push([part, ...rest]);
    }
    found.sort((a, b) => a.length - b.length);
    const bounded = found.slice(0, MAX_SEGMENTATIONS);
    memo.set(start, bounded);
    return bounded;
  };
  return from(0).filter((s) => s.length > 0);
}

/**
 * Cuts camelCase and letter/digit boundaries (RamzanKadyrov95 → Ramzan Kadyrov 95) before
 * case is folded away.
 */
function splitCase(handle: string): string {
  return handle
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{Nd})/gu, '$1 $2')
    .replace(/(\p{Nd})(\p{L})/gu, '$1 $2');
}

/**
 * The candidate name-token sequences a social handle (or a run-together name) may stand
 * for, most likely first: `ramzan_kadyrov95` → [[ramzan, kadyrov]], `RamzanKadyrov` →
 * [[ramzan, kadyrov]], `kadyrov.official` → [[kadyrov]]. Separators, camelCase and digits
 * split; digits and common handle words (official, real, the, tv, news...) are dropped.
 * With `known` name parts, a word that is not itself known is also cut by `segment`
 * (ramzankadyrov → [ramzan, kadyrov]); those cuts come first, the uncut words last.
 * A handle with nothing name-like left gives [].
 */
export function splitHandle(handle: string, known?: KnownParts, minLen = 3): string[][] {
  const words = handleWords(handle);
  if (words.length === 0) return [];
  const cuts: string[][] = [];
  if (known) {
    for (let i = 0; i < words.length && cuts.length < MAX_SEGMENTATIONS - 1; i++) {
      const word = words[i] ?? '';
      if (known.has(word)) continue;
      for (const cut of segment(word, known, minLen)) {
        if (cut.length > 1) cuts.push([...words.slice(0, i), ...cut, ...words.slice(i + 1)]);
      }
    }
  }
  const candidates = [...cuts.slice(0, MAX_SEGMENTATIONS - 1), words];
  return candidates;
}

/**
 * The words of a handle before any is cut with known parts: separators, camelCase and digits
 * split; digits and common handle words dropped. `splitHandle` cuts these.
 */
export function handleWords(handle: string): string[] {
  return normalizeName(splitCase(handle.replace(/^@+/, '')))
    .split(' ')
    .filter((w) => w !== '' && !/^\d+$/.test(w) && !HANDLE_WORDS.has(w));
}
