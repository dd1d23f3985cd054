import countries from 'i18n-iso-countries';

/**
 * Names that official lists use for countries and that the ISO registry spells otherwise
 * (OFAC writes "Korea, North" and "Burma"; the UN "Iran (Islamic Republic of)").
 */
const LIST_SPELLINGS: Record<string, string> = {
  'syria': 'SY',
  'syrian arab republic': 'SY',
  'korea, north': 'KP',
  'north korea': 'KP',
  "democratic people's republic of korea": 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'burma': 'MM',
  'congo, democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'congo, republic of the': 'CG',
  'republic of the congo': 'CG',
  'palestinian': 'PS',
  'west bank': 'PS',
  'gaza': 'PS',
  'palestine': 'PS',
  'state of palestine': 'PS',
  'russian federation': 'RU',
  'ussr': 'SU',
  'soviet union': 'SU',
  'iran (islamic republic of)': 'IR',
  'islamic republic of iran': 'IR',
  'venezuela (bolivarian republic of)': 'VE',
  'bolivia (plurinational state of)': 'BO',
  'tanzania, united republic of': 'TZ',
  'united republic of tanzania': 'TZ',
  'lao': 'LA',
  'laos': 'LA',
  "lao people's democratic republic": 'LA',
  'viet nam': 'VN',
  'vietnam': 'VN',
  'the gambia': 'GM',
  'gambia, the': 'GM',
  'bahamas, the': 'BS',
  'macau': 'MO',
  'macao': 'MO',
  'hong kong': 'HK',
  'taiwan': 'TW',
  'kosovo': 'XK',
  'turkey': 'TR',
  'turkiye': 'TR',
  'türkiye': 'TR',
  'cote d ivoire': 'CI',
  "cote d'ivoire": 'CI',
  "côte d'ivoire": 'CI',
  'ivory coast': 'CI',
  'czech republic': 'CZ',
  'czechia': 'CZ',
  'moldova, republic of': 'MD',
  'republic of moldova': 'MD',
  'micronesia, federated states of': 'FM',
  'brunei': 'BN',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  'eswatini': 'SZ',
  'swaziland': 'SZ',
  'north macedonia': 'MK',
  'macedonia': 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  'yugoslavia': 'YU',
  'serbia and montenegro': 'CS',
  'united kingdom': 'GB',
  'uk': 'GB',
  'great britain': 'GB',
  'united states': 'US',
  'united states of america': 'US',
  'usa': 'US',
  'region: crimea': 'UA',
  'crimea': 'UA',
  'netherlands antilles': 'AN',
  'sint maarten': 'SX',
  'curacao': 'CW',
  'curaçao': 'CW',
  'st. kitts and nevis': 'KN',
  'saint kitts and nevis': 'KN',
  'st. lucia': 'LC',
  'st. vincent and the grenadines': 'VC',
  'holy see': 'VA',
  'vatican': 'VA',
  'united kingdom of great britain and northern ireland': 'GB',
  'china, hong kong special administrative region': 'HK',
  'hong kong special administrative region of china': 'HK',
  'china, macao special administrative region': 'MO',
  'british virgin islands': 'VG',
  'virgin islands, british': 'VG',
  'united states virgin islands': 'VI',
  'north macedonia, the republic of': 'MK',
  'moldova': 'MD',
  'region: gaza': 'PS',
  'region: west bank': 'PS',
  'man, isle of': 'IM',
  'isle of man': 'IM',
  'st. kitts & nevis': 'KN',
};

/** Nationality words as lists write them ("nationality Iranian") → the country. */
const DEMONYMS: Record<string, string> = {
  afghan: 'AF', albanian: 'AL', algerian: 'DZ', american: 'US', angolan: 'AO', argentine: 'AR', argentinian: 'AR',
  armenian: 'AM', australian: 'AU', austrian: 'AT', azerbaijani: 'AZ', bahraini: 'BH', bangladeshi: 'BD',
  belarusian: 'BY', belgian: 'BE', bosnian: 'BA', brazilian: 'BR', british: 'GB', bulgarian: 'BG', burmese: 'MM',
  burundian: 'BI', cambodian: 'KH', cameroonian: 'CM', canadian: 'CA', chadian: 'TD', chilean: 'CL',
  chinese: 'CN', colombian: 'CO', congolese: 'CD', croatian: 'HR', cuban: 'CU', cypriot: 'CY', czech: 'CZ',
  danish: 'DK', dutch: 'NL', ecuadorian: 'EC', egyptian: 'EG', emirati: 'AE', eritrean: 'ER', estonian: 'EE',
  ethiopian: 'ET', filipino: 'PH', finnish: 'FI', french: 'FR', georgian: 'GE', german: 'DE', ghanaian: 'GH',
  greek: 'GR', guinean: 'GN', haitian: 'HT', hungarian: 'HU', indian: 'IN', indonesian: 'ID', iranian: 'IR',
  iraqi: 'IQ', irish: 'IE', israeli: 'IL', italian: 'IT', ivorian: 'CI', japanese: 'JP', jordanian: 'JO',
  kazakh: 'KZ', kazakhstani: 'KZ', kenyan: 'KE', kosovar: 'XK', kuwaiti: 'KW', kyrgyz: 'KG', lao: 'LA', latvian: 'LV',
  lebanese: 'LB', liberian: 'LR', libyan: 'LY', lithuanian: 'LT', macedonian: 'MK', malaysian: 'MY', malian: 'ML',
  mauritanian: 'MR', mexican: 'MX', moldovan: 'MD', mongolian: 'MN', montenegrin: 'ME', moroccan: 'MA',
  nicaraguan: 'NI', nigerian: 'NG', nigerien: 'NE', 'north korean': 'KP', norwegian: 'NO', omani: 'OM',
  pakistani: 'PK', palestinian: 'PS', panamanian: 'PA', polish: 'PL', portuguese: 'PT', qatari: 'QA',
  romanian: 'RO', russian: 'RU', rwandan: 'RW', saudi: 'SA', 'saudi arabian': 'SA', senegalese: 'SN', serbian: 'RS',
  singaporean: 'SG', slovak: 'SK', slovenian: 'SI', somali: 'SO', 'south african': 'ZA', 'south korean': 'KR',
  'south sudanese': 'SS', spanish: 'ES', 'sri lankan': 'LK', sudanese: 'SD', swedish: 'SE', swiss: 'CH',
  syrian: 'SY', taiwanese: 'TW', tajik: 'TJ', tajikistani: 'TJ', tanzanian: 'TZ', thai: 'TH', tunisian: 'TN',
  turkish: 'TR', turkmen: 'TM', ugandan: 'UG', ukrainian: 'UA', uzbek: 'UZ', uzbekistani: 'UZ', venezuelan: 'VE',
  vietnamese: 'VN', yemeni: 'YE', zambian: 'ZM', zimbabwean: 'ZW',
};

const cache = new Map<string, string | undefined>();

/**
 * The ISO 3166-1 alpha-2 code for a country as a list writes it ("Russia", "Iran (Islamic
 * Republic of)", "RU", "rus"), or undefined when it is not recognisably a country.
 */
export function toCountryCode(name: string): string | undefined {
  if (cache.has(name)) return cache.get(name);
  const code = lookUp(name);
  if (cache.size < 10_000) cache.set(name, code);
  return code;
}

function lookUp(name: string): string | undefined {
  const s = name.trim().replace(/\.$/, '');
  if (s === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = s.toUpperCase();
    return countries.isValid(code) || code === 'XK' ? code : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(s) && countries.isValid(s.toUpperCase())) {
    return countries.alpha3ToAlpha2(s.toUpperCase());
  }
  const key = s.toLowerCase();
  return LIST_SPELLINGS[key] ?? DEMONYMS[key] ?? countries.getAlpha2Code(s, 'en') ?? undefined;
}

/** The ISO code where the name is recognised, else the name as written (never lost). */
export function countryValue(name: string): string {
  return toCountryCode(name) ?? name.trim();
}
