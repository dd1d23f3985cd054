import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes an OFAC SDN.XML-format file of about `targetBytes`, made of distinct generated
 * entries (names, aliases, dates, ids, addresses), for measuring streaming imports.
 */
export async function generateSdnXml(path: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">\n' +
      '  <publshInformation>\n    <Publish_Date>05/03/2024</Publish_Date>\n    <Record_Count>0</Record_Count>\n  </publshInformation>\n',
  );
  let bytes = 0;
  let uid = 0;
  const syllables = ['ka', 'dy', 'rov', 'ram', 'zan', 'so', 'lei', 'ma', 'ni', 'do', 'dik', 'mi', 'lo', 'rad', 'qa', 'sem', 'ah', 'mad', 'ov', 'ich'];
  const word = (n: number, len: number): string => {
    let s = '';
    for (let i = 0; i < len; i++) s += syllables[(n >> (i * 3)) % syllables.length] ?? 'x';
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  while (bytes < targetBytes) {
    uid += 1;
    const last = word(uid * 7919, 3).toUpperCase();
    const first = word(uid * 104729, 2);
    const entry =
      `  <sdnEntry>\n    <uid>${uid}</uid>\n    <firstName>${first}</firstName>\n    <lastName>${last}</lastName>\n    <sdnType>Individual</sdnType>\n` +
      `    <programList>\n      <program>SDGT</program>\n      <program>GLOMAG</program>\n    </programList>\n` +
      `    <idList>\n      <id>\n        <uid>${uid * 10 + 1}</uid>\n        <idType>Passport</idType>\n        <idNumber>P${uid}</idNumber>\n        <idCountry>Iran</idCountry>\n      </id>\n    </idList>\n` +
      `    <akaList>\n      <aka>\n        <uid>${uid * 10 + 2}</uid>\n        <type>a.k.a.</type>\n        <category>strong</category>\n        <lastName>${last}A</lastName>\n        <firstName>${first}</firstName>\n      </aka>\n` +
      `      <aka>\n        <uid>${uid * 10 + 3}</uid>\n        <type>a.k.a.</type>\n        <category>weak</category>\n        <lastName>ABU ${last}</lastName>\n      </aka>\n    </akaList>\n` +
      `    <addressList>\n      <address>\n        <uid>${uid * 10 + 4}</uid>\n        <city>Tehran</city>\n        <country>Iran</country>\n      </address>\n    </addressList>\n` +
      `    <dateOfBirthList>\n      <dateOfBirthItem>\n        <uid>${uid * 10 + 5}</uid>\n        <dateOfBirth>${String((uid % 28) + 1).padStart(2, '0')} Oct ${1940 + (uid % 50)}</dateOfBirth>\n        <mainEntry>true</mainEntry>\n      </dateOfBirthItem>\n    </dateOfBirthList>\n` +
      `    <nationalityList>\n      <nationality>\n        <uid>${uid * 10 + 6}</uid>\n        <country>Iran</country>\n        <mainEntry>true</mainEntry>\n      </nationality>\n    </nationalityList>\n  </sdnEntry>\n`;
    bytes += entry.length;
    await write(entry);
  }
  await write('</sdnList>\n');
  out.end();
  await once(out, 'finish');
  return uid;
}
