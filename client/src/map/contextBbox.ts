import type { Bbox } from '@shared/schemas/geojson';

/** Metres per degree of latitude (and of longitude at the equator), near enough for framing the camera. */
const METRES_PER_DEGREE = 111_320;

/**
 * A site's bbox widened so that its surroundings stay in view when it is opened (issue #20): half its size again
 * on every side, and at least `minSpanM` metres across each way, about the same centre. A plot then shows with
 * the roads and neighbours around it, not as a rectangle filling the screen.
 */
export function contextBbox(bbox: Bbox, minSpanM = 900): Bbox {
  const [west, south, east, north] = bbox;
  const midLat = (south + north) / 2;
  const metresPerLon = METRES_PER_DEGREE * Math.cos((midLat * Math.PI) / 180);
  const halfWidth = Math.max(east - west, minSpanM / metresPerLon / 2);
  const halfHeight = Math.max(north - south, minSpanM / METRES_PER_DEGREE / 2);
  const midLon = (west + east) / 2;
  return [midLon - halfWidth, midLat - halfHeight, midLon + halfWidth, midLat + halfHeight];
}

/** The smallest bbox holding every bbox given; null for none. */
export function unionBbox(boxes: readonly Bbox[]): Bbox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Bbox>(
    (acc, [w, s, e, n]) => [Math.min(acc[0], w), Math.min(acc[1], s), Math.max(acc[2], e), Math.max(acc[3], n)],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** How near a station or motorway junction must be to join a plot's frame: a walk or a short drive (issue #20). */
export const NEARBY_FRAME_MAX_M = 1500;

/** A point near a plot: its nearest station or motorway junction, with the distance PostGIS measured. */
export interface NearbyPoint {
  lon: number;
  lat: number;
  distanceM: number;
}

/**
 * The frame of an opened plot (issue #20): the plot with its surroundings and, when they are within 1.5 km, its
 * nearest station and motorway junction, so that an investor sees how to get there.
 */
export function plotFrame(bbox: Bbox, nearby: readonly (NearbyPoint | null)[]): Bbox {
  const context = contextBbox(bbox);
  const points = nearby
    .filter((point): point is NearbyPoint => point !== null && point.distanceM <= NEARBY_FRAME_MAX_M)
    .map(({ lon, lat }): Bbox => [lon, lat, lon, lat]);
  return unionBbox([context, ...points]) ?? context;
}
