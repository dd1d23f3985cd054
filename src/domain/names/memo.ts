/**
 * `fn` memoised by its argument, for pure functions of a name part that screening calls for
 * the same few thousand words over and over. Bounded: after `max` entries the memo starts
 * over (a few MB at most), so memory does not grow with the accounts screened.
 */
export function memoized<T>(fn: (word: string) => T, max: number): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined && !memo.has(word)) {
      value = fn(word);
      if (memo.size >= max) memo.clear();
      memo.set(word, value);
    }
    return value as T;
  };
}
