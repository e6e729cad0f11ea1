import { outOfRange } from './registerCrs';
import type { RegisterSrid } from './SourceFeature';

export interface CheckedGeometry {
  /** GeoJSON text, 2D, x/y order, for ST_GeomFromGeoJSON. */
  json: string;
  /** 0 points, 1 lines, 2 polygons. */
  dimension: 0 | 1 | 2;
}

type Position = [number, number];

/** A thrown reason: the caller adds the file and feature. */
export class GeometryProblem extends Error {}

const DIMENSION = { Point: 0, MultiPoint: 0, LineString: 1, MultiLineString: 1, Polygon: 2, MultiPolygon: 2 } as const;
type GeometryType = keyof typeof DIMENSION;

/**
 * Checks a GeoJSON-like geometry's structure before the database sees it (so a bad one is named by feature, not
 * found as a failed statement): a known type, finite numbers, lines of two positions or more, closed rings of four
 * or more (both engines accept a two-point "polygon", DESIGN.md), and coordinates plausible for Denmark in `srid`.
 * Heights are dropped. Self-intersections are left to PostGIS (ST_IsValid, ST_MakeValid).
 */
export function checkGeometry(geometry: unknown, srid: RegisterSrid, crsName: string | null): CheckedGeometry {
  if (geometry === null || geometry === undefined) throw new GeometryProblem('has no geometry');
  if (typeof geometry !== 'object') throw new GeometryProblem('geometry is not an object');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(type in DIMENSION)) {
    throw new GeometryProblem(`geometry type ${JSON.stringify(type)?.slice(0, 40)} is not supported`);
  }
  const position = (c: unknown): Position => {
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
      throw new GeometryProblem(`${type}: a position is not [x, y]`);
    }
    const [x, y] = c as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new GeometryProblem(`${type}: a coordinate is not finite`);
    const wrong = outOfRange(x, y, srid, crsName);
    if (wrong) throw new GeometryProblem(wrong);
    return [x, y];
  };
  const list = (c: unknown, what: string): unknown[] => {
    if (!Array.isArray(c)) throw new GeometryProblem(`${type}: ${what} is not an array`);
    return c;
  };
  const line = (c: unknown): Position[] => {
    const positions = list(c, 'a line').map(position);
    if (positions.length < 2) throw new GeometryProblem(`${type}: a line has fewer than 2 positions`);
    return positions;
  };
  const ring = (c: unknown): Position[] => {
    const positions = list(c, 'a ring').map(position);
    if (positions.length < 4) throw new GeometryProblem(`${type}: a ring has fewer than 4 positions`);
    const [first, last] = [positions[0]!, positions[positions.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryProblem(`${type}: a ring is not closed`);
    return positions;
  };
  const polygon = (c: unknown): Position[][] => {
    const rings = list(c, 'a polygon').map(ring);
    if (rings.length === 0) throw new GeometryProblem(`${type}: a polygon has no rings`);
    return rings;
  };
  const nonEmpty = <T>(parts: T[]): T[] => {
    if (parts.length === 0) throw new GeometryProblem(`${type} is empty`);
    return parts;
  };
  const t = type as GeometryType;
  const out =
    t === 'Point'
      ? position(coordinates)
      : t === 'MultiPoint'
        ? nonEmpty(list(coordinates, 'the coordinates').map(position))
        : t === 'LineString'
          ? line(coordinates)
          : t === 'MultiLineString'
            ? nonEmpty(list(coordinates, 'the coordinates').map(line))
            : t === 'Polygon'
              ? polygon(coordinates)
              : nonEmpty(list(coordinates, 'the coordinates').map(polygon));
  return { json: JSON.stringify({ type: t, coordinates: out }), dimension: DIMENSION[t] };
}
