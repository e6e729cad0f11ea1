import { describe, expect, it } from 'vitest';
import { countSelfIntersections } from '../../../../server/src/modules/sketches/countSelfIntersections';

const BOUNDS = { limit: 1000, maxPairTests: 1_000_000 };

/** A closed star of n corners on a circle, each step 0.37 of a turn (the polygon of issue #19's report). */
function star(n: number): number[][] {
  const ring = Array.from({ length: n }, (_, i) => [
    12.15 + 0.05 * Math.cos(2 * Math.PI * i * 0.37),
    55.45 + 0.03 * Math.sin(2 * Math.PI * i * 0.37),
  ]);
  return [...ring, ring[0]!];
}

const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];

describe('countSelfIntersections', () => {
  it('finds none in a square, and none between a shell and a hole inside it', () => {
    const hole = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    expect(countSelfIntersections([square], BOUNDS)).toEqual({ count: 0, complete: true, tooDense: false });
    expect(countSelfIntersections([square, hole], BOUNDS).count).toBe(0);
  });

  it('counts the one crossing of a bow-tie', () => {
    const bowTie = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
      [0, 0],
    ];
    expect(countSelfIntersections([bowTie], BOUNDS)).toEqual({ count: 1, complete: true, tooDense: false });
  });

  it('counts a hole touching its shell and a repeated corner is not a crossing', () => {
    const touching = [
      [0, 5],
      [3, 4],
      [3, 6],
      [0, 5],
    ];
    const repeated = [
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(countSelfIntersections([square, touching], BOUNDS).count).toBe(2);
    expect(countSelfIntersections([repeated], BOUNDS).count).toBe(0);
  });

  it('counts a star as brute force over all segment pairs does', () => {
    const ring = star(60);
    const seg = (i: number) => [ring[i]!, ring[i + 1]!] as const;
    const n = ring.length - 1;
    const cross = (p: number[], q: number[], r: number[]) =>
      (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
    let brute = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 2; j < n; j++) {
        if (i === 0 && j === n - 1) continue;
        const [a, b] = seg(i);
        const [c, d] = seg(j);
        if (
          Math.sign(cross(a, b, c)) !== Math.sign(cross(a, b, d)) &&
          Math.sign(cross(c, d, a)) !== Math.sign(cross(c, d, b))
        ) {
          brute += 1;
        }
      }
    }
    expect(brute).toBeGreaterThan(100);
    expect(countSelfIntersections([ring], { limit: 100_000, maxPairTests: 1_000_000 })).toEqual({
      count: brute,
      complete: true,
      tooDense: false,
    });
  });

  it('stops just past the limit', () => {
    const result = countSelfIntersections([star(20_000)], { limit: 100, maxPairTests: 10_000_000 });
    expect(result).toEqual({ count: 101, complete: false, tooDense: false });
  });

  it('stops when too many segment pairs lie close, even when none cross', () => {
    // A saw: long parallel teeth side by side, whose boxes all overlap but which never cross.
    const teeth = 2000;
    const ring: number[][] = [];
    for (let k = 0; k < teeth; k++) ring.push([k, 0], [k + 1000, 1000]);
    ring.push([teeth, 0], [teeth, -10], [0, -10], [0, 0]);
    expect(countSelfIntersections([ring], { limit: 100, maxPairTests: 1e9 }).count).toBe(0);
    const result = countSelfIntersections([ring], { limit: 100, maxPairTests: 50_000 });
    expect(result.tooDense).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.count).toBe(0);
  });

  it('leaves its input as it was', () => {
    const ring = Object.freeze(star(30).map((p) => Object.freeze(p)));
    expect(() => countSelfIntersections([ring], BOUNDS)).not.toThrow();
  });
});
