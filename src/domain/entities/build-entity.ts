import type { Entity, EntityDraft, EntityName, NameKind } from './entity.js';

const KIND_ORDER: Record<NameKind, number> = { primary: 0, alias: 1, former: 2, weak: 3 };

/**
 * Turns what a parser collected into a canonical Entity: empty lists filled in, blank and
 * repeated values dropped, multi-valued fields in a stable order (names: primary first).
 * The same list content therefore always gives the same entity, whatever order the file
 * used, and a version's content hash and diffs only see real changes.
 */
export function buildEntity(draft: EntityDraft): Entity {
  const remarks = draft.remarks ? collapse(draft.remarks) : '';
  const names = uniqueBy(
    draft.names
      .map((n) => ({ ...n, full: collapse(n.full) }))
      .filter((n) => n.full !== ''),
    (n) => `${n.kind}\u0000${n.full}\u0000${n.script ?? ''}\u0000${n.lang ?? ''}`,
  ).sort(compareNames);
  const entity: Entity = {
    id: draft.id,
    source: draft.source,
    schema: draft.schema,
    names: dropRepeatedAliases(names),
    birthDates: sortedUnique(draft.birthDates ?? [], (d) => `${d.value}|${d.to ?? ''}|${d.circa ? 1 : 0}`),
    birthPlaces: sortedStrings(draft.birthPlaces),
    nationalities: sortedStrings(draft.nationalities),
    citizenships: sortedStrings(draft.citizenships),
    countries: sortedStrings(draft.countries),
    identifiers: sortedUnique(draft.identifiers ?? [], (i) => `${i.type}|${i.value}|${i.country ?? ''}|${i.note ?? ''}`),
    addresses: sortedUnique(draft.addresses ?? [], (a) => `${a.full}|${a.city ?? ''}|${a.country ?? ''}`),
    programs: sortedStrings(draft.programs),
    titles: sortedStrings(draft.titles),
    linkedTo: sortedStrings(draft.linkedTo),
    ...(draft.gender ? { gender: draft.gender } : {}),
    ...(draft.listedOn ? { listedOn: draft.listedOn } : {}),
    ...(remarks !== '' ? { remarks } : {}),
  };
  return entity;
}

/** The entity's primary name (the first name, which `buildEntity` puts first). */
export function primaryName(entity: Entity): string {
  return entity.names[0]?.full ?? entity.id;
}

function compareNames(a: EntityName, b: EntityName): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    Number(isNonLatin(a)) - Number(isNonLatin(b)) ||
    (a.full < b.full ? -1 : a.full > b.full ? 1 : 0) ||
    JSON.stringify(a).localeCompare(JSON.stringify(b))
  );
}

function isNonLatin(n: EntityName): boolean {
  return n.script !== undefined && n.script !== 'Latn';
}

/** An alias that repeats a stronger name of the same text adds nothing. */
function dropRepeatedAliases(names: EntityName[]): EntityName[] {
  const seen = new Set<string>();
  const out: EntityName[] = [];
  for (const n of names) {
    const key = `${n.full.toLowerCase()}\u0000${n.script ?? ''}`;
    if (n.kind !== 'primary' && seen.has(key) && !n.parts) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/** Whitespace other than single spaces between words: what `collapse` changes. */
const UNCOLLAPSED = /\s\s|[^\S ]|^ | $/;

function collapse(s: string): string {
  return UNCOLLAPSED.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

function sortedStrings(values: readonly string[] | undefined): string[] {
  if (values === undefined || values.length === 0) return [];
  if (values.length === 1) {
    const only = collapse(values[0] ?? '');
    return only === '' ? [] : [only];
  }
  return [...new Set((values ?? []).map(collapse).filter((v) => v !== ''))].sort();
}

function sortedUnique<T>(values: readonly T[], key: (v: T) => string): T[] {
  if (values.length <= 1) return [...values];
  const byKey = new Map<string, T>();
  for (const v of values) {
    const k = key(v);
    if (!byKey.has(k)) byKey.set(k, v);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

function uniqueBy<T>(values: readonly T[], key: (v: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const v of values) {
    const k = key(v);
    if (!byKey.has(k)) byKey.set(k, v);
  }
  return [...byKey.values()];
}
