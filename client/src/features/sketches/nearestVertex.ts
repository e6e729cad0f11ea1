import type { Position } from 'geojson';

/** A vertex with where it is on the screen (CSS pixels from the map's top left). */
export interface ScreenVertex {
  x: number;
  y: number;
  /** The vertex itself, EPSG:4326 [lon, lat]. */
  position: Position;
}

/**
 * The vertex nearest to the cursor within `maxDistancePx` (CSS pixels), or null. Ties go to the first in
 * `vertices`, so callers list the vertices they prefer (the sketch's own) first.
 */
export function nearestVertex({
  cursor,
  vertices,
  maxDistancePx,
}: {
  cursor: { x: number; y: number };
  vertices: readonly ScreenVertex[];
  maxDistancePx: number;
}): ScreenVertex | null {
  let best: ScreenVertex | null = null;
  let bestDistance = maxDistancePx;
  for (const vertex of vertices) {
    const distance = Math.hypot(vertex.x - cursor.x, vertex.y - cursor.y);
    if (distance < bestDistance || (distance === bestDistance && best === null)) {
      best = vertex;
      bestDistance = distance;
    }
  }
  return best;
}
