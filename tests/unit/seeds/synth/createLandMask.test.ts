import { describe, expect, it } from 'vitest';
import { createLandMask } from '../../../../seeds/synth/createLandMask';

describe('createLandMask', () => {
  // A square with a notch (a fjord) cut from the north down to y = 2.
  const mask = createLandMask([
    [0, 0],
    [10, 0],
    [10, 10],
    [6, 10],
    [5, 2],
    [4, 10],
    [0, 10],
  ]);

  it('tells land from sea and counts the coast as sea', () => {
    expect(mask.containsPoint(2, 2)).toBe(true);
    expect(mask.containsPoint(5, 8)).toBe(false);
    expect(mask.containsPoint(11, 5)).toBe(false);
    expect(mask.containsPoint(0, 5)).toBe(false);
  });

  it('refuses a ring whose corners are all on land but which spans the fjord', () => {
    expect(
      mask.containsRing([
        [1, 6],
        [9, 6],
        [9, 8],
        [1, 8],
      ]),
    ).toBe(false);
    expect(
      mask.containsRing([
        [1, 0.5],
        [9, 0.5],
        [9, 1.5],
        [1, 1.5],
      ]),
    ).toBe(true);
  });
});
