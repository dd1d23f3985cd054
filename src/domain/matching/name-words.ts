/**
 * Words that are part of how a name is written but not of who it names: legal forms,
 * honorifics and ranks, connectives. Matching removes them so "Gazprom JSC" meets
 * "OAO Gazprom" and "Sheikh Ahmad" meets "Ahmad". Every entry is romanised (a–z), because
 * the lists are applied after `romanizations`: Cyrillic ООО arrives as "ooo".
 */

/** Legal forms no person's name contains: removed from every name. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'llc', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'plc', 'gmbh', 'mbh', 'jsc', 'ojsc', 'cjsc',
  'pjsc', 'ooo', 'oao', 'zao', 'pao', 'tov', 'fze', 'fzco', 'fzc', 'fzllc', 'llp', 'pte', 'pty', 'pvt', 'sdn', 'bhd',
  'sarl', 'srl', 'spa', 'sas', 'oyj', 'kft', 'zrt', 'sro', 'eood', 'ood', 'doo', 'company', 'companies', 'joint', 'stock',
  'obshchestvo', 'obschestvo', 'ogranichennoi', 'ogranichennoy', 'ogranichennoj', 'otvetstvennostyu', 'otvetstvennostiu',
  'otvetstvennostju', 'aktsionernoe', 'aktsionernoye', 'aktsionernoie', 'aktionernoe', 'zakrytoe', 'otkrytoe',
  'publichnoe', 'aktiengesellschaft', 'gesellschaft', 'haftung', 'beschrankter', 'sociedad', 'anonima', 'limitada',
  'societe', 'anonyme', 'zoo', 'sp', 'liability', 'beschraenkter', 'tbk', 'jsco', 'ojsco', 'chjsc', 'ojs', 'pjs', 'cjs', 'lp', 'kgaa',
  // The same forms spelled out in other languages: Romanian SRL, Polish sp. z o.o. and S.A., Dutch
  // B.V. and N.V., Nordic AB/A/S/AS/Oy, Italian S.r.l. and S.p.A., Portuguese Ltda, Turkish A.Ş.,
  // German KG and OHG, French S.A.R.L. and S.A.S., Spanish S.R.L.
  'societatea', 'raspundere', 'limitata', 'spolka', 'ograniczona', 'odpowiedzialnoscia', 'akcyjna', 'naamloze',
  'besloten', 'vennootschap', 'aktiebolag', 'aktieselskab', 'aksjeselskap', 'anpartsselskab', 'osakeyhtio',
  'responsabilita', 'azioni', 'sociedade', 'sirketi', 'kommanditgesellschaft', 'handelsgesellschaft', 'responsabilite',
  'limitee', 'simplifiee', 'responsabilidad', 'partnership', 'unitary',
]);

/**
 * The legal forms long enough that a word one typo away from one is that form, not a name
 * (Aktiengeselschaft, Corporatoin): `identityTokens` removes those too.
 */
export const LONG_LEGAL_FORMS: readonly string[] = [...LEGAL_FORMS].filter((form) => form.length >= 9);

/**
 * English number words as the digits lists also write them (Brigade Forty-Four = Brigade 44,
 * Three Percenters = 3 Percenters): units and teens, tens (with the common misspelling
 * "fourty"), and ordinals, spelled out or as 1st, 2nd, 3rd, 4th.
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12],
]);
export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/**
 * Legal forms that are also name parts somewhere (Chinese "Ao", Korean "Co", Spanish "Sa"):
 * removed only from the names of organisations, companies and vessels.
 */
export const SHORT_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'co', 'ao', 'sa', 'ag', 'ab', 'as', 'asa', 'oy', 'kg', 'ad', 'dd', 'bv', 'nv', 'pt', 'cv', 'se', 'open', 'closed',
  'public', 'private', 'ip', 'chp', 'pp', 'tdv', 'ltda', 'cu', 'per', 'mv', 'mt',
]);

/** Honorifics, ranks and religious titles: removed from every name. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'sheikh', 'shaykh',
  'shaikh', 'sheik', 'shaik', 'cheikh', 'haji', 'hajji', 'hadji', 'alhaj', 'alhajji', 'hajj', 'general', 'gen', 'colonel',
  'col', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'brigadier', 'admiral', 'adm', 'marshal', 'sergeant',
  'sgt', 'commander', 'cmdr', 'mullah', 'mulla', 'maulana', 'mawlana', 'maulvi', 'mawlawi', 'mufti', 'ayatollah',
  'hojatoleslam', 'hojjatoleslam', 'excellency', 'his', 'her', 'honourable', 'honorable', 'hon', 'rev', 'reverend',
  'father', 'eng', 'engineer', 'gospodin', 'gospozha', 'herr', 'frau', 'senor', 'senora', 'don', 'dona', 'monsieur',
  'madame', 'mme', 'mlle',
]);

/** Connectives: "&" is already a gap after normalisation, so "and" is dropped to meet it. */
export const CONNECTIVES: ReadonlySet<string> = new Set(['and', 'und', 'et', 'of', 'the', 'mit', 'for']);

/**
 * Name particles spelled differently by romanisation or region, written one way: Arabic
 * ibn/bin (son of) and el/al/ul (the article); "Int'l" and "intl" as international.
 */
export const CANONICAL_PARTS: ReadonlyMap<string, string> = new Map([
  ['ibn', 'bin'], ['bn', 'bin'], ['el', 'al'], ['ul', 'al'], ['intl', 'international'], ['natl', 'national'],
  ['dept', 'department'], ['univ', 'university'], ['assn', 'association'], ['mfg', 'manufacturing'],
]);

/**
 * "Servant of": the first word of Arabic names such as Abd al-Aziz, Abdul Aziz, Abdel Aziz,
 * Abd-ar-Rahman, written one way (abdul); the article that follows it, in any of its
 * assimilated forms (al, el, ul, ar, as, an, ad...), goes with it.
 */
export const ABD_FORMS: ReadonlySet<string> = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdu', 'abdou']);
export const ARABIC_ARTICLES: ReadonlySet<string> = new Set([
  'al', 'ar', 'as', 'an', 'ad', 'at', 'az', 'ash', 'adh', 'ath', 'ud', 'ur', 'us', 'un', 'ut', 'uz', 'el', 'er', 'es',
  'en', 'ed', 'et', 'ez',
]);

/**
 * English given names and their common short forms (Bill = William). Both directions are
 * looked up; a nickname meets its full name as a `phonetic` match.
 */
const NICKNAME_GROUPS: readonly string[] = [
  'william bill billy will willy liam', 'robert bob bobby rob robbie bert', 'richard dick rick ricky rich',
  'james jim jimmy jamie', 'john jack johnny jon', 'michael mike mick mickey', 'thomas tom tommy', 'joseph joe joey',
  'charles charlie chuck chas', 'edward ed eddie ted ned', 'theodore ted teddy theo', 'anthony tony', 'andrew andy drew',
  'daniel dan danny', 'david dave davy', 'steven steve stephen', 'christopher chris kit', 'matthew matt', 'nicholas nick nicky',
  'benjamin ben benny', 'samuel sam sammy', 'alexander alex sasha sandy', 'aleksandr sasha alex', 'kenneth ken kenny',
  'timothy tim timmy', 'patrick pat paddy', 'peter pete', 'gregory greg', 'jeffrey jeff', 'lawrence larry', 'ronald ron ronnie',
  'donald don donnie', 'gerald gerry jerry', 'raymond ray', 'frederick fred freddie fritz', 'francis frank', 'henry harry hank',
  'elizabeth liz lizzy beth betty eliza', 'margaret maggie meg peggy', 'katherine kate kathy katie catherine', 'jennifer jenny jen',
  'susan sue susie', 'deborah debbie deb', 'patricia pat patty trish', 'rebecca becky', 'victoria vicky', 'abigail abby',
  'vladimir volodya vova', 'dmitry dima', 'mikhail misha', 'nikolai kolya', 'ivan vanya', 'yevgeny zhenya', 'sergei seryozha',
  'mohammed mo', 'ibrahim abe', 'abraham abe', 'benjamin bibi', 'william wilhelm guillaume guillermo', 'john juan jean johann giovanni ivan', 'joseph josef jose giuseppe', 'peter pierre pedro pietro pyotr', 'michael michel miguel mikhail', 'paul pablo paolo pavel', 'george georg jorge giorgio georgiy', 'james jacques jaime', 'stephen stefan esteban stepan', 'alexander alejandro alessandro aleksandr',
];

/** Given name → the other names of its group. */
export const NICKNAMES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of NICKNAME_GROUPS) {
    const names = group.split(' ');
    for (const name of names) {
      const set = map.get(name) ?? new Set<string>();
      for (const other of names) if (other !== name) set.add(other);
      map.set(name, set);
    }
  }
  return map;
})();
