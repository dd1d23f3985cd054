/** Script names as OFAC's Enhanced XML writes them (its `SCRIPT` reference values). */
const SCRIPT_NAMES: Readonly<Record<string, string>> = {
  arabic: 'Arab',
  armenian: 'Armn',
  'chinese simplified': 'Hans',
  'chinese traditional': 'Hant',
  chinese: 'Hani',
  cyrillic: 'Cyrl',
  georgian: 'Geor',
  greek: 'Grek',
  hangul: 'Hang',
  korean: 'Kore',
  hebrew: 'Hebr',
  japanese: 'Jpan',
  latin: 'Latn',
};

/**
 * The ISO 15924 code for a script named in words (`Cyrillic`, `Chinese Simplified`), or a
 * four-letter code as given (`Cyrl`); undefined when the name is unknown. Latin gives `Latn`.
 */
export function scriptCodeOf(name: string): string | undefined {
  const s = name.trim();
  if (/^[A-Z][a-z]{3}$/.test(s) && !SCRIPT_NAMES[s.toLowerCase()]) return s;
  return SCRIPT_NAMES[s.toLowerCase()];
}
