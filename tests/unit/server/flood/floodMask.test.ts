import { describe, expect, it } from 'vitest';
import { floodMask } from '../../../../server/src/modules/flood/floodMask';
import { seaMask } from '../../../../server/src/modules/flood/seaMask';
import { FIXTURE_ORIGIN, gridFromRows, maskRows } from './gridFixture';

const { originX, originY } = FIXTURE_ORIGIN;

// Sea in the west column; a 2 m wall; a 0.5 m basin; high ground around.
const basinBehindWall = gridFromRows([
  [-1, 5, 5, 5, 5],
  [-1, 2, 0.5, 0.5, 5],
  [-1, 2, 0.5, 0.5, 5],
  [-1, 2, 0.5, 0.5, 5],
  [-1, 5, 5, 5, 5],
]);

describe('floodMask', () => {
  it('keeps a basin behind a wall dry up to the wall’s height', () => {
    expect(floodMask({ grid: basinBehindWall, level: 1.9 }).every((v) => v === 0)).toBe(true);
    expect(floodMask({ grid: basinBehindWall, level: 2 }).every((v) => v === 0)).toBe(true);
  });

  it('floods the wall and the basin once the level is above the wall', () => {
    expect(maskRows(floodMask({ grid: basinBehindWall, level: 2.1 }), 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('leaves a low area that the sea cannot reach dry', () => {
    const grid = gridFromRows([
      [-1, 1, 1, 1, 1],
      [-1, 1, 5, 5, 5],
      [-1, 1, 5, 0.2, 5],
      [-1, 1, 5, 5, 5],
      [-1, 1, 1, 1, 1],
    ]);
    const mask = floodMask({ grid, level: 1.5 });
    expect(mask[2 * 5 + 3]).toBe(0);
    expect(mask[0 * 5 + 4]).toBe(1);
  });

  it('treats ground below 0 m that the border cannot reach as land (a polder), not as sea', () => {
    const grid = gridFromRows([
      [-1, 1, 1, 1],
      [-1, 1, -0.5, 1],
      [-1, 1, 1, 1],
    ]);
    expect(Array.from(seaMask({ grid }))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(floodMask({ grid, level: 0.5 })[1 * 4 + 2]).toBe(0);
    expect(floodMask({ grid, level: 1.5 })[1 * 4 + 2]).toBe(1);
  });

  it('counts no-data cells on the border as sea and never floods no-data cells inland', () => {
    const grid = gridFromRows([
      [NaN, 0.5, 0.5],
      [NaN, 0.5, NaN],
      [NaN, 0.5, 0.5],
    ]);
    expect(maskRows(floodMask({ grid, level: 1 }), 3)).toEqual([
      [0, 1, 1],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('does not let water through a diagonal wall (4-connectivity)', () => {
    const grid = gridFromRows([
      [-1, 0.5, 0.5, 0.5, 3],
      [-1, 0.5, 0.5, 3, 0.5],
      [-1, 0.5, 3, 0.5, 0.5],
      [-1, 3, 0.5, 0.5, 0.5],
      [-1, 3, 3, 3, 3],
    ]);
    expect(maskRows(floodMask({ grid, level: 2 }), 5)).toEqual([
      [0, 1, 1, 1, 0],
      [0, 1, 1, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('raises the ground to a barrier’s crest along the line', () => {
    const flat = gridFromRows(Array.from({ length: 6 }, () => [-1, 0.5, 0.5, 0.5, 0.5, 0.5]));
    // A north–south line through the middle of column 3 (x = originX + 35 m), crest 2 m.
    const barriers = [
      {
        coordinates: [
          [originX + 35, originY],
          [originX + 35, originY - 60],
        ] as const,
        crestLevel: 2,
      },
    ];
    const below = maskRows(floodMask({ grid: flat, level: 1.5, barriers }), 6);
    expect(below.every((row) => row.join('') === '011000')).toBe(true);
    const above = maskRows(floodMask({ grid: flat, level: 2.5, barriers }), 6);
    expect(above.every((row) => row.join('') === '011111')).toBe(true);
  });

  it('does not leak past a diagonal barrier that runs exactly through cell corners', () => {
    const flat = gridFromRows(Array.from({ length: 5 }, () => [-1, 0.5, 0.5, 0.5, 0.5]));
    // From the north-east corner of the sea column's neighbour to the south-east corner of the grid.
    const barriers = [
      {
        coordinates: [
          [originX + 10, originY],
          [originX + 50, originY - 40],
        ] as const,
        crestLevel: 3,
      },
    ];
    const mask = floodMask({ grid: flat, level: 2, barriers });
    // Everything north-east of the line stays dry.
    for (let row = 0; row < 5; row++) {
      for (let col = row + 2; col < 5; col++) expect(mask[row * 5 + col]).toBe(0);
    }
  });

  it('does not mutate the grid', () => {
    const grid = gridFromRows([
      [-1, 0.5, 0.5],
      [-1, 0.5, 0.5],
    ]);
    const before = Array.from(grid.values);
    floodMask({
      grid,
      level: 1,
      barriers: [
        {
          coordinates: [
            [originX + 15, originY],
            [originX + 15, originY - 20],
          ],
          crestLevel: 2,
        },
      ],
    });
    expect(Array.from(grid.values)).toEqual(before);
  });

  it('rejects a level that is not a finite number', () => {
    expect(() => floodMask({ grid: basinBehindWall, level: Number.NaN })).toThrow(RangeError);
  });

  it('rejects a barrier of one position', () => {
    expect(() =>
      floodMask({ grid: basinBehindWall, level: 1, barriers: [{ coordinates: [[originX, originY]], crestLevel: 2 }] }),
    ).toThrow(/at least two positions/);
  });
});
