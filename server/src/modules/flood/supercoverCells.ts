import type { GridFrame } from './elevationGrid';

/** Below this, two boundary crossings of a segment count as one: the segment passes through a cell corner. */
const CORNER_EPSILON = 1e-9;

/**
 * Every cell that the EPSG:25832 polyline `coordinates` touches (a supercover rasterisation), as indices into a
 * grid's `values`. Unlike Bresenham, consecutive cells always share an edge, and where the line passes exactly
 * through a cell corner both side cells are included, so a rasterised wall has no diagonal gaps. Parts outside
 * the grid are clipped; the same cell may appear more than once.
 */
export function supercoverCells({
  grid,
  coordinates,
}: {
  grid: GridFrame;
  coordinates: readonly (readonly [number, number])[];
}): number[] {
  const cells: number[] = [];
  const mark = (col: number, row: number): void => {
    if (col >= 0 && col < grid.width && row >= 0 && row < grid.height) cells.push(row * grid.width + col);
  };
  const toPixel = ([x, y]: readonly [number, number]): [number, number] => [
    (x - grid.originX) / grid.cellSize,
    (grid.originY - y) / grid.cellSize,
  ];
  for (let i = 0; i + 1 < coordinates.length; i++) {
    const clipped = clipSegment(toPixel(coordinates[i]!), toPixel(coordinates[i + 1]!), grid.width, grid.height);
    if (clipped) traverse(clipped, grid, mark);
  }
  if (coordinates.length === 1) {
    const [px, py] = toPixel(coordinates[0]!);
    mark(Math.floor(px), Math.floor(py));
  }
  return cells;
}

/** Liang–Barsky: the part of segment a→b (pixel units) inside [0, width] × [0, height], or null. */
function clipSegment(
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
  width: number,
  height: number,
): [number, number, number, number] | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0],
    [dx, width - x0],
    [-dy, y0],
    [dy, height - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        t0 = Math.max(t0, r);
      } else {
        if (r < t0) return null;
        t1 = Math.min(t1, r);
      }
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/** Amanatides–Woo grid traversal of a clipped segment (pixel units), marking each cell it enters. */
function traverse(
  [x0, y0, x1, y1]: [number, number, number, number],
  grid: GridFrame,
  mark: (col: number, row: number) => void,
): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const stepX = Math.sign(dx);
  const stepY = Math.sign(dy);
  // A start on the far edge of the grid belongs to the last cell, not to the one beyond.
  let col = Math.min(Math.floor(x0), grid.width - 1);
  let row = Math.min(Math.floor(y0), grid.height - 1);
  const tDeltaX = stepX === 0 ? Infinity : 1 / Math.abs(dx);
  const tDeltaY = stepY === 0 ? Infinity : 1 / Math.abs(dy);
  let tMaxX = stepX > 0 ? (col + 1 - x0) / dx : stepX < 0 ? (x0 - col) / -dx : Infinity;
  let tMaxY = stepY > 0 ? (row + 1 - y0) / dy : stepY < 0 ? (y0 - row) / -dy : Infinity;
  mark(col, row);
  while (Math.min(tMaxX, tMaxY) <= 1) {
    if (Math.abs(tMaxX - tMaxY) < CORNER_EPSILON) {
      mark(col + stepX, row);
      mark(col, row + stepY);
      col += stepX;
      row += stepY;
      tMaxX += tDeltaX;
      tMaxY += tDeltaY;
    } else if (tMaxX < tMaxY) {
      col += stepX;
      tMaxX += tDeltaX;
    } else {
      row += stepY;
      tMaxY += tDeltaY;
    }
    mark(col, row);
  }
}
