import type { Geometry, Position } from 'geojson';

/**
 * Every vertex of a geometry once: a ring's closing position, which repeats its first, is left out.
 * Positions are returned as they are (not copied).
 */
export function geometryVertices(geometry: Geometry): Position[] {
  const openRing = (ring: Position[]) => ring.slice(0, -1);
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'Polygon':
      return geometry.coordinates.flatMap(openRing);
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.flatMap(openRing));
    case 'GeometryCollection':
      return geometry.geometries.flatMap(geometryVertices);
  }
}
