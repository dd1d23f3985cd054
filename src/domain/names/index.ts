/**
 * Names: the script-, style- and spelling-independent forms the matcher compares. A name goes
 * through `normalizeName` (one script-faithful, lower-case form), `romanizations` (its common
 * Latin spellings), `nameTokens` / `splitHandle` (its parts) and `phoneticKey` (one blocking
 * key per part). All pure and fast: they run for every account screened.
 */
export { normalizeName } from './normalize-name.js';
export { romanizations, MAX_ROMANIZATIONS } from './transliterate.js';
export { nameTokens, splitHandle, segment, handleWords, MAX_RUN, type KnownParts } from './name-tokens.js';
export { phoneticKey } from './phonetic-key.js';
