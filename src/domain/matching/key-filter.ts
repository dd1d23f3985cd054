/** Bits per key a `KeyFilter` is made with (rounded up to a power of two): 8 bits, 2 probes, 4–5% false hits. */
const BITS_PER_KEY = 8;
/** The fewest bits of a filter. */
const MIN_BITS = 1 << 12;

/**
 * A Bloom filter over key hashes (two probes): `mayHold` is true for every hash added, and
 * for about one in twenty others when as many keys were added as it was made for (more when
 * more were added since). Lets a query skip building and looking up the keys no listed name
 * has, most of its keys.
 */
export class KeyFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /** A filter made for about `keys` keys. */
  constructor(keys: number, bits?: Int32Array) {
    let size = MIN_BITS;
    while (size < keys * BITS_PER_KEY && size < 1 << 30) size *= 2;
    this.bits = bits ?? new Int32Array(size >>> 5);
    this.mask = this.bits.length * 32 - 1;
  }

  add(hash: number): void {
    const a = hash & this.mask;
    const b = second(hash) & this.mask;
    this.bits[a >>> 5] = (this.bits[a >>> 5] as number) | (1 << (a & 31));
    this.bits[b >>> 5] = (this.bits[b >>> 5] as number) | (1 << (b & 31));
  }

  mayHold(hash: number): boolean {
    const a = hash & this.mask;
    if (((this.bits[a >>> 5] as number) & (1 << (a & 31))) === 0) return false;
    const b = second(hash) & this.mask;
    return ((this.bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
  }

  /** A filter holding what this one holds, to add to without changing this one. */
  copy(): KeyFilter {
    return new KeyFilter(0, this.bits.slice());
  }
}

/** A second probe from the same hash: its bits mixed (murmur3's finaliser). */
function second(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
