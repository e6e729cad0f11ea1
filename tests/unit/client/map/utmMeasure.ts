import type { Position } from 'geojson';
import { toUtm32 } from '../../../../client/src/map/toUtm32';

/** Planar area (m²) of a ring in EPSG:25832, as PostGIS's ST_Area computes it there: the reference. */
export function utmRingArea(ring: readonly Position[]): number {
  const points = ring.map(([lon, lat]) => toUtm32({ lon: lon!, lat: lat! }));
  let twice = 0;
  for (let i = 0; i + 1 < points.length; i += 1) {
    twice += points[i]!.easting * points[i + 1]!.northing - points[i + 1]!.easting * points[i]!.northing;
  }
  return Math.abs(twice) / 2;
}

/** Planar length (m) of a line or ring in EPSG:25832. */
export function utmLength(line: readonly Position[]): number {
  const points = line.map(([lon, lat]) => toUtm32({ lon: lon!, lat: lat! }));
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i += 1) {
    sum += Math.hypot(points[i + 1]!.easting - points[i]!.easting, points[i + 1]!.northing - points[i]!.northing);
  }
  return sum;
}
