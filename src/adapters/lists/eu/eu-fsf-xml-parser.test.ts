import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../../test/paths.js';
import { parseFile } from '../xml/parse-harness.js';
import { euFsfXmlParser } from './eu-fsf-xml-parser.js';

const SAMPLE = sharedData('eu', 'eu_fsf_sample_2020-04-15.xml');
const tempDir = mkdtempSync(join(tmpdir(), 'warden-eu-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

test('sniffs the FSF export by its root element and namespace', () => {
  assert.equal(euFsfXmlParser.sniff(readFileSync(SAMPLE, 'utf8'), 'eu.xml'), true);
  assert.equal(euFsfXmlParser.sniff('<?xml version="1.0"?><export xmlns="urn:something-else"><item/>', 'x.xml'), false);
  assert.equal(euFsfXmlParser.sniff('<CONSOLIDATED_LIST dateGenerated="2024-10-17">', 'x.xml'), false);
  assert.equal(euFsfXmlParser.sourceOf('', 'eu.xml'), 'eu');
});

test('reads the 7 sanction entities of the 2020-04-15 sample, dated by generationDate', async () => {
  const { entities, ctx } = await parseFile(euFsfXmlParser, SAMPLE);
  assert.equal(ctx.publishedAt, '2020-04-15');
  assert.deepEqual(ctx.warnings, []);
  // The sample repeats logicalId 5468; the parser reports what the file holds.
  assert.deepEqual(
    entities.map((e) => `${e.id} ${e.names[0]?.full}`),
    [
      'eu:5295 Abid Hammadou',
      'eu:5463 Yu-ro Han',
      'eu:5468 Sok-hwa Hwang',
      'eu:191 Fahd Bin Adballah BIN KHALID',
      'eu:5807 Leo Manzi',
      'eu:5468 TestOneWord',
      'eu:927 Mohamed Ben Belkacem Aouadi',
    ],
  );
  assert.ok(entities.every((e) => e.source === 'eu' && e.schema === 'Person'));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const zeid = byId.get('eu:5295');
  assert.deepEqual(zeid?.birthDates, [{ value: '1958', circa: true }, { value: '1965-12-12' }]);
  assert.equal(zeid?.listedOn, '2008-07-03', 'designationDate, not the later amending regulation');
  assert.deepEqual(zeid?.citizenships, ['DZ']);
  assert.equal(zeid?.names.length, 5);
  assert.match(zeid?.remarks ?? '', /Reportedly deceased/);
  const ksm = byId.get('eu:191');
  assert.equal(ksm?.gender, 'male');
  assert.equal(ksm?.listedOn, '2020-01-14', 'no designationDate: the regulation publication date');
  assert.deepEqual(ksm?.birthPlaces, ['PAKISTAN'], 'city "-" is no city');
  assert.deepEqual(ksm?.identifiers, [{ type: 'National passport', value: '488555' }], 'country 00 is unknown');
  assert.deepEqual(byId.get('eu:5463')?.titles, ['Director of Korea Ryongaksan General Trading Corporation']);
});

test('Mohamed Ben Belkacem Aouadi (927) in full', async () => {
  const { entities } = await parseFile(euFsfXmlParser, SAMPLE);
  assert.deepEqual(
    entities.find((e) => e.id === 'eu:927'),
    {
      id: 'eu:927',
      source: 'eu',
      schema: 'Person',
      names: [
        {
          full: 'Mohamed Ben Belkacem Aouadi',
          kind: 'primary',
          parts: { first: 'Mohamed', middle: 'Ben Belkacem', last: 'Aouadi' },
        },
      ],
      birthDates: [{ value: '1974-12-11' }],
      birthPlaces: ['Tunis, TUNISIA'],
      nationalities: [],
      citizenships: ['TN'],
      countries: ['TN'],
      identifiers: [
        { type: 'National identification card', value: '04643632', country: 'TN' },
        { type: 'National passport', value: 'L191609', country: 'TN' },
      ],
      addresses: [{ full: '23 50th Street, Zehrouni, Tunis, TUNISIA', city: 'Tunis', country: 'TN' }],
      programs: ['TAQA'],
      titles: [],
      linkedTo: [],
      listedOn: '2016-03-02',
      remarks: 'Italian Fiscal Code: DAOMMD74T11Z352Z',
    },
  );
});

test('enterprises, weak aliases, name languages, year ranges and document flags', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-06T10:00:00.000+02:00">
  <sanctionEntity designationDate="2022-02-28" logicalId="77">
    <remark>Linked to a listed bank.</remark>
    <regulation programme="RUS" publicationDate="2022-02-28"/>
    <regulation programme="UKR" publicationDate="2014-03-17"/>
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="Joint Stock Company Example" strong="true" nameLanguage=""/>
    <nameAlias wholeName="АО Пример" strong="true" nameLanguage="RU"/>
    <nameAlias wholeName="Example" strong="false"/>
    <birthdate yearRangeFrom="1990" yearRangeTo="1992" circa="false"/>
    <identification number="1027700000000" identificationTypeDescription="Registration Number" countryIso2Code="RU" knownFalse="true" issuedBy="FNS"/>
  </sanctionEntity>
</export>`;
  const path = join(tempDir, 'eu.xml');
  writeFileSync(path, xml);
  const { entities, ctx } = await parseFile(euFsfXmlParser, path);
  assert.equal(ctx.publishedAt, '2024-05-06');
  const [e] = entities;
  assert.equal(e?.schema, 'Organization');
  assert.deepEqual(e?.names, [
    { full: 'Joint Stock Company Example', kind: 'primary' },
    { full: 'АО Пример', kind: 'alias', lang: 'ru', script: 'Cyrl' },
    { full: 'Example', kind: 'weak' },
  ]);
  assert.deepEqual(e?.programs, ['RUS', 'UKR']);
  assert.equal(e?.listedOn, '2022-02-28');
  assert.deepEqual(e?.birthDates, [{ value: '1990', to: '1992' }]);
  assert.deepEqual(e?.identifiers, [
    { type: 'Registration Number', value: '1027700000000', country: 'RU', note: 'FNS, known false' },
  ]);
  assert.equal(e?.remarks, 'Linked to a listed bank.');
});
