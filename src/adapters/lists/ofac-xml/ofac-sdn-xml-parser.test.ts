import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../../../../test/paths.js';
import { parseFile } from '../xml/parse-harness.js';
import { ofacSdnXmlParser } from './ofac-sdn-xml-parser.js';

const SAMPLE = sharedData('ofac', 'samples', 'SDN_sample_2020-04-22.xml');
const tempDir = mkdtempSync(join(tmpdir(), 'warden-sdnxml-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

test('sniffs SDN.XML by its sdnList root; the source follows the file name', () => {
  assert.equal(ofacSdnXmlParser.sniff(readFileSync(SAMPLE, 'utf8'), 'SDN.XML'), true);
  assert.equal(ofacSdnXmlParser.sniff('<?xml version="1.0"?>\n<CONSOLIDATED_LIST>', 'SDN.XML'), false);
  assert.equal(ofacSdnXmlParser.sourceOf('', 'SDN.XML'), 'ofac-sdn');
  assert.equal(ofacSdnXmlParser.sourceOf('', 'CONSOLIDATED.XML'), 'ofac-cons');
  assert.equal(ofacSdnXmlParser.sourceOf('', '/data/consolidated/SDN.XML'), 'ofac-sdn');
});

test('reads the 8 entries of the 2020-04-22 sample, dated by Publish_Date', async () => {
  const { entities, ctx } = await parseFile(ofacSdnXmlParser, SAMPLE);
  assert.equal(entities.length, 8);
  assert.equal(ctx.publishedAt, '2020-04-22');
  assert.deepEqual(ctx.warnings, []);
  assert.deepEqual(
    entities.map((e) => `${e.id} ${e.schema} ${e.names[0]?.full}`),
    [
      'ofac-sdn:10689 Person SAEED, Muhammad',
      'ofac-sdn:18619 Person KHAN, Hafiz Saeed',
      'ofac-sdn:19187 Organization TROLL PROPERTIES, INC.',
      'ofac-sdn:19188 Organization INMOBILIARIA MULTI-TIENDAS, S.A.',
      'ofac-sdn:12057 Person NAQDI, Mohammad Reza',
      'ofac-sdn:15496 Person NISHIGUCHI, Shigeo',
      'ofac-sdn:15497 Person FUKUDA, Hareaki',
      'ofac-sdn:12345 Person Trump, Donald',
    ],
  );
  const byId = new Map(entities.map((e) => [e.id, e]));
  const naqdi = byId.get('ofac-sdn:12057');
  assert.equal(naqdi?.gender, 'male');
  assert.deepEqual(naqdi?.identifiers, []);
  assert.equal(naqdi?.remarks, 'Head of the Basij; Additional Sanctions Information - Subject to Secondary Sanctions');
  assert.deepEqual(naqdi?.birthDates, [{ value: '1951', to: '1953' }, { value: '1953' }, { value: '1960', to: '1962' }, { value: '1961-04' }]);
  assert.deepEqual(naqdi?.programs, ['IFSR', 'IRAN-EO13876', 'IRAN-HR', 'IRGC', 'NPWMD', 'SDGT']);
  assert.deepEqual(byId.get('ofac-sdn:15496')?.linkedTo, ['SUMIYOSHI-KAI']);
  assert.deepEqual(byId.get('ofac-sdn:18619')?.birthDates, [
    { value: '1976-01-01', to: '1978-12-31' },
    { value: '1977-01-01', to: '1979-12-31' },
  ]);
  assert.deepEqual(byId.get('ofac-sdn:12345')?.birthDates, [{ value: '1951', circa: true }]);
  assert.deepEqual(byId.get('ofac-sdn:19187')?.identifiers, [{ type: 'RUC #', value: '991715-1-534344', country: 'PA' }]);
});

test('SAEED, Muhammad (10689) in full', async () => {
  const { entities } = await parseFile(ofacSdnXmlParser, SAMPLE);
  const aka = (last: string, first: string) => ({ full: `${last}, ${first}`, kind: 'alias', parts: { first, last } });
  assert.deepEqual(entities[0], {
    id: 'ofac-sdn:10689',
    source: 'ofac-sdn',
    schema: 'Person',
    names: [
      { full: 'SAEED, Muhammad', kind: 'primary', parts: { first: 'Muhammad', last: 'SAEED' } },
      aka('SAEED HAFIZ', 'Muhammad'),
      aka('SAEED', 'Hafiz'),
      aka('SAEED', 'Hafiz Mohammad'),
      aka('SAEED', 'Hafiz Muhammad'),
      aka('SAYED', 'Hafiz Mohammad'),
      aka('SAYEED', 'Hafez Mohammad'),
      aka('SAYID', 'Hafiz Mohammad'),
      aka('SYEED', 'Hafiz Mohammad'),
      { full: 'HAFIZ SAHIB', kind: 'weak' },
      { full: 'TATA JI', kind: 'weak' },
    ],
    birthDates: [{ value: '1950-06-05' }],
    birthPlaces: ['Sargodha, Punjab, Pakistan'],
    nationalities: ['PK'],
    citizenships: [],
    countries: ['PK'],
    identifiers: [
      { type: 'National ID No.', value: '23250460642', country: 'PK' },
      { type: 'National ID No.', value: '3520025509842-7', country: 'PK' },
      { type: 'Passport', value: 'BE5978421', country: 'PK', note: 'issued 14 Nov 2007, expires 12 Nov 2012' },
      { type: 'Passport', value: 'Booklet A5250088', country: 'PK' },
    ],
    addresses: [
      {
        full: 'House No. 116 E, Mohalla Johar, Town: Lahore, Tehsil:, Lahore City, Lahore District, Pakistan',
        city: 'Lahore City, Lahore District',
        country: 'PK',
      },
    ],
    programs: ['SDGT'],
    titles: [],
    linkedTo: [],
  });
});

const VESSEL_FILE = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>12/31/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry>
    <uid>9001</uid>
    <lastName>OCEAN STAR</lastName>
    <sdnType>Vessel</sdnType>
    <programList><program>IRAN</program></programList>
    <idList>
      <id><uid>1</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 9187629</idNumber></id>
      <id><uid>2</uid><idType>Email Address</idType><idNumber>ops@example.org</idNumber></id>
      <id><uid>3</uid><idType>Website</idType><idNumber>www.example.org</idNumber></id>
      <id><uid>4</uid><idType>Secondary sanctions risk:</idType><idNumber>Section 1(b) of Executive Order 13224</idNumber></id>
    </idList>
    <akaList>
      <aka><uid>5</uid><type>f.k.a.</type><category>strong</category><lastName>SEA PEARL</lastName></aka>
    </akaList>
    <vesselInfo>
      <callSign>9HA1234</callSign>
      <vesselType>Crude Oil Tanker</vesselType>
      <vesselFlag>Panama</vesselFlag>
      <vesselOwner>NATIONAL IRANIAN TANKER COMPANY</vesselOwner>
    </vesselInfo>
  </sdnEntry>
  <sdnEntry>
    <lastName>NO UID</lastName>
    <sdnType>Entity</sdnType>
  </sdnEntry>
</sdnList>
`;

test('vessels, typed ids, f.k.a. names and consolidated-list file names', async () => {
  const path = join(tempDir, 'CONSOLIDATED.XML');
  writeFileSync(path, VESSEL_FILE);
  const { entities, ctx } = await parseFile(ofacSdnXmlParser, path);
  assert.equal(ctx.publishedAt, '2024-12-31');
  assert.deepEqual(ctx.warnings, [{ file: 'CONSOLIDATED.XML', line: 25, message: 'sdnEntry without a uid: skipped' }]);
  assert.equal(entities.length, 1);
  const [vessel] = entities;
  assert.equal(vessel?.id, 'ofac-cons:9001');
  assert.equal(vessel?.source, 'ofac-cons');
  assert.equal(vessel?.schema, 'Vessel');
  assert.deepEqual(vessel?.names, [
    { full: 'OCEAN STAR', kind: 'primary' },
    { full: 'SEA PEARL', kind: 'former' },
  ]);
  assert.deepEqual(vessel?.identifiers, [
    { type: 'Call Sign', value: '9HA1234' },
    { type: 'Email Address', value: 'ops@example.org' },
    { type: 'Vessel Registration Identification', value: 'IMO 9187629' },
    { type: 'Website', value: 'www.example.org' },
  ]);
  assert.deepEqual(vessel?.countries, ['PA']);
  assert.deepEqual(vessel?.linkedTo, ['NATIONAL IRANIAN TANKER COMPANY']);
  assert.equal(vessel?.remarks, 'Secondary sanctions risk: Section 1(b) of Executive Order 13224');
});
