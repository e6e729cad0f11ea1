import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Barrier } from '../../../../server/src/modules/flood/barrier';
import { floodMask } from '../../../../server/src/modules/flood/floodMask';
import { FIXTURE_ORIGIN, gridFromRows } from './gridFixture';

const { originX, originY } = FIXTURE_ORIGIN;

/** Small grids of heights from −1 to 4 m with some no-data, 10 m cells. */
const gridArbitrary = fc
  .record({ width: fc.integer({ min: 1, max: 8 }), height: fc.integer({ min: 1, max: 8 }) })
  .chain(({ width, height }) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 9, arbitrary: fc.double({ min: -1, max: 4, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(Number.NaN) },
        ),
        {
          minLength: width,
          maxLength: width,
        },
      ),
      { minLength: height, maxLength: height },
    ),
  )
  .map((rows) => gridFromRows(rows));

/** A two-point barrier anywhere in and around an 80 m square, crest 0–4 m. */
const barrierArbitrary: fc.Arbitrary<Barrier> = fc.record({
  coordinates: fc
    .tuple(
      fc.tuple(fc.double({ min: -10, max: 90, noNaN: true }), fc.double({ min: -10, max: 90, noNaN: true })),
      fc.tuple(fc.double({ min: -10, max: 90, noNaN: true }), fc.double({ min: -10, max: 90, noNaN: true })),
    )
    .map((points) => points.map(([dx, dy]) => [originX + dx, originY - dy] as const)),
  crestLevel: fc.double({ min: 0, max: 4, noNaN: true }),
});

const isSubset = (a: Uint8Array, b: Uint8Array): boolean => a.every((v, i) => v <= b[i]!);

describe('floodMask properties', () => {
  it('is monotonic: a higher level never dries a cell, and a barrier never floods one', () => {
    fc.assert(
      fc.property(
        gridArbitrary,
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        barrierArbitrary,
        (grid, level, rise, barrier) => {
          const low = floodMask({ grid, level });
          expect(isSubset(low, floodMask({ grid, level: level + rise }))).toBe(true);
          expect(isSubset(floodMask({ grid, level, barriers: [barrier] }), low)).toBe(true);
        },
      ),
      { seed: 2590, numRuns: 300 },
    );
  });
});
