import { describe, expect, it } from 'vitest';
import { insetConvex } from '../../../../seeds/synth/insetConvex';

describe('insetConvex', () => {
  it('moves each edge of a rectangle in by the distance, leaving the input as it was', () => {
    const ring = Object.freeze([
      Object.freeze([0, 0] as const),
      Object.freeze([10, 0] as const),
      Object.freeze([10, 4] as const),
      Object.freeze([0, 4] as const),
    ]);
    const inset = insetConvex({ ring, distance: 1 });
    const rounded = inset.map(([x, y]) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9]);
    expect(rounded).toEqual([
      [1, 1],
      [9, 1],
      [9, 3],
      [1, 3],
    ]);
  });
});
