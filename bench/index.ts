import { benchLists } from './lists-bench.js';
import { benchMatchingSpeed } from './matching/matching-speed.js';
import { benchService } from './service-bench.js';
import { benchSweep } from './sweep-bench.js';

/**
 * `npm run bench [-- section…]`: every benchmark, or the named sections, printed as
 * Markdown tables with the peers measured in the same run.
 */
const SECTIONS: Record<string, () => Promise<void>> = {
  lists: benchLists,
  'matching-speed': benchMatchingSpeed,
  service: benchService,
  sweep: benchSweep,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await run();
}
