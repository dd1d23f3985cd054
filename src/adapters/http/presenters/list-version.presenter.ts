import type { ListVersion } from '../../../app/ports.js';

/** A list version as the API shows it (the one presenter for this resource). */
export function presentListVersion(v: ListVersion) {
  return { ...v, files: v.files.map((f) => ({ ...f })), warnings: [...v.warnings] };
}
