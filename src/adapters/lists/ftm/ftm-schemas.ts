import type { Schema } from '../../../domain/entities/entity.js';
import { lookup } from '../uk/list-values.js';

/**
 * The FollowTheMoney "thing" schemas Warden screens, and the schema each becomes. Other
 * schemas (Sanction, Address, Ownership, Payment...) are not screened.
 */
export const FTM_THING_SCHEMAS: Readonly<Record<string, Schema>> = Object.freeze({
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  PublicBody: 'Organization',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
});

/** The Warden schema of a FollowTheMoney schema name, or undefined when it is not screened. */
export function thingSchema(ftmSchema: string): Schema | undefined {
  return lookup(FTM_THING_SCHEMAS, ftmSchema);
}
