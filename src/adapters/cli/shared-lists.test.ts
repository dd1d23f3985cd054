import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../test/paths.js';
import { jsonLines, warden } from '../../../test/cli-harness.js';

/**
 * Every list file in ../shared/data imports through the CLI with the format recognised from
 * its content, into the source its content names, with the counts its manifest gives.
 */
const FILES: { path: string[]; source: string; format: string; entities: number; note?: string }[] = [
  { path: ['ofac', 'sdn.csv'], source: 'ofac-sdn', format: 'ofac-csv', entities: 14965 },
  { path: ['ofac', 'consolidated', 'cons_prim.csv'], source: 'ofac-cons', format: 'ofac-csv', entities: 442 },
  { path: ['ofac', 'consolidated', 'CONS_ENHANCED.ZIP'], source: 'ofac-cons', format: 'ofac-enhanced-xml', entities: 443 },
  { path: ['ofac', 'samples', 'SDN_sample_2020-04-22.xml'], source: 'ofac-sdn', format: 'ofac-sdn-xml', entities: 8 },
  { path: ['un', 'UN_consolidated.xml'], source: 'un', format: 'un-xml', entities: 1003 },
  { path: ['un', 'UN_consolidated_sample_2024-10-17.xml'], source: 'un', format: 'un-xml', entities: 7 },
  { path: ['uk', 'ConList_sample_2020-04-27.csv'], source: 'uk', format: 'uk-conlist-csv', entities: 6 },
  // 7 <sanctionEntity> elements, one of them (logicalId 5468) repeated verbatim: 6 entities and a warning.
  { path: ['eu', 'eu_fsf_sample_2020-04-15.xml'], source: 'eu', format: 'eu-fsf-xml', entities: 6 },
  // 14,160 rows; 71 parties are on two or three US lists under one _id and are merged.
  { path: ['us_csl', 'consolidated.csv.gz'], source: 'us-csl', format: 'us-csl-csv', entities: 14048 },
  { path: ['opensanctions', 'ftm', 't1.entities.ftm.json'], source: 'opensanctions', format: 'ftm-jsonl', entities: 6 },
  { path: ['opensanctions', 'ftm', 'zala.entities.ftm.json'], source: 'opensanctions', format: 'ftm-jsonl', entities: 17 },
  { path: ['opensanctions', 'ftm', 'parteispenden.entities.ftm.json'], source: 'opensanctions', format: 'ftm-jsonl', entities: 96 },
  { path: ['opensanctions', 'targets.simple.sample.csv'], source: 'opensanctions', format: 'os-targets-csv', entities: 10 },
];

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-shared-'));
});
after(() => rm(dir, { recursive: true, force: true }));

for (const [i, f] of FILES.entries()) {
  test(`${f.path.join('/')} imports as ${f.entities} ${f.source} entities (${f.format})`, async () => {
    const db = `sqlite:${join(dir, `${i}.db`)}`;
    const run = await warden(db, 'lists', 'import', sharedData(...f.path), '--json');
    assert.equal(run.code, 0, run.stderr);
    const [out] = jsonLines(run);
    assert.equal(out?.['source'], f.source);
    assert.equal(out?.['entities'], f.entities);
    const status = JSON.parse((await warden(db, 'lists', 'status', '--json')).stdout) as { sources: { format: string }[] };
    assert.equal(status.sources[0]?.format, f.format);
  });
}
