import { describe, expect, it } from 'vitest';
import { supercoverCells } from '../../../../server/src/modules/flood/supercoverCells';
import { FIXTURE_ORIGIN } from './gridFixture';

const { originX, originY } = FIXTURE_ORIGIN;
const frame = Object.freeze({ width: 4, height: 4, originX, originY, cellSize: 10 });
const cellsOf = (coordinates: [number, number][]): number[] =>
  [...new Set(supercoverCells({ grid: frame, coordinates }))].sort((a, b) => a - b);

describe('supercoverCells', () => {
  it('takes both side cells where a line passes through a cell corner, so consecutive cells share an edge', () => {
    // The diagonal of the grid from its north-west to its south-east corner.
    expect(
      cellsOf([
        [originX, originY],
        [originX + 40, originY - 40],
      ]),
    ).toEqual([0, 1, 4, 5, 6, 9, 10, 11, 14, 15]);
  });

  it('takes every cell a shallow line crosses', () => {
    // From (0.5, 0.2) to (3.5, 1.5) in cells: it enters row 1 in column 2.
    expect(
      cellsOf([
        [originX + 5, originY - 2],
        [originX + 35, originY - 15],
      ]),
    ).toEqual([0, 1, 2, 6, 7]);
  });

  it('clips lines to the grid', () => {
    expect(
      cellsOf([
        [originX - 100, originY - 25],
        [originX + 500, originY - 25],
      ]),
    ).toEqual([8, 9, 10, 11]);
    expect(
      cellsOf([
        [originX - 100, originY + 10],
        [originX + 500, originY + 10],
      ]),
    ).toEqual([]);
  });
});
