import { buildEntity } from '../../../domain/entities/build-entity.js';
import type {
  Address,
  Entity,
  EntityName,
  Identifier,
  NameKind,
  NameParts,
  PartialDate,
  Schema,
} from '../../../domain/entities/entity.js';
import { scriptOf } from '../../../domain/entities/name-script.js';

const STRENGTH: Record<NameKind, number> = { primary: 0, alias: 1, former: 2, weak: 3 };

/** What a name may carry besides its text and kind. */
export interface NameExtras {
  readonly parts?: NameParts;
  readonly script?: string;
  readonly lang?: string;
}

/**
 * Collects what a parser reads about one entity, possibly over several rows or records, and
 * turns it into a canonical Entity. Names are kept once per text and script with the
 * strongest kind seen; there is at most one primary name (a later, different primary becomes
 * an alias), and when none was given the first name added is promoted. Addresses with the
 * same text are kept once, the most detailed.
 */
export class EntityDraftBuilder {
  readonly names: EntityName[] = [];
  readonly birthDates: PartialDate[] = [];
  readonly birthPlaces: string[] = [];
  readonly nationalities: string[] = [];
  readonly citizenships: string[] = [];
  readonly countries: string[] = [];
  readonly identifiers: Identifier[] = [];
  readonly addresses: Address[] = [];
  readonly programs: string[] = [];
  readonly titles: string[] = [];
  readonly linkedTo: string[] = [];
  readonly remarks: string[] = [];
  gender: Entity['gender'];
  private listedOn: string | undefined;
  private readonly nameIndex = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly source: string,
    public schema: Schema,
  ) {}

  /**
   * Adds a name (blank ones are ignored). The script is detected from the text when not
   * given; a repeated name keeps the stronger kind and gains parts it lacked.
   */
  addName(full: string, kind: NameKind, extras: NameExtras = {}): void {
    const text = full.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const script = extras.script ?? scriptOf(text);
    const key = `${text.toLowerCase()}\u0000${script ?? ''}`;
    const at = this.nameIndex.get(key);
    const old = at === undefined ? undefined : this.names[at];
    const wanted: NameKind = kind === 'primary' && old?.kind !== 'primary' && this.hasPrimary() ? 'alias' : kind;
    if (at === undefined || old === undefined) {
      this.nameIndex.set(key, this.names.length);
      this.names.push(withExtras({ full: text, kind: wanted }, { ...extras, script }));
      return;
    }
    const stronger = STRENGTH[wanted] < STRENGTH[old.kind] ? wanted : old.kind;
    this.names[at] = withExtras({ full: old.full, kind: stronger }, {
      parts: old.parts ?? extras.parts,
      script: old.script,
      lang: old.lang ?? extras.lang,
    });
  }

  /** Whether a primary name has been added. */
  hasPrimary(): boolean {
    return this.names.some((n) => n.kind === 'primary');
  }

  /** Keeps the earliest listing date given (`YYYY[-MM[-DD]]`). */
  setListedOn(date: string | undefined): void {
    if (date && (this.listedOn === undefined || date < this.listedOn)) this.listedOn = date;
  }

  /** Adds a remark (blank and repeated ones are ignored). */
  remark(text: string): void {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t !== '' && !this.remarks.includes(t)) this.remarks.push(t);
  }

  /** The canonical entity; the first name becomes primary when none was marked so. */
  build(): Entity {
    const names = this.hasPrimary() ? this.names : promoteFirst(this.names);
    return buildEntity({
      id: this.id,
      source: this.source,
      schema: this.schema,
      names,
      birthDates: this.birthDates,
      birthPlaces: this.birthPlaces,
      nationalities: this.nationalities,
      citizenships: this.citizenships,
      countries: this.countries,
      identifiers: this.identifiers,
      addresses: richestAddresses(this.addresses),
      programs: this.programs,
      titles: this.titles,
      linkedTo: this.linkedTo,
      ...(this.gender ? { gender: this.gender } : {}),
      ...(this.listedOn ? { listedOn: this.listedOn } : {}),
      ...(this.remarks.length > 0 ? { remarks: this.remarks.join('; ') } : {}),
    });
  }
}

/** One address per text (case and spacing ignored): the one that also states the most of city and country. */
function richestAddresses(addresses: readonly Address[]): Address[] {
  const byText = new Map<string, Address>();
  const detail = (a: Address): number => Number(a.city !== undefined) + Number(a.country !== undefined);
  for (const a of addresses) {
    const key = a.full.replace(/\s+/g, ' ').trim().toLowerCase();
    const known = byText.get(key);
    if (!known || detail(a) > detail(known)) byText.set(key, a);
  }
  return [...byText.values()];
}

function promoteFirst(names: readonly EntityName[]): EntityName[] {
  const pick = Math.max(0, names.findIndex((n) => n.kind === 'alias' && !isNonLatin(n)));
  return names.map((n, i) => (i === pick ? { ...n, kind: 'primary' } : n));
}

function isNonLatin(n: EntityName): boolean {
  return n.script !== undefined && n.script !== 'Latn';
}

function withExtras(name: { full: string; kind: NameKind }, extras: NameExtras): EntityName {
  const parts = extras.parts && cleanParts(extras.parts);
  return {
    ...name,
    ...(parts ? { parts } : {}),
    ...(extras.script ? { script: extras.script } : {}),
    ...(extras.lang ? { lang: extras.lang } : {}),
  };
}

/** Name parts without blank members, or undefined when none is left. */
function cleanParts(parts: NameParts): NameParts | undefined {
  const out = Object.fromEntries(
    Object.entries(parts)
      .map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : ''])
      .filter(([, v]) => v !== ''),
  ) as NameParts;
  return Object.keys(out).length > 0 ? out : undefined;
}
