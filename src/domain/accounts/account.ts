/**
 * A platform account as the platform sends it for screening. Only `id` and one of
 * `displayName` / `handle` are required; everything else is evidence when present.
 */
export interface AccountRecord {
  readonly id: string;
  readonly displayName?: string;
  readonly handle?: string;
  readonly bio?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly birthDate?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country?: string;
  /** ISO 639-1 language of the profile, a hint for transliteration. */
  readonly language?: string;
}
