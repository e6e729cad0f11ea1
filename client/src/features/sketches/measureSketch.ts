import { area } from '@turf/area';
import { length } from '@turf/length';
import type { Geometry, Position } from 'geojson';
import { toParts } from './draftParts';
import { ellipsoidAreaFactor, ellipsoidLengthFactor } from './ellipsoidScale';

/** A sketch's size as the panel shows it: the same fields, units and nulls as the API's (metres, m²). */
export interface SketchMeasure {
  /** m², polygons only. */
  area_m2: number | null;
  /** m, the length of every ring, polygons only. */
  perimeter_m: number | null;
  /** m, lines only. */
  length_m: number | null;
}

/** The middle of the geometry's latitude range, in degrees; null without a position. */
function middleLatitude(positions: readonly Position[]): number | null {
  let south = Infinity;
  let north = -Infinity;
  for (const position of positions) {
    const lat = position[1]!;
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return Number.isFinite(south) ? (south + north) / 2 : null;
}

/** Metres along the geometry's lines (for polygons: their rings), on turf's sphere. */
function sphereLengthM(geometry: Geometry): number {
  return length({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }) * 1000;
}

/**
 * Measures a sketch while it is drawn (EPSG:4326 in): area and perimeter of polygons, length of lines, as the
 * API stores them (PostGIS in EPSG:25832). Turf measures geodesically on a sphere; the result is scaled to the
 * GRS80 ellipsoid (see ellipsoidScale.ts) so that it stays within 0.5 % of PostGIS's EPSG:25832 figures
 * anywhere in Denmark (tests/api/sketches/sketchMeasure.test.ts). Points, and a mix of dimensions, measure null; so does
 * no geometry at all.
 */
export function measureSketch({ geometry }: { geometry: Geometry | null }): SketchMeasure | null {
  const parts = toParts(geometry);
  if (geometry === null || parts.length === 0) return null;
  const none: SketchMeasure = { area_m2: null, perimeter_m: null, length_m: null };
  const lat = middleLatitude(
    parts.flatMap((part) =>
      part.type === 'Point'
        ? [part.coordinates]
        : part.type === 'LineString'
          ? part.coordinates
          : part.coordinates.flat(),
    ),
  );
  if (lat === null) return none;
  const lengthFactor = ellipsoidLengthFactor({ lat });
  if (parts.every((part) => part.type === 'Polygon')) {
    return {
      area_m2: area(geometry) * ellipsoidAreaFactor({ lat }),
      perimeter_m: sphereLengthM(geometry) * lengthFactor,
      length_m: null,
    };
  }
  if (parts.every((part) => part.type === 'LineString')) {
    return { area_m2: null, perimeter_m: null, length_m: sphereLengthM(geometry) * lengthFactor };
  }
  return none;
}
