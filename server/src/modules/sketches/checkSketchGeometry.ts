import type { GeometryFault } from '@shared/schemas/sketch';
import { countSelfIntersections } from './countSelfIntersections';

/**
 * Longitude and latitude bounds of Denmark: the area of use of EPSG:25832 for Denmark (degrees, EPSG:4326).
 * Numbers in metres (EPSG:25832 sent as degrees) or swapped lon/lat fall outside it.
 */
export const DENMARK_BOUNDS = { minLon: 7.5, maxLon: 15.7, minLat: 54.4, maxLat: 58.0 } as const;

/** Most positions one sketch may have (issue #6): far above a hand-drawn shape, far below a body-limit DoS. */
export const MAX_SKETCH_POSITIONS = 50_000;

/**
 * Most polygon rings (shells and holes, over all parts) one geometry may have (issue #19): every ring is a
 * separate GEOS structure, and no sketch of a plan area has anywhere near this many.
 */
export const MAX_SKETCH_RINGS = 1000;

/**
 * Most crossings or contacts of a polygon's rings that are sent on to PostGIS (issue #19). ST_MakeValid's cost
 * grows with them far faster than with corners: 1,000 of them took 0.3 s, 4,500 took 2.9 s. A hand-drawn
 * bow-tie or a mis-ordered corner has a few; past this, the geometry is refused with the count (422).
 */
export const MAX_SELF_INTERSECTIONS = 100;

/**
 * Most positions a visitor's geometry may have (issue #19). Visitors only check shapes (validation, constraints);
 * an overlay's cost grows with the corners (a 20,000-corner disc over Køge took 1.2 s of a core), and a hand-drawn
 * outline has tens. Logged-in planners get {@link MAX_SKETCH_POSITIONS}.
 */
export const MAX_VISITOR_POSITIONS = 2000;

/** Pairs of segments with overlapping boxes that the crossing count may test (about 50 ms of work). */
export const MAX_SEGMENT_PAIR_TESTS = 2_000_000;

export const SKETCH_GEOMETRY_TYPES = [
  'Polygon',
  'MultiPolygon',
  'LineString',
  'MultiLineString',
  'Point',
  'MultiPoint',
] as const;

type Position = [number, number] | [number, number, number];

export type SketchGeometryType = (typeof SKETCH_GEOMETRY_TYPES)[number];

/** A GeoJSON geometry of an accepted type (its coordinates checked by {@link checkSketchGeometry}). */
export interface SketchGeometry {
  type: SketchGeometryType;
  coordinates: unknown[];
}

/**
 * The result of the checks that need no database:
 * - `malformed`: not a GeoJSON geometry we accept (wrong type, nesting or position); a plain 400 naming geometry;
 * - `fault`: a well-formed geometry that cannot be a sketch (too few points, outside Denmark, an unclosed ring);
 *   `closed` is the same geometry with its rings closed, when closing them is the whole repair;
 * - `ok`: well-formed, to be checked by PostGIS (self-intersection and the like).
 */
export type SketchGeometryShape =
  | { kind: 'ok'; geometry: SketchGeometry; positions: number }
  | { kind: 'malformed'; reason: string }
  | { kind: 'fault'; fault: GeometryFault; closed?: SketchGeometry }
  | { kind: 'too_complex'; complexity: GeometryComplexity };

/**
 * Why a geometry is too costly to be checked or repaired (422): what was counted, how many (at least, when
 * counting stopped early) and the limit.
 */
export interface GeometryComplexity {
  measure: 'positions' | 'rings' | 'self_intersections' | 'segment_pairs';
  count: number;
  limit: number;
  reason: string;
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  (value.length === 2 || value.length === 3) &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Nesting depth of each type's coordinates: 0 = a position, 1 = a list of positions, … */
const DEPTH: Record<SketchGeometryType, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

class Malformed extends Error {}

/** Checks the nesting and every position; counts positions, stopping early past the maximum. */
function countPositions(value: unknown, depth: number, path: string, count: { n: number }): void {
  if (depth === 0) {
    if (!isPosition(value)) throw new Malformed(`${path} must be a position: [lon, lat] of finite numbers`);
    count.n += 1;
    if (count.n > MAX_SKETCH_POSITIONS) throw new Malformed(`has more than ${MAX_SKETCH_POSITIONS} positions`);
    return;
  }
  if (!Array.isArray(value)) throw new Malformed(`${path} must be an array`);
  value.forEach((item, i) => countPositions(item, depth - 1, `${path}[${i}]`, count));
}

const key = (p: Position) => `${p[0]},${p[1]}`;
const distinct = (positions: Position[]) => new Set(positions.map(key)).size;
const lonLat = (p: Position): [number, number] => [p[0], p[1]];

function tooFewPoints(location: Position | undefined, what: string): SketchGeometryShape {
  return {
    kind: 'fault',
    fault: {
      reason: `too few points: ${what}`,
      location: location ? lonLat(location) : null,
      repairable: false,
      repaired: null,
    },
  };
}

/** The first fault of point counts: rings need 3 distinct corners, lines 2 distinct, multis a part. */
function countFault(geometry: SketchGeometry): SketchGeometryShape | null {
  const c = geometry.coordinates as unknown;
  const rings = (polygon: Position[][], where: string): SketchGeometryShape | null => {
    if (polygon.length === 0) return tooFewPoints(undefined, `${where} has no ring`);
    for (const [i, ring] of polygon.entries()) {
      // A closed ring with 3 distinct corners has 4 positions; an unclosed one is caught (and closed) later.
      if (distinct(ring) < 3) {
        return tooFewPoints(ring[0], `${where} ring ${i} needs at least 3 distinct corners (4 positions, closed)`);
      }
    }
    return null;
  };
  const line = (positions: Position[], where: string) =>
    distinct(positions) < 2 ? tooFewPoints(positions[0], `${where} needs at least 2 distinct positions`) : null;
  const parts = <T>(list: T[], what: string, check: (part: T, where: string) => SketchGeometryShape | null) => {
    if (list.length === 0) return tooFewPoints(undefined, `${what} has no parts`);
    for (const [i, part] of list.entries()) {
      const fault = check(part, `${what} part ${i}`);
      if (fault) return fault;
    }
    return null;
  };
  switch (geometry.type) {
    case 'Point':
      return null;
    case 'MultiPoint':
      return (c as Position[]).length === 0 ? tooFewPoints(undefined, 'MultiPoint has no points') : null;
    case 'LineString':
      return line(c as Position[], 'LineString');
    case 'MultiLineString':
      return parts(c as Position[][], 'MultiLineString', line);
    case 'Polygon':
      return rings(c as Position[][], 'Polygon');
    case 'MultiPolygon':
      return parts(c as Position[][][], 'MultiPolygon', rings);
  }
}

function* positionsOf(value: unknown): Generator<Position> {
  if (isPosition(value)) yield value;
  else if (Array.isArray(value)) for (const item of value) yield* positionsOf(item);
}

/** The first position outside Denmark, if any. */
export function firstOutsideDenmark(geometry: SketchGeometry): [number, number] | null {
  for (const p of positionsOf(geometry.coordinates)) {
    const [lon, lat] = p;
    if (
      lon < DENMARK_BOUNDS.minLon ||
      lon > DENMARK_BOUNDS.maxLon ||
      lat < DENMARK_BOUNDS.minLat ||
      lat > DENMARK_BOUNDS.maxLat
    ) {
      return lonLat(p);
    }
  }
  return null;
}

const sameXY = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The polygon rings of a geometry (none for points and lines). */
const ringsOf = (geometry: SketchGeometry): Position[][] =>
  geometry.type === 'Polygon'
    ? (geometry.coordinates as Position[][])
    : geometry.type === 'MultiPolygon'
      ? (geometry.coordinates as Position[][][]).flat()
      : [];

/** The geometry with every unclosed ring closed by repeating its first position (a new object). */
function closeRings(geometry: SketchGeometry): SketchGeometry {
  const close = (ring: Position[]) => (sameXY(ring[0]!, ring.at(-1)!) ? ring : [...ring, ring[0]!]);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (geometry.coordinates as Position[][]).map(close) };
  }
  return {
    type: 'MultiPolygon',
    coordinates: (geometry.coordinates as Position[][][]).map((polygon) => polygon.map(close)),
  };
}

/** Refuses rings and crossings past their limits before PostGIS sees them (issue #19); null when within. */
export function complexityOf(geometry: SketchGeometry): GeometryComplexity | null {
  const rings = ringsOf(geometry);
  if (rings.length > MAX_SKETCH_RINGS) {
    return {
      measure: 'rings',
      count: rings.length,
      limit: MAX_SKETCH_RINGS,
      reason: `has ${rings.length} polygon rings; at most ${MAX_SKETCH_RINGS} are accepted`,
    };
  }
  const found = countSelfIntersections(rings, { limit: MAX_SELF_INTERSECTIONS, maxPairTests: MAX_SEGMENT_PAIR_TESTS });
  if (found.tooDense) {
    return {
      measure: 'segment_pairs',
      count: MAX_SEGMENT_PAIR_TESTS,
      limit: MAX_SEGMENT_PAIR_TESTS,
      reason: `too complex to check: more than ${MAX_SEGMENT_PAIR_TESTS} pairs of its edges lie close together`,
    };
  }
  if (found.count > MAX_SELF_INTERSECTIONS) {
    return {
      measure: 'self_intersections',
      count: found.count,
      limit: MAX_SELF_INTERSECTIONS,
      reason:
        `crosses or touches itself at least ${found.count} times; at most ${MAX_SELF_INTERSECTIONS} ` +
        'self-intersections are checked or repaired: redraw the outline',
    };
  }
  return null;
}

/**
 * Checks a sketch geometry (RFC 7946, EPSG:4326) as far as it can be without PostGIS: allowed type, nesting and
 * positions, at most {@link MAX_SKETCH_POSITIONS} positions, enough points, every position inside
 * {@link DENMARK_BOUNDS}, closed rings, and a cost PostGIS can bear ({@link complexityOf}). Pure: never changes
 * its input.
 */
export function checkSketchGeometry(
  value: unknown,
  { maxPositions = MAX_SKETCH_POSITIONS }: { maxPositions?: number } = {},
): SketchGeometryShape {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'malformed', reason: 'must be a GeoJSON geometry object' };
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(SKETCH_GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return { kind: 'malformed', reason: `type must be one of ${SKETCH_GEOMETRY_TYPES.join(', ')}` };
  }
  const geometry = { type, coordinates } as SketchGeometry;
  const count = { n: 0 };
  try {
    countPositions(coordinates, DEPTH[geometry.type], 'coordinates', count);
  } catch (err) {
    if (err instanceof Malformed) return { kind: 'malformed', reason: err.message };
    throw err;
  }
  if (count.n > maxPositions) {
    return {
      kind: 'too_complex',
      complexity: {
        measure: 'positions',
        count: count.n,
        limit: maxPositions,
        reason: `has ${count.n} positions; a visitor may check at most ${maxPositions} (a planner ${MAX_SKETCH_POSITIONS})`,
      },
    };
  }
  const fewPoints = countFault(geometry);
  if (fewPoints) return fewPoints;
  const outside = firstOutsideDenmark(geometry);
  if (outside) {
    return {
      kind: 'fault',
      fault: {
        reason: `outside Denmark: [${outside.join(', ')}] is not a longitude/latitude in Denmark (EPSG:4326)`,
        location: outside,
        repairable: false,
        repaired: null,
      },
    };
  }
  const unclosed = ringsOf(geometry).find((ring) => !sameXY(ring[0]!, ring.at(-1)!));
  const closed = unclosed ? closeRings(geometry) : geometry;
  const complexity = complexityOf(closed);
  if (complexity) return { kind: 'too_complex', complexity };
  if (unclosed) {
    return {
      kind: 'fault',
      fault: {
        reason: 'unclosed ring: a polygon ring must end at its first position',
        location: lonLat(unclosed.at(-1)!),
        repairable: true,
        repaired: null,
      },
      closed,
    };
  }
  return { kind: 'ok', geometry, positions: count.n };
}
