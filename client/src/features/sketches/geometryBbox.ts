import type { Geometry, Position } from 'geojson';
import { geometryVertices } from './geometryVertices';
import type { Bbox } from '@shared/schemas/geojson';

/**
 * The bbox [west, south, east, north] of a GeoJSON geometry in EPSG:4326 degrees, for fitting the map to a sketch;
 * null for a geometry without positions. Does not mutate its input.
 */
export function geometryBbox(geometry: Geometry): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: Position) => {
    const [lon, lat] = position;
    if (lon === undefined || lat === undefined) return;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const position of geometryVertices(geometry)) visit(position);
  return west <= east && south <= north ? [west, south, east, north] : null;
}
