/** A seeded source of random numbers; the same keys always give the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Puts `items` in random order, in place (Fisher–Yates), and returns them. */
  shuffle<T>(items: T[]): T[];
}

const TWO_32 = 4294967296;

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast chaotic generator) seeded from a hash of integer `keys`, e.g.
 * `(seed, districtX, districtY)`, so that each part of the map draws from its own stream and does not
 * depend on the order in which other parts were made. Never `Math.random`: output must be reproducible.
 */
export function createRandom(...keys: number[]): Random {
  let h = 0x9e3779b9;
  for (const key of keys) {
    if (!Number.isSafeInteger(key)) throw new Error(`random keys must be safe integers, got ${key}`);
    // Both 32-bit halves, so that seeds beyond 2^32 and negative seeds stay distinct.
    const high = Math.floor(key / TWO_32);
    h = fmix32(h ^ (key - high * TWO_32));
    h = fmix32((h + 0x6d2b79f5) ^ (high >>> 0));
  }
  let a = fmix32(h ^ 0x243f6a88);
  let b = fmix32(a ^ 0x85a308d3);
  let c = fmix32(b ^ 0x13198a2e);
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_32;
  };
  // The first outputs of a fresh sfc32 are still close to the seed; discard them.
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    chance: (p) => next() < p,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}
