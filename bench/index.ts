import { benchLists } from './lists-bench.js';
import { benchMatchingSpeed } from './matching/matching-speed.js';
import { benchMatchingQuality } from './matching-quality.js';
import { benchMatchingVariants } from './matching-variants.js';
import { benchService } from './service-bench.js';
import { benchSweep } from './sweep-bench.js';

/**
 * `npm run bench [-- section…]`: every benchmark, or the named sections, printed as
 * Markdown tables with the peers measured in the same run.
 */
const SECTIONS: Record<string, () => Promise<void>> = {
  lists: benchLists,
  'matching-quality': benchMatchingQuality,
  'matching-variants': benchMatchingVariants,
  'matching-speed': benchMatchingSpeed,
  service: benchService,
  sweep: benchSweep,
};

/** Names that stand for several sections. */
const GROUPS: Record<string, readonly string[]> = { matching: ['matching-quality', 'matching-variants', 'matching-speed'] };

const wanted = process.argv.slice(2).flatMap((w) => GROUPS[w] ?? [w]);
const unknown = wanted.filter((w) => !(w in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')} (matching = the three matching-*)`);
  process.exit(2);
}
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await run();
}
