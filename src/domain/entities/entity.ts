/**
 * The designated thing a list names: a person, organisation, vessel or aircraft.
 *
 * Shaped after FollowTheMoney (schema + multi-valued, typed properties), but with the
 * properties Warden compares given their own typed fields, so the matcher never has to
 * guess what a string means. Every value is kept in the script the list wrote it in.
 */
export type Schema = 'Person' | 'Organization' | 'Company' | 'LegalEntity' | 'Vessel' | 'Aircraft';

/** Every schema Warden screens, for validation and help texts. */
export const SCHEMAS: readonly Schema[] = Object.freeze([
  'Person',
  'Organization',
  'Company',
  'LegalEntity',
  'Vessel',
  'Aircraft',
]);

/**
 * How strongly a list stands behind a name. `weak` is OFAC's "weak a.k.a." and the UN's
 * "Low quality" alias: too broad to alert on alone. `former` is an f.k.a.
 */
export type NameKind = 'primary' | 'alias' | 'weak' | 'former';

/** Name parts, where the list gives them separately (OFAC XML, UN, UK, EU, Enhanced XML). */
export interface NameParts {
  readonly first?: string;
  readonly middle?: string;
  readonly last?: string;
  readonly patronymic?: string;
  readonly title?: string;
}

/** One name of an entity, as the list wrote it. */
export interface EntityName {
  /** The whole name as written (OFAC persons keep their "LAST, First Middle" order). */
  readonly full: string;
  readonly kind: NameKind;
  readonly parts?: NameParts;
  /** ISO 15924 script code where the list states it or it is not Latin (`Cyrl`, `Arab`). */
  readonly script?: string;
  /** ISO 639 language where the list states it. */
  readonly lang?: string;
}

/**
 * A date as precise as the list is: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. `to` closes a range
 * ("DOB 1968 to 1970"); `circa` marks an approximate date ("DOB circa 1960").
 */
export interface PartialDate {
  readonly value: string;
  readonly to?: string;
  readonly circa?: boolean;
}

/** A document or registration number (passport, national id, IMO, email, website...). */
export interface Identifier {
  readonly type: string;
  readonly value: string;
  /** ISO 3166-1 alpha-2 where resolvable, else the country as written. */
  readonly country?: string;
  readonly note?: string;
}

/** A postal address as the list gives it. */
export interface Address {
  readonly full: string;
  readonly city?: string;
  /** ISO 3166-1 alpha-2 where resolvable, else the country as written. */
  readonly country?: string;
}

/** A designated entity, as one list version holds it. */
export interface Entity {
  /** `<source>:<native id>` (`ofac-sdn:23343`, `un:IRi.039`); FollowTheMoney ids as they are. */
  readonly id: string;
  readonly source: string;
  readonly schema: Schema;
  /** Primary name first. */
  readonly names: readonly EntityName[];
  readonly birthDates: readonly PartialDate[];
  readonly birthPlaces: readonly string[];
  /** Country fields hold ISO 3166-1 alpha-2 codes where resolvable, else the name as written. */
  readonly nationalities: readonly string[];
  readonly citizenships: readonly string[];
  /** Other countries tied to the entity: addresses, jurisdiction, flag. */
  readonly countries: readonly string[];
  readonly identifiers: readonly Identifier[];
  readonly addresses: readonly Address[];
  /** Sanctions programs as the list names them (`GLOMAG`, `SDGT`, `RUS`). */
  readonly programs: readonly string[];
  readonly gender?: 'male' | 'female' | 'other';
  /** When the list first designated it, `YYYY[-MM[-DD]]`. */
  readonly listedOn?: string;
  /** Titles and positions ("Head of the Chechen Republic"). */
  readonly titles: readonly string[];
  /** Names of entities it is linked to ("Linked To:" in OFAC remarks). */
  readonly linkedTo: readonly string[];
  /** The list's own free-text remarks, kept as evidence. */
  readonly remarks?: string;
}

/** The multi-valued fields of an Entity, in the order a diff reports them. */
export const ENTITY_FIELDS = Object.freeze([
  'schema',
  'names',
  'birthDates',
  'birthPlaces',
  'nationalities',
  'citizenships',
  'countries',
  'identifiers',
  'addresses',
  'programs',
  'gender',
  'listedOn',
  'titles',
  'linkedTo',
  'remarks',
] as const satisfies readonly (keyof Entity)[]);

/** A field an entity diff can name. */
export type EntityField = (typeof ENTITY_FIELDS)[number];

/** What a parser knows about one entity; `buildEntity` fills in the empty lists. */
export type EntityDraft = Pick<Entity, 'id' | 'source' | 'schema' | 'names'> &
  Partial<Omit<Entity, 'id' | 'source' | 'schema' | 'names'>>;
