import { ENTITY_FIELDS, type Entity, type EntityField } from '../entities/entity.js';

/**
 * The fields in which two versions of an entity differ, in ENTITY_FIELDS order. Entities
 * are canonical (see buildEntity), so comparing their JSON per field is exact.
 */
export function changedFields(before: Entity, after: Entity): EntityField[] {
  return ENTITY_FIELDS.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}
