/**
 * Greek → Latin in three schemes: 0 ELOT 743 / passport style (Papadopoulos, Vlantimir),
 * 1 phonetic, as the press often writes modern Greek (Papadopulos, Vladimir: ντ → d, μπ → b,
 * η/υ/ει/οι → i), 2 classical (Konstantinos, Christos, Athenai: η → e, υ → y, φ → ph).
 * Input is `normalizeName` output: lower case, no accents, final sigma already σ.
 */

type Three = readonly [string, string, string];

/** Two-letter groups, checked before single letters. */
const DIGRAPHS: Readonly<Record<string, Three>> = {
  ου: ['ou', 'u', 'ou'], αι: ['ai', 'e', 'ae'], ει: ['ei', 'i', 'ei'], οι: ['oi', 'i', 'oe'],
  υι: ['yi', 'i', 'yi'], αυ: ['av', 'av', 'au'], ευ: ['ev', 'ev', 'eu'], ηυ: ['iv', 'iv', 'eu'],
  μπ: ['mp', 'b', 'mp'], ντ: ['nt', 'd', 'nt'], γκ: ['gk', 'g', 'nk'], γγ: ['ng', 'ng', 'ng'],
  γχ: ['nch', 'nh', 'nch'], τσ: ['ts', 'ts', 'ts'], τζ: ['tz', 'dz', 'tz'],
};

const LETTERS: Readonly<Record<string, Three>> = {
  α: ['a', 'a', 'a'], β: ['v', 'v', 'b'], γ: ['g', 'g', 'g'], δ: ['d', 'd', 'd'], ε: ['e', 'e', 'e'],
  ζ: ['z', 'z', 'z'], η: ['i', 'i', 'e'], θ: ['th', 'th', 'th'], ι: ['i', 'i', 'i'], κ: ['k', 'k', 'k'],
  λ: ['l', 'l', 'l'], μ: ['m', 'm', 'm'], ν: ['n', 'n', 'n'], ξ: ['x', 'ks', 'x'], ο: ['o', 'o', 'o'],
  π: ['p', 'p', 'p'], ρ: ['r', 'r', 'r'], σ: ['s', 's', 's'], τ: ['t', 't', 't'], υ: ['y', 'i', 'y'],
  φ: ['f', 'f', 'ph'], χ: ['ch', 'h', 'ch'], ψ: ['ps', 'ps', 'ps'], ω: ['o', 'o', 'o'],
};

/**
 * The three romanisations of one lower-case Greek word (always three, in scheme order, so the
 * words of one name can be zipped). Characters outside Greek pass through.
 */
export function romanizeGreek(word: string): string[] {
  const letters = Array.from(word);
  const out: string[] = [];
  for (let s = 0; s < 3; s++) {
    let latin = '';
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i] ?? '';
      const pair = DIGRAPHS[ch + (letters[i + 1] ?? '')];
      if (pair) {
        latin += pair[s];
        i++;
      } else latin += LETTERS[ch]?.[s] ?? ch;
    }
    out.push(latin);
  }
  return out;
}
