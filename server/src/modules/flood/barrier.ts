import type { ElevationGrid } from './elevationGrid';
import { supercoverCells } from './supercoverCells';

/** A flood barrier (a dike, a wall, a raised road) drawn as a line. */
export interface Barrier {
  /** A GeoJSON LineString's positions, [easting, northing] in EPSG:25832 metres; at least two. */
  readonly coordinates: readonly (readonly [number, number])[];
  /** Crest height in metres DVR90. */
  readonly crestLevel: number;
}

/**
 * The grid's heights with the barriers burnt in: every cell a barrier touches (supercover) gets
 * max(ground, crest); a no-data cell under a barrier gets the crest. Returns a new array (metres DVR90);
 * the grid is not mutated. Throws a RangeError for a barrier with fewer than two positions or a non-finite crest.
 */
export function barrierElevations({
  grid,
  barriers,
}: {
  grid: ElevationGrid;
  barriers: readonly Barrier[];
}): Float32Array {
  const values = Float32Array.from(grid.values);
  for (const [i, barrier] of barriers.entries()) {
    if (barrier.coordinates.length < 2) {
      throw new RangeError(`barrier ${i}: a line needs at least two positions, got ${barrier.coordinates.length}`);
    }
    if (!Number.isFinite(barrier.crestLevel)) {
      throw new RangeError(`barrier ${i}: crestLevel must be a finite height in metres DVR90`);
    }
    for (const index of supercoverCells({ grid, coordinates: barrier.coordinates })) {
      const ground = values[index]!;
      if (Number.isNaN(ground) || ground < barrier.crestLevel) values[index] = barrier.crestLevel;
    }
  }
  return values;
}
