import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../seeds/synth/createRandom';

describe('createRandom', () => {
  it('repeats its sequence for the same keys', () => {
    const a = createRandom(1, 2, 3);
    const b = createRandom(1, 2, 3);
    expect(Array.from({ length: 100 }, () => a.next())).toEqual(Array.from({ length: 100 }, () => b.next()));
  });

  it('gives distinct streams for keys that differ only above 2^32 or in sign', () => {
    const first = (...keys: number[]) => createRandom(...keys).next();
    const values = [first(1), first(1 + 2 ** 32), first(-1), first(1, 0), first(0, 1)];
    expect(new Set(values).size).toBe(values.length);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = createRandom(42);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = random.next();
      if (v < 0 || v >= 1) outside++;
      else buckets[Math.floor(v * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});
