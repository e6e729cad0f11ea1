import { barrierElevations, type Barrier } from './barrier';
import type { ElevationGrid } from './elevationGrid';
import { seaMask } from './seaMask';

/**
 * The bathtub model with connectivity: which land cells the sea floods at a still-water `level` (metres DVR90).
 *
 * The sea is open water at the grid's edge (see {@link seaMask}). A cell floods when its height, barriers burnt
 * in (see {@link barrierElevations}), is below `level` and it is 4-connected to the sea through such cells.
 * 4-connectivity keeps water from slipping between two diagonal cells of a rasterised wall. No-data cells
 * inland never flood.
 *
 * Returns 1 for a flooded land cell, 0 for dry land and for the sea itself (a ground-sea cell under a barrier
 * is still sea, so adding a barrier never adds flooded cells). Row-major like `values`; the grid is not
 * mutated. Throws a RangeError for a non-finite level. Linear in the number of cells: a queue, no recursion.
 */
export function floodMask({
  grid,
  level,
  barriers = [],
}: {
  grid: ElevationGrid;
  level: number;
  barriers?: readonly Barrier[];
}): Uint8Array {
  if (!Number.isFinite(level)) throw new RangeError(`level must be a finite height in metres DVR90, got ${level}`);
  const { width, height } = grid;
  const groundSea = seaMask({ grid });
  const heights = barriers.length > 0 ? barrierElevations({ grid, barriers }) : grid.values;
  // A barrier across open water (a storm-surge gate) cuts the water behind it off from the border.
  const sea = barriers.length > 0 ? seaMask({ grid: { width, height, values: heights } }) : groundSea;

  // Heights are float32: 2.8 stored is 2.7999999523…, which must not count as below a 2.8 m level.
  const level32 = Math.fround(level);
  const wet = Uint8Array.from(sea);
  const queue = new Int32Array(width * height);
  let tail = 0;
  for (let i = 0; i < sea.length; i++) if (sea[i] === 1) queue[tail++] = i;
  const visit = (index: number): void => {
    if (wet[index] === 0 && heights[index]! < level32) {
      wet[index] = 1;
      queue[tail++] = index;
    }
  };
  for (let head = 0; head < tail; head++) {
    const index = queue[head]!;
    const col = index % width;
    if (col > 0) visit(index - 1);
    if (col < width - 1) visit(index + 1);
    if (index >= width) visit(index - width);
    if (index < (height - 1) * width) visit(index + width);
  }

  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = wet[i]! & (1 - groundSea[i]!);
  return mask;
}
