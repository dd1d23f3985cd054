/** The sources Warden knows by name (DESIGN §3). Other well-formed ids are accepted too. */
export const KNOWN_SOURCES = Object.freeze(['ofac-sdn', 'ofac-cons', 'un', 'uk', 'eu', 'us-csl', 'opensanctions'] as const);

const SOURCE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Whether a string can be a source id: lower-case letters, digits and dashes. */
export function isSourceId(value: string): boolean {
  return SOURCE_ID.test(value);
}
