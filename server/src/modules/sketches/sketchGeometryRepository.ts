import type { Geometry } from '@shared/schemas/geojson';
import type { Queryable } from '../../platform/db/queryable';
import type { SketchGeometry } from './checkSketchGeometry';

// The SQL of a sketch geometry's check and repair (issue #6, #19); validateSketchGeometry.ts decides what they mean.

/** What PostGIS says of a geometry sent: validity, the reason and place of a fault, and its measures. */
export interface ExaminedGeometry {
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
export async function examine(db: Queryable, geometry: SketchGeometry): Promise<ExaminedGeometry> {
  const { rows } = await db.query<ExaminedGeometry>(
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

/** ST_MakeValid's repair of a geometry, with its measures. */
export interface RepairedGeometry {
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
export async function makeValid(db: Queryable, invalid: ExaminedGeometry): Promise<RepairedGeometry | null> {
  const { rows } = await db.query<RepairedGeometry>(
    `WITH r AS MATERIALIZED (SELECT ST_CollectionExtract(ST_MakeValid($1::geometry), $2::int) AS geom)
     SELECT NOT ST_IsEmpty(geom) AND ST_IsValid(geom) AS usable, ${MEASURES('geom')} FROM r`,
    [invalid.ewkb, invalid.dimension + 1],
  );
  const row = rows[0];
  if (!row) throw new Error('geometry repair returned no row');
  return row.usable ? row : null;
}
