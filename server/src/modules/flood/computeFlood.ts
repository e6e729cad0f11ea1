import type { Barrier } from './barrier';
import type { ElevationGrid } from './elevationGrid';
import { floodMask } from './floodMask';
import { floodPolygons, type MultiPolygon25832 } from './floodPolygons';

/** One flood level on one grid: what floods, how much, and how long the model took. */
export interface FloodResult {
  /** Still-water level in metres DVR90. */
  level: number;
  /** Flooded land in EPSG:25832 metres. */
  geometry: MultiPolygon25832;
  /** Flooded land in m² (cells × cellSize²). */
  floodedAreaM2: number;
  floodedCells: number;
  /** Wall-clock time of the model run in milliseconds, for logs and the benchmark. */
  millis: number;
}

/**
 * Floods `grid` to `level` (metres DVR90) with the barriers (EPSG:25832) in place, see {@link floodMask}, and
 * outlines the result, see {@link floodPolygons}. The grid is not mutated.
 */
export function computeFlood({
  grid,
  level,
  barriers = [],
}: {
  grid: ElevationGrid;
  level: number;
  barriers?: readonly Barrier[];
}): FloodResult {
  const started = performance.now();
  const mask = floodMask({ grid, level, barriers });
  const { geometry, floodedAreaM2, floodedCells } = floodPolygons({ grid, mask });
  return { level, geometry, floodedAreaM2, floodedCells, millis: performance.now() - started };
}
