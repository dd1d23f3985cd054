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
]);

/**
 * Legal forms that are also name parts somewhere (Chinese "Ao", Korean "Co", Spanish "Sa"):
 * removed only from the names of organisations, companies and vessels.
 */
export const SHORT_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'co', 'ao', 'sa', 'ag', 'ab', 'as', 'asa', 'oy', 'kg', 'ad', 'dd', 'bv', 'nv', 'pt', 'cv', 'se', 'open', 'closed',
  'public', 'private', 'ip', 'chp', 'pp', 'tdv', 'ltda',
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
