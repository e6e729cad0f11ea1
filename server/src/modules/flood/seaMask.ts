import type { ElevationGrid } from './elevationGrid';

/**
 * The sea of a grid: every cell that is water (no data, or ground at or below 0 m DVR90) and is 4-connected
 * to the grid's border through water cells, i.e. open water reaching the edge of the grid. Water that the
 * border cannot reach (a pit, a polder below sea level, a lake) is land to the flood model.
 *
 * Returns 1 for sea, 0 otherwise, row-major like `values`. Does not mutate its input.
 */
export function seaMask({ grid }: { grid: Pick<ElevationGrid, 'width' | 'height' | 'values'> }): Uint8Array {
  const { width, height, values } = grid;
  const sea = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  let tail = 0;
  const visit = (index: number): void => {
    if (sea[index] === 1) return;
    const v = values[index]!;
    if (Number.isNaN(v) || v <= 0) {
      sea[index] = 1;
      queue[tail++] = index;
    }
  };
  for (let col = 0; col < width; col++) {
    visit(col);
    visit((height - 1) * width + col);
  }
  for (let row = 0; row < height; row++) {
    visit(row * width);
    visit(row * width + width - 1);
  }
  for (let head = 0; head < tail; head++) {
    const index = queue[head]!;
    const col = index % width;
    if (col > 0) visit(index - 1);
    if (col < width - 1) visit(index + 1);
    if (index >= width) visit(index - width);
    if (index < (height - 1) * width) visit(index + width);
  }
  return sea;
}
