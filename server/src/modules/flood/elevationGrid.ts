import type { ACCURACIES } from '@shared/schemas/vocabulary';

/** How far a grid can be trusted; the same four levels every seed feature carries (data/README.md). */
export type ElevationAccuracy = (typeof ACCURACIES)[number];

/** The placement of a north-up raster in EPSG:25832: enough to turn cells into coordinates and back. */
export interface GridFrame {
  /** Columns, west to east. */
  readonly width: number;
  /** Rows, north to south. */
  readonly height: number;
  /** Easting of the grid's north-west corner (not a cell centre), EPSG:25832 metres. */
  readonly originX: number;
  /** Northing of the grid's north-west corner, EPSG:25832 metres. */
  readonly originY: number;
  /** Side of a square cell in metres. */
  readonly cellSize: number;
}

/** A terrain model: ground heights on a square north-up grid in EPSG:25832. */
export interface ElevationGrid extends GridFrame {
  /** Row-major, row 0 = north; metres DVR90; NaN = no data. Length width × height. */
  readonly values: Float32Array;
  /** Where the heights come from, for the map's attribution and the flood panel. */
  readonly source: string;
  readonly accuracy: ElevationAccuracy;
}

/** A cell of a grid: its column, row and index into `values` (row × width + col). */
export interface GridCell {
  col: number;
  row: number;
  index: number;
}

/** The centre of cell (col, row) as [easting, northing] in EPSG:25832 metres. */
export function cellCentre({ grid, col, row }: { grid: GridFrame; col: number; row: number }): [number, number] {
  return [grid.originX + (col + 0.5) * grid.cellSize, grid.originY - (row + 0.5) * grid.cellSize];
}

/**
 * The cell containing the EPSG:25832 point (x, y) in metres, or null outside the grid.
 * A point on a shared edge belongs to the cell east of it / south of it.
 */
export function cellAt({ grid, x, y }: { grid: GridFrame; x: number; y: number }): GridCell | null {
  const col = Math.floor((x - grid.originX) / grid.cellSize);
  const row = Math.floor((grid.originY - y) / grid.cellSize);
  if (!(col >= 0 && col < grid.width && row >= 0 && row < grid.height)) return null;
  return { col, row, index: row * grid.width + col };
}
