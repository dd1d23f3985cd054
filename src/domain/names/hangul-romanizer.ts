/**
 * Hangul → Latin, composed from the jamo of each syllable. Korean names are romanised very
 * unevenly: a family name has a customary spelling (김 Kim, 이 Lee, 박 Park) that no system
 * gives, and given names appear in Revised Romanization (Jeong-eun), in McCune–Reischauer
 * without its breves (Chong-un), or in the mix the press uses for North Korean names
 * (Jong Un). Five schemes, in this order:
 * 0 customary family name + given-name syllables spaced, RR consonants, MR vowels (kim jong un);
 * 1 the same with the given name joined (kim jongun);
 * 2 Revised Romanization, given name joined (gim jeongeun);
 * 3 Revised Romanization, syllables spaced (gim jeong eun);
 * 4 McCune–Reischauer without diacritics (kim chong un).
 */

const RR_INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MR_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'];
const RR_VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const MR_VOWELS = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const FINAL_RIEUL = 8;
const INITIAL_RIEUL = 5;

/** Customary spellings of common family names, most common first. */
const FAMILY_NAMES: Readonly<Record<string, readonly string[]>> = {
  김: ['kim'], 이: ['lee', 'yi', 'rhee'], 리: ['ri', 'lee'], 박: ['park', 'pak'], 최: ['choi', 'choe'],
  정: ['jung', 'jeong', 'chung'], 강: ['kang'], 조: ['cho', 'jo'], 윤: ['yoon', 'yun'], 장: ['jang', 'chang'],
  임: ['lim', 'im'], 한: ['han'], 오: ['oh', 'o'], 서: ['seo', 'suh'], 신: ['shin', 'sin'], 권: ['kwon', 'gwon'],
  황: ['hwang'], 안: ['ahn', 'an'], 송: ['song'], 류: ['ryu', 'yoo'], 유: ['yoo', 'yu'], 전: ['jeon', 'chun', 'jun'],
  홍: ['hong'], 고: ['ko', 'go'], 문: ['moon', 'mun'], 양: ['yang'], 손: ['son', 'sohn'], 배: ['bae'],
  백: ['baek', 'paik'], 허: ['heo', 'huh'], 남: ['nam'], 심: ['shim', 'sim'], 노: ['noh', 'roh'], 하: ['ha'],
  곽: ['kwak'], 성: ['sung', 'seong'], 차: ['cha'], 주: ['joo', 'ju'], 우: ['woo', 'u'], 구: ['koo', 'gu'],
  민: ['min'], 현: ['hyun', 'hyeon'], 변: ['byun'], 방: ['bang'], 천: ['cheon', 'chun'], 함: ['ham'],
  염: ['yeom'], 여: ['yeo', 'yuh'], 추: ['choo', 'chu'], 도: ['do', 'doh'], 석: ['seok', 'suk'],
  선: ['sun', 'seon'], 설: ['seol', 'sul'], 마: ['ma'], 길: ['gil', 'kil'], 연: ['yeon', 'yun'],
  표: ['pyo'], 명: ['myung', 'myeong'], 기: ['ki', 'gi'], 반: ['ban'], 왕: ['wang'], 금: ['keum', 'geum'],
  진: ['jin', 'chin'], 채: ['chae'], 원: ['won'], 나: ['na', 'ra'], 엄: ['eom', 'um'], 공: ['kong', 'gong'],
  지: ['ji', 'chi'], 탁: ['tak'], 국: ['kook', 'guk'], 경: ['kyung', 'gyeong'], 태: ['tae'],
  남궁: ['namgoong', 'namgung'], 황보: ['hwangbo'], 제갈: ['jegal'], 선우: ['sunwoo', 'seonu'],
  독고: ['dokgo'], 사공: ['sagong'], 서문: ['seomun'],
};

interface Jamo {
  readonly initial: number;
  readonly vowel: number;
  readonly final: number;
}

function jamo(syllable: string): Jamo {
  const index = (syllable.codePointAt(0) ?? 0xac00) - 0xac00;
  return { initial: Math.floor(index / 588), vowel: Math.floor((index % 588) / 28), final: index % 28 };
}

/** True for precomposed Hangul syllables (U+AC00–U+D7A3). */
export function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7a3;
}

/** Syllables romanised one by one; `mr` picks MR consonants, `mrVowels` MR vowels. */
function syllables(word: readonly string[], mr: boolean, mrVowels: boolean): string[] {
  const parts: string[] = [];
  let prevFinal = 0;
  for (const s of word) {
    const { initial, vowel, final } = jamo(s);
    let head = (mr ? MR_INITIALS : RR_INITIALS)[initial] ?? '';
    if (initial === INITIAL_RIEUL && prevFinal === FINAL_RIEUL) head = 'l';
    parts.push(head + ((mrVowels ? MR_VOWELS : RR_VOWELS)[vowel] ?? '') + (FINALS[final] ?? ''));
    prevFinal = final;
  }
  return parts;
}

/** Word-initial ㄱ ㄷ ㅂ ㅈ as the voiceless k t p ch customary spellings use (Kim, Park). */
function customaryStart(syllable: string, rr: string): string {
  const { initial } = jamo(syllable);
  const voiceless: Readonly<Record<number, string>> = { 0: 'k', 3: 't', 7: 'p' };
  const head = voiceless[initial];
  return head === undefined ? rr : head + rr.slice(1);
}

/**
 * The five romanisations of one Hangul word (always five, in scheme order). A word of three or
 * four syllables starting with a known family name is read as family name + given name, a
 * single syllable as a family name, two syllables as a given name (김 정은, 현숙 배), and
 * anything else (a foreign name written in Hangul) as one run.
 */
export function romanizeHangul(word: string): string[] {
  const chars = Array.from(word);
  if (!chars.every((c) => isHangulSyllable(c.codePointAt(0) ?? 0))) {
    const joined = syllables(chars.filter((c) => isHangulSyllable(c.codePointAt(0) ?? 0)), false, false).join('');
    return [joined, joined, joined, joined, joined];
  }
  const familyLength = chars.length >= 3 && FAMILY_NAMES[chars.slice(0, 2).join('')] ? 2 : 1;
  const isPersonal = chars.length >= 3 && chars.length <= 4 && FAMILY_NAMES[chars.slice(0, familyLength).join('')];
  const rr = syllables(chars, false, false);
  const mr = syllables(chars, true, true);
  const mixed = syllables(chars, false, true);
  if (chars.length === 2) {
    return [mixed.join(' '), mixed.join(''), rr.join(''), rr.join(' '), mr.join(' ')];
  }
  if (!isPersonal) {
    const family = chars.length === 1 ? FAMILY_NAMES[word] : undefined;
    const customary = family?.[0] ?? customaryStart(chars[0] ?? '', mixed.join(''));
    return [customary, family?.[1] ?? customary, rr.join(''), rr.join(''), mr.join('')];
  }
  const family = FAMILY_NAMES[chars.slice(0, familyLength).join('')] ?? [];
  const customary = family[0] ?? '';
  const given = mixed.slice(familyLength);
  const rrFamily = rr.slice(0, familyLength).join('');
  const rrGiven = rr.slice(familyLength);
  return [
    `${customary} ${given.join(' ')}`,
    `${customary} ${given.join('')}`,
    `${rrFamily} ${rrGiven.join('')}`,
    `${rrFamily} ${rrGiven.join(' ')}`,
    `${mr.slice(0, familyLength).join('')} ${mr.slice(familyLength).join(' ')}`,
  ];
}
