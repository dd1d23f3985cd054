import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIdentifierFact } from './ofac-identifiers.js';
import { parseOfacRemarks, splitFacts } from './ofac-remarks.js';
import { dropClosingPeriod } from './ofac-text.js';

test('reads dates of birth: exact, year, month, circa, ranges, several', () => {
  const f = parseOfacRemarks('DOB 05 Oct 1976; alt. DOB 1977; DOB circa 1960; DOB 1968 to 1970; alt. DOB Oct 1976; DOB circa 1955-1958.');
  assert.deepEqual(f.birthDates, [
    { value: '1976-10-05' },
    { value: '1977' },
    { value: '1960', circa: true },
    { value: '1968', to: '1970' },
    { value: '1976-10' },
    { value: '1955', to: '1958', circa: true },
  ]);
});

test('a DOB that is not a date is left in the raw text, not read as something else', () => {
  const f = parseOfacRemarks('DOB unknown; POB Kabul');
  assert.deepEqual(f.birthDates, []);
  assert.deepEqual(f.identifiers, []);
  assert.deepEqual(f.birthPlaces, ['Kabul']);
});

test('reads places of birth with their commas and without the closing period', () => {
  const f = parseOfacRemarks('POB Tsenteroi, Republic of Chechnya, Russia; alt. POB Grozny, Russia.');
  assert.deepEqual(f.birthPlaces, ['Tsenteroi, Republic of Chechnya, Russia', 'Grozny, Russia']);
});

test('reads nationality and citizenship as ISO codes where it can, else as written', () => {
  const f = parseOfacRemarks('nationality Russia; alt. nationality Korea, North; citizen Iran; alt. citizen Atlantis.');
  assert.deepEqual(f.nationalities, ['RU', 'KP']);
  assert.deepEqual(f.citizenships, ['IR', 'Atlantis']);
  assert.deepEqual(parseOfacRemarks('Nationality of Registration Cayman Islands').countries, ['KY']);
  assert.deepEqual(parseOfacRemarks('nationality Russia').countries, []);
});

test('reads gender with or without the closing period', () => {
  assert.equal(parseOfacRemarks('Gender Male').gender, 'male');
  assert.equal(parseOfacRemarks('DOB 1970; Gender Female.').gender, 'female');
  assert.equal(parseOfacRemarks('DOB 1970').gender, undefined);
});

test("reads a.k.a. as weak aliases, several per fact, keeping apostrophes inside names", () => {
  const f = parseOfacRemarks(
    "a.k.a. 'ABU AHMAD'; a.k.a. 'ABU-AL-KARKH', 'Yusuf'; a.k.a. \"AL-HAJJ\"; a.k.a. 'ABU 'ABD AL-'AZIZ'; a.k.a. 'SUPPORTERS OF ISLAMIC LAW'.",
  );
  assert.deepEqual(
    f.names.map((n) => [n.full, n.kind]),
    [
      ['ABU AHMAD', 'weak'],
      ['ABU-AL-KARKH', 'weak'],
      ['Yusuf', 'weak'],
      ['AL-HAJJ', 'weak'],
      ["ABU 'ABD AL-'AZIZ", 'weak'],
      ['SUPPORTERS OF ISLAMIC LAW', 'weak'],
    ],
  );
});

test('reads f.k.a. as former names and n.k.a. as aliases', () => {
  const f = parseOfacRemarks("f.k.a. 'GUADALAJARA CARTEL'; n.k.a. 'NEW NAME LLC'.");
  assert.deepEqual(f.names, [
    { full: 'GUADALAJARA CARTEL', kind: 'former' },
    { full: 'NEW NAME LLC', kind: 'alias' },
  ]);
});

test('reads Linked To, keeping the period of a trailing abbreviation', () => {
  const f = parseOfacRemarks('Linked To: MAHAN AIR; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.; Linked To: GHADIR INVESTMENT COMPANY.');
  assert.deepEqual(f.linkedTo, ['MAHAN AIR', 'RED MUNDIAL INMOBILIARIA, S.A. DE C.V.', 'GHADIR INVESTMENT COMPANY']);
  assert.equal(dropClosingPeriod('T-RUBBER CO., LTD.'), 'T-RUBBER CO., LTD.');
  assert.equal(dropClosingPeriod('NATIONAL IRANIAN TANKER COMPANY.'), 'NATIONAL IRANIAN TANKER COMPANY');
});

test('reads Title and Alternate Title facts', () => {
  const f = parseOfacRemarks('Title Basij Deputy Commander; Alternate Title, Police Chief, Alternate Title, Commander of the Force.');
  assert.deepEqual(f.titles, ['Basij Deputy Commander', 'Police Chief', 'Commander of the Force']);
});

test('reads passports with country and issue note', () => {
  assert.deepEqual(parseIdentifierFact('Passport 008827 (Iran) issued 1999'), { type: 'Passport', value: '008827', country: 'IR', note: 'issued 1999' });
  assert.deepEqual(parseIdentifierFact('Diplomatic Passport 008827 (Iran) issued 1999.'), {
    type: 'Diplomatic Passport',
    value: '008827',
    country: 'IR',
    note: 'issued 1999',
  });
  assert.deepEqual(parseIdentifierFact('Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001'), {
    type: 'Passport',
    value: 'L 191609',
    note: 'issued 28 Feb 1996 expires 27 Feb 2001',
  });
  const f = parseOfacRemarks('Passport A1234567 (Pakistan); alt. Passport RL 1794375 (Lebanon).');
  assert.deepEqual(f.identifiers, [
    { type: 'Passport', value: 'A1234567', country: 'PK' },
    { type: 'Passport', value: 'RL 1794375', country: 'LB' },
  ]);
});

test('reads numbered documents of the "<Type> No. <value> (<country>)" kind', () => {
  const cases: [string, { type: string; value: string; country?: string; note?: string }][] = [
    ['National ID No. 216040 (Yemen)', { type: 'National ID', value: '216040', country: 'YE' }],
    ['Tax ID No. 7707083893 (Russia)', { type: 'Tax ID', value: '7707083893', country: 'RU' }],
    ['Cedula No. 6068015 (Colombia)', { type: 'Cedula', value: '6068015', country: 'CO' }],
    ['NIT # 800018928-0 (Colombia).', { type: 'NIT', value: '800018928-0', country: 'CO' }],
    ['Registration Number 9855920 (Turkey)', { type: 'Registration Number', value: '9855920', country: 'TR' }],
    ['Registration Number HRA 738077 (Stuttgart) (Germany)', { type: 'Registration Number', value: 'HRA 738077 (Stuttgart)', country: 'DE' }],
    ['C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968.', { type: 'C.U.R.P.', value: 'AIMM67125HCHRRG06', country: 'MX', note: 'issued 1968' }],
    ['Folio Mercantil No. 343997 (Mexico) issued 14 Dec 2005.', { type: 'Folio Mercantil', value: '343997', country: 'MX', note: 'issued 14 Dec 2005' }],
    ['Unified Social Credit Code (USCC) 9113100033607322XK (China)', { type: 'Unified Social Credit Code (USCC)', value: '9113100033607322XK', country: 'CN' }],
    ['V.A.T. Number BG 121024920 (Bulgaria)', { type: 'V.A.T. Number', value: 'BG 121024920', country: 'BG' }],
    ['Registration ID 14063277.', { type: 'Registration ID', value: '14063277' }],
    ['Aircraft Construction Number (also called L/N or S/N or F/N) 8401', { type: 'Aircraft Construction Number', value: '8401' }],
    ['Aircraft Tail Number YI-NAE', { type: 'Aircraft Tail Number', value: 'YI-NAE' }],
    ['BIK (RU) 044030707', { type: 'BIK (RU)', value: '044030707' }],
    ['SSN 523-33-8386 (United States)', { type: 'SSN', value: '523-33-8386', country: 'US' }],
  ];
  for (const [fact, expected] of cases) assert.deepEqual(parseIdentifierFact(fact), expected, fact);
});

test('reads vessel, contact, bank and crypto identifiers', () => {
  const f = parseOfacRemarks(
    'Vessel Registration Identification IMO 9187629; MMSI 572469210; Identification Number IMO 5342883.; SWIFT/BIC HAVIGB2L; Email Address info@example.ir; alt. Website www.example.ir.; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; Phone Number 982188526300',
  );
  assert.deepEqual(f.identifiers, [
    { type: 'IMO', value: '9187629' },
    { type: 'MMSI', value: '572469210' },
    { type: 'IMO', value: '5342883' },
    { type: 'SWIFT/BIC', value: 'HAVIGB2L' },
    { type: 'Email Address', value: 'info@example.ir' },
    { type: 'Website', value: 'www.example.ir' },
    { type: 'Digital Currency Address - XBT', value: '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h' },
    { type: 'Phone', value: '982188526300' },
  ]);
});

test('leaves sanctions notes and descriptions out of the structured facts', () => {
  const f = parseOfacRemarks(
    'Additional Sanctions Information - Subject to Secondary Sanctions; Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886; Organization Established Date 1969; Executive Order 13662 Directive Determination - Subject to Directive 1; Aircraft Manufacture Date 1992; Listing Date (EO 14024 Directive 2): 24 Feb 2022; Member of the State Duma.',
  );
  assert.deepEqual(f, {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    countries: [],
    identifiers: [],
    names: [],
    titles: [],
    linkedTo: [],
  });
});

test('splits facts on semicolons outside parentheses, tolerating odd spacing and stray parentheses', () => {
  assert.deepEqual(splitFacts('DOB 1970;  POB  Qom, Iran ; ;x (a; b) y;'), ['DOB 1970', 'POB Qom, Iran', 'x (a; b) y']);
  assert.deepEqual(splitFacts('a (b; c'), ['a (b', 'c']);
});

test('a truncated remarks field drops its last, possibly cut, fact', () => {
  const text = "a.k.a. 'HIDDEN COBRA'; a.k.a. 'WHOIS HACKIN";
  assert.deepEqual(
    parseOfacRemarks(text, { truncated: true }).names.map((n) => n.full),
    ['HIDDEN COBRA'],
  );
  assert.equal(parseOfacRemarks(text).names.length, 2);
});

test('reads a whole real remarks field', () => {
  const f = parseOfacRemarks(
    'DOB 11 Mar 1957; POB Qom, Iran; nationality Iran; citizen Iran; Additional Sanctions Information - Subject to Secondary Sanctions; Diplomatic Passport 008827 (Iran) issued 1999.',
  );
  assert.deepEqual(f.birthDates, [{ value: '1957-03-11' }]);
  assert.deepEqual(f.birthPlaces, ['Qom, Iran']);
  assert.deepEqual(f.nationalities, ['IR']);
  assert.deepEqual(f.citizenships, ['IR']);
  assert.deepEqual(f.identifiers, [{ type: 'Diplomatic Passport', value: '008827', country: 'IR', note: 'issued 1999' }]);
});
