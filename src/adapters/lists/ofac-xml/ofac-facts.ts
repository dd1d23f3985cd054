import type { Schema } from '../../../domain/entities/entity.js';
import { parseListDate } from '../../../domain/entities/partial-date.js';
import { type DraftBag, addCountry, countryOf, genderOf } from '../xml/entity-draft.js';

/**
 * Fact types OFAC states about a designation rather than about the designated thing
 * (secondary sanctions, directives, CMIC dates, securities issuer): kept in the remarks.
 */
const SANCTION_INFO =
  /sanction|directive|information|caatsa|executive order|listing date|effective date|purchase\/sales|target type|organization type|established date|issuer name|ifca|transactions prohibited/i;

/** The schema for OFAC's `sdnType` / Enhanced `entityType` (anything unknown is an organisation). */
export function ofacSchema(type: string | undefined): Schema {
  switch ((type ?? '').trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Aircraft';
    default:
      return 'Organization';
  }
}

/** A name as OFAC's CSV writes it: `LAST, First Middle` when there is a first name, else the last name. */
export function ofacFullName(last: string | undefined, first: string | undefined): string {
  const l = (last ?? '').trim();
  const f = (first ?? '').trim();
  if (l === '') return f;
  return f === '' ? l : `${l}, ${f}`;
}

/** The entity names in OFAC's `(Linked To: NAME)` remarks. */
export function linkedToIn(remarks: string | undefined): string[] {
  const out: string[] = [];
  for (const m of (remarks ?? '').matchAll(/Linked To:\s*([^;)]+)/gi)) {
    const name = m[1]?.trim().replace(/\.$/, '');
    if (name) out.push(name);
  }
  return out;
}

/** An OFAC date of birth (`05 Oct 1976`, `1977`, `circa 1960`, `circa-1951`, `1968 to 1970`), or undefined. */
export function ofacBirthDate(text: string): ReturnType<typeof parseListDate> {
  return parseListDate(text.replace(/^(circa|approximately)\s*-\s*/i, '$1 '));
}

/**
 * Files one typed OFAC fact (an SDN.XML `id`, an Enhanced XML `feature`) where it belongs:
 * gender, place of birth, nationality, citizenship, flag / registration country, title,
 * `Linked To`; designation facts (secondary sanctions, directives...) become remark lines
 * `type value`; every other type (passport, tax id, email, website, IMO, SWIFT/BIC, ISIN...)
 * is an identifier with the country and note given.
 */
export function applyOfacFact(
  bag: DraftBag,
  type: string,
  value: string,
  country?: string,
  note?: string,
): void {
  const key = type.trim().replace(/[\s:-]+$/, '').toLowerCase();
  switch (key) {
    case 'gender':
      bag.gender = genderOf(value) ?? bag.gender;
      return;
    case 'place of birth':
      bag.birthPlaces.push(value);
      return;
    case 'nationality':
    case 'nationality country':
      addCountry(bag.nationalities, value);
      return;
    case 'citizen':
    case 'citizenship':
    case 'citizenship country':
      addCountry(bag.citizenships, value);
      return;
    case 'nationality of registration':
    case 'vessel flag':
    case 'flag':
      addCountry(bag.countries, value);
      return;
    case 'title':
      bag.titles.push(value);
      return;
    case 'linked to':
      bag.linkedTo.push(value);
      return;
  }
  if (SANCTION_INFO.test(key)) {
    bag.remarks.push(`${type.trim()} ${value}`);
    return;
  }
  bag.identifiers.push({
    type: type.trim(),
    value,
    ...(country && country.trim() !== '' ? { country: countryOf(country) } : {}),
    ...(note ? { note } : {}),
  });
}
