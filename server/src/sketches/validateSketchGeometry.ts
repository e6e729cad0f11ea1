import type { Geometry } from '../schemas/geojson';
import type { GeometryFault } from '../schemas/sketch';
import type { Queryable } from '../repositories/queryable';
import {
  checkSketchGeometry,
  MAX_VISITOR_POSITIONS,
  type GeometryComplexity,
  type SketchGeometry,
} from './checkSketchGeometry';

/** A geometry that may be stored as a sketch: valid, not empty, 2D, in EPSG:25832. */
export interface ValidSketchGeometry {
  /** Hex EWKB in EPSG:25832: exactly what was checked, and what is stored (`$n::geometry`). */
  ewkb25832: string;
  /** The same geometry in EPSG:4326 (RFC 7946 ring order, 7 decimals). */
  geometry: Geometry;
  /** 0 points, 1 lines, 2 polygons. */
  dimension: 0 | 1 | 2;
  /** m² in EPSG:25832; null unless a polygon. */
  area_m2: number | null;
  /** metres in EPSG:25832; null unless a polygon. */
  perimeter_m: number | null;
  /** metres in EPSG:25832; null unless a line. */
  length_m: number | null;
  /** True when this is ST_MakeValid's repair of the geometry sent (only when the caller asked for repair). */
  repaired: boolean;
}

/**
 * Why a geometry cannot be stored. `malformed` marks a fault of form (wrong type, nesting or position), which
 * the API answers with a plain 400 naming `geometry`; `complexity` one too costly to check (422); the others
 * carry PostGIS's reason and location.
 */
export type SketchGeometryValidation =
  | { ok: true; geom: ValidSketchGeometry }
  | { ok: false; fault: GeometryFault; malformed: boolean; complexity?: undefined }
  | { ok: false; complexity: GeometryComplexity; fault?: undefined; malformed?: undefined };

interface Examined {
  valid: boolean;
  reason: string | null;
  location: { coordinates: [number, number] } | null;
  empty: boolean;
  dimension: 0 | 1 | 2;
  ewkb: string;
  geometry: Geometry;
  area_m2: number | null;
  perimeter_m: number | null;
  length_m: number | null;
}

const MEASURES = (g: string) => `
  ST_Dimension(${g}) AS dimension,
  CASE WHEN ST_Dimension(${g}) = 2 THEN ST_Area(${g}) END AS area_m2,
  CASE WHEN ST_Dimension(${g}) = 2 THEN ST_Perimeter(${g}) END AS perimeter_m,
  CASE WHEN ST_Dimension(${g}) = 1 THEN ST_Length(${g}) END AS length_m,
  ST_AsGeoJSON(rfc7946_orient(ST_Transform(${g}, 4326)), 7)::json AS geometry,
  encode(ST_AsEWKB(${g}), 'hex') AS ewkb`;

/**
 * One statement, one row. PGlite answers a GEOS failure with no rows at all (DESIGN.md), so a missing row is an
 * error, never "valid". ST_IsValidDetail runs on the EPSG:25832 geometry, the one stored and checked by the
 * table's CHECK; its location is given back in EPSG:4326.
 */
async function examine(db: Queryable, geometry: SketchGeometry): Promise<Examined> {
  const { rows } = await db.query<Examined>(
    `WITH g AS MATERIALIZED (
            SELECT ST_Force2D(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 25832)) AS geom),
          d AS MATERIALIZED (SELECT geom, ST_IsValidDetail(geom) AS v FROM g)
     SELECT coalesce((v).valid, false) AS valid, (v).reason AS reason,
            CASE WHEN (v).location IS NOT NULL
                 THEN ST_AsGeoJSON(ST_Transform(ST_SetSRID((v).location, 25832), 4326), 7)::json END AS location,
            ST_IsEmpty(geom) AS empty, ${MEASURES('geom')}
       FROM d`,
    [JSON.stringify(geometry)],
  );
  const row = rows[0];
  if (!row) throw new Error('geometry check returned no row');
  return row;
}

interface Repair {
  usable: boolean;
  dimension: 0 | 1 | 2;
  ewkb: string;
  geometry: Geometry;
  area_m2: number | null;
  perimeter_m: number | null;
  length_m: number | null;
}

/**
 * ST_MakeValid's result, keeping only the parts of the input's dimension (a polygon stays a polygon). The CTE is
 * MATERIALIZED: inlined, PostgreSQL would repair the geometry once for every measure read from it, eleven
 * times (issue #19).
 */
async function makeValid(db: Queryable, invalid: Examined): Promise<Repair | null> {
  const { rows } = await db.query<Repair>(
    `WITH r AS MATERIALIZED (SELECT ST_CollectionExtract(ST_MakeValid($1::geometry), $2::int) AS geom)
     SELECT NOT ST_IsEmpty(geom) AND ST_IsValid(geom) AS usable, ${MEASURES('geom')} FROM r`,
    [invalid.ewkb, invalid.dimension + 1],
  );
  const row = rows[0];
  if (!row) throw new Error('geometry repair returned no row');
  return row.usable ? row : null;
}

const asValid = (e: Omit<Examined, 'valid' | 'reason' | 'location' | 'empty'>, repaired: boolean) => ({
  ok: true as const,
  geom: {
    ewkb25832: e.ewkb,
    geometry: e.geometry,
    dimension: e.dimension,
    area_m2: e.area_m2,
    perimeter_m: e.perimeter_m,
    length_m: e.length_m,
    repaired,
  },
});

/**
 * Checks a sketch geometry sent as GeoJSON (EPSG:4326): first without the database (type, nesting, point counts,
 * Denmark, closed rings, rings and self-intersections within their limits), then with PostGIS (ST_IsValidDetail:
 * self-intersection and the like). With `repair: true`, an invalid but repairable geometry is replaced by
 * ST_MakeValid's result of the same dimension (an unclosed ring is closed first). The repair is worked out only
 * when `offerRepair` is true (a logged-in user, issue #19); otherwise a fault says neither whether it can be
 * repaired nor how (`repairable: null`), and at most {@link MAX_VISITOR_POSITIONS} positions are checked. Writes
 * nothing.
 */
export async function validateSketchGeometry(
  db: Queryable,
  value: unknown,
  options: { repair?: boolean; offerRepair: boolean },
): Promise<SketchGeometryValidation> {
  const shape = checkSketchGeometry(value, options.offerRepair ? {} : { maxPositions: MAX_VISITOR_POSITIONS });
  if (shape.kind === 'too_complex') return { ok: false, complexity: shape.complexity };
  if (shape.kind === 'malformed') {
    return {
      ok: false,
      malformed: true,
      fault: { reason: shape.reason, location: null, repairable: false, repaired: null },
    };
  }
  if (shape.kind === 'fault' && !shape.closed) return { ok: false, malformed: false, fault: shape.fault };
  const examined = await examine(db, shape.kind === 'ok' ? shape.geometry : shape.closed!);
  if (examined.empty) {
    const fault = { reason: 'empty geometry', location: null, repairable: false, repaired: null };
    return { ok: false, malformed: false, fault };
  }
  if (shape.kind === 'ok' && examined.valid) return asValid(examined, false);
  // Invalid as sent: either an unclosed ring (whose closed form may be valid) or PostGIS found a fault.
  const repair = !options.offerRepair ? undefined : examined.valid ? examined : await makeValid(db, examined);
  if (repair && options.repair) return asValid(repair, true);
  const offered = {
    repairable: repair === undefined ? null : repair !== null,
    repaired: repair?.geometry ?? null,
  };
  const fault: GeometryFault =
    shape.kind === 'fault'
      ? { ...shape.fault, ...offered }
      : {
          reason: examined.reason ?? 'invalid geometry',
          location: examined.location?.coordinates ?? null,
          ...offered,
        };
  return { ok: false, malformed: false, fault };
}
