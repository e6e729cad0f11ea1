import type { Geometry } from '@shared/schemas/geojson';
import type { Queryable } from '../../platform/db/queryable';

/** A sketch's current geometry as stored, in EPSG:25832: GeoJSON (millimetres) and ISO WKB. */
export interface SketchGeometry25832 {
  geometry: Geometry;
  wkb: Uint8Array;
}

/**
 * The stored EPSG:25832 geometries of the current versions of `ids`, straight from PostGIS (no round trip
 * through degrees), exterior rings counter-clockwise.
 */
export async function sketchGeometries25832(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, SketchGeometry25832>> {
  const { rows } = await db.query<{ id: string; geometry: Geometry; wkb: Buffer }>(
    `SELECT id::text AS id, ST_AsGeoJSON(rfc7946_orient(geom), 3)::json AS geometry,
            ST_AsBinary(rfc7946_orient(geom)) AS wkb
       FROM sketch_current WHERE id = ANY ($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { geometry: r.geometry, wkb: new Uint8Array(r.wkb) }]));
}
