/**
 * Cyrillic and Greek letters that look like Latin ones, and the reverse, for folding
 * mixed-script words ("Kаdyrоv" with a Cyrillic а and о) onto one script.
 *
 * The pairs are the single-letter Cyrillic/Greek ↔ ASCII entries of Unicode's UTS #39
 * `confusables.txt`, plus the lower-case Cyrillic letters whose skeleton there is a Latin
 * small capital (к → ᴋ, м → ᴍ, т → ᴛ, н → ʜ, в → ʙ), since `normalizeName` reads small
 * capitals as plain letters. We keep this compact hand table rather than a package: the npm
 * tables we checked either map far beyond look-alikes (д → A, ч → 4) or would need filtering
 * to the same few dozen pairs.
 */
const TO_LATIN_PAIRS =
  'АA аa ВB Ьb вb СC сc ϹC ϲc ԁd ЕE еe ҽe ΑA αa ΒB ΕE ΗH НH нh һh ΙI ІI іi ӀI ӏi ιi ЈJ јj ϳj ' +
  'ΚK КK кk ΜM МM мm ΝN νv ΟO οo σo ОO оo ΡP ρp РP рp ԚQ ԛq гr ЅS ѕs ΤT ТT тt υu ѴV ѵv ' +
  'ԜW ԝw ѡw ΧX χx ХX хx ΥY γy УY уy ҮY үy ΖZ';

/** Latin letters that look like Cyrillic ones, for a Cyrillic word with a stray Latin letter. */
const TO_CYRILLIC_PAIRS = 'AА aа BВ CС cс EЕ eе HН KК kк MМ OО oо PР pр TТ XХ xх YУ yу IІ iі JЈ jј';

function pairs(table: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const pair of table.split(' ')) {
    const [from, to] = Array.from(pair);
    if (from !== undefined && to !== undefined) map.set(from, to);
  }
  return map;
}

/** Cyrillic or Greek letter → the Latin letter it is confusable with (case kept). */
export const CONFUSABLE_TO_LATIN: ReadonlyMap<string, string> = pairs(TO_LATIN_PAIRS);

/** Latin letter → the Cyrillic letter it is confusable with (case kept). */
export const CONFUSABLE_TO_CYRILLIC: ReadonlyMap<string, string> = pairs(TO_CYRILLIC_PAIRS);
