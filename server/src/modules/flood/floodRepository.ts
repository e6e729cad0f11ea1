import { NATURE_LAYERS } from '../constraints';
import type { AffectedSite } from '@shared/schemas/flood';
import type { Geometry } from '@shared/schemas/geojson';
import type { Queryable } from '../../platform/db/queryable';

/** One stored flood extent: a water level (cm DVR90) and dike state on one elevation model. */
export interface FloodExtentKey {
  /** Hash of the elevation model and barriers the extent was computed from. */
  model: string;
  levelCm: number;
  dike: boolean;
}

/** The dike the model burns into the grid, from the database (lines in EPSG:25832, crest in metres DVR90). */
export const DIKE_LAYER = 'koege-dige';

/** Layers that are context, not things a flood puts at risk. */
// Nature areas flood by nature; the planner's constraint check lists them, the council's risk list does not.
// Boundaries, postcodes and the points where names are written are the map, not places at risk (issue #16).
const NOT_AT_RISK_LAYERS = [
  'municipality',
  'neighbours',
  'sea',
  'postal-districts',
  'place-names',
  'municipality-names',
  DIKE_LAYER,
  ...NATURE_LAYERS,
];

/** A flooded part smaller than this (m²) is a shared edge of two outlines, not a flood. */
export const FLOOD_OVERLAP_MIN_M2 = 1;

/** The dike sections as lines in EPSG:25832 with their design crest (metres DVR90, attributes.design_level_m). */
export async function dikeLines(
  db: Queryable,
): Promise<{ id: string; coordinates: [number, number][]; crestLevel: number | null }[]> {
  const { rows } = await db.query<{
    id: string;
    geometry: { type: string; coordinates: unknown };
    crest: number | null;
  }>(
    `SELECT id, ST_AsGeoJSON(geom, 3)::json AS geometry, (attributes ->> 'design_level_m')::float8 AS crest
       FROM site WHERE layer_id = $1 ORDER BY id`,
    [DIKE_LAYER],
  );
  return rows.flatMap((row) => {
    const lines =
      row.geometry.type === 'LineString'
        ? [row.geometry.coordinates as [number, number][]]
        : row.geometry.type === 'MultiLineString'
          ? (row.geometry.coordinates as [number, number][][])
          : [];
    return lines.map((coordinates) => ({ id: row.id, coordinates, crestLevel: row.crest }));
  });
}

/** The stored extent's flooded area (m²), or null when it has not been computed for this model yet. */
export async function findFloodExtent(db: Queryable, key: FloodExtentKey): Promise<{ floodedAreaM2: number } | null> {
  const { rows } = await db.query<{ flooded_area_m2: number }>(
    'SELECT flooded_area_m2 FROM flood_extent WHERE model = $1 AND level_cm = $2 AND dike = $3',
    [key.model, key.levelCm, key.dike],
  );
  return rows[0] ? { floodedAreaM2: rows[0].flooded_area_m2 } : null;
}

/**
 * Stores a computed extent (GeoJSON MultiPolygon in EPSG:25832). Rings that touch themselves at a corner are
 * made valid first, so every later overlay (ST_Intersection) works. A concurrent insert of the same key wins
 * quietly: both computed the same thing.
 */
export async function insertFloodExtent(
  db: Queryable,
  key: FloodExtentKey & { geometry25832: object; floodedAreaM2: number },
): Promise<void> {
  await db.query(
    `INSERT INTO flood_extent (model, level_cm, dike, geom, flooded_area_m2)
     VALUES ($1, $2, $3,
             ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($4::text), 25832)), 3)), $5)
     ON CONFLICT (model, level_cm, dike) DO NOTHING`,
    [key.model, key.levelCm, key.dike, JSON.stringify(key.geometry25832), key.floodedAreaM2],
  );
}

/** The extent as GeoJSON in EPSG:4326 (RFC 7946 ring order), 6 decimals (about 0.1 m). */
export async function floodExtentGeometry(db: Queryable, key: FloodExtentKey): Promise<Geometry | null> {
  const { rows } = await db.query<{ geometry: Geometry }>(
    `SELECT ST_AsGeoJSON(rfc7946_orient(ST_Transform(geom, 4326)), 6)::json AS geometry
       FROM flood_extent WHERE model = $1 AND level_cm = $2 AND dike = $3`,
    [key.model, key.levelCm, key.dike],
  );
  return rows[0]?.geometry ?? null;
}

/** Every site at risk that the extent reaches, the most flooded first (by share of the site). */
export async function sitesInFloodExtent(db: Queryable, key: FloodExtentKey): Promise<AffectedSite[]> {
  const { rows } = await db.query<AffectedSite>(
    `SELECT * FROM (
       SELECT s.id, s.name, s.layer_id AS layer, s.kind, t.status AS tender_status,
              CASE WHEN ST_Dimension(s.geom) = 2 THEN ST_Area(ST_Intersection(s.geom, f.geom)) END AS flooded_area_m2,
              s.area_m2,
              CASE WHEN ST_Dimension(s.geom) = 1 THEN ST_Length(ST_Intersection(s.geom, f.geom)) END AS flooded_length_m,
              s.length_m, s.accuracy
         FROM flood_extent f
         JOIN site s ON ST_Intersects(s.geom, f.geom)
         LEFT JOIN tender t ON t.site_id = s.id
        WHERE f.model = $1 AND f.level_cm = $2 AND f.dike = $3 AND s.layer_id <> ALL ($4)
     ) a
     WHERE coalesce(flooded_area_m2, $5) >= $5 AND coalesce(flooded_length_m, 1) > 0
     ORDER BY coalesce(flooded_area_m2 / nullif(area_m2, 0), flooded_length_m / nullif(length_m, 0), 1) DESC, id`,
    [key.model, key.levelCm, key.dike, NOT_AT_RISK_LAYERS, FLOOD_OVERLAP_MIN_M2],
  );
  return rows;
}

/** How much of one site each extent of a model floods (m² for polygons, metres for lines, 0 or 1 for points). */
export async function siteFloodExposure(
  db: Queryable,
  { siteId, model, extents }: { siteId: string; model: string; extents: { levelCm: number; dike: boolean }[] },
): Promise<{ levelCm: number; dike: boolean; flooded: number }[]> {
  const { rows } = await db.query<{ level_cm: number; dike: boolean; flooded: number }>(
    `SELECT k.level_cm, k.dike,
            coalesce((SELECT CASE ST_Dimension(s.geom)
                               WHEN 2 THEN ST_Area(ST_Intersection(s.geom, f.geom))
                               WHEN 1 THEN ST_Length(ST_Intersection(s.geom, f.geom))
                               ELSE 1 END
                        FROM flood_extent f
                       WHERE f.model = $2 AND f.level_cm = k.level_cm AND f.dike = k.dike
                         AND ST_Intersects(s.geom, f.geom)), 0)::float8 AS flooded
       FROM site s, unnest($3::int[], $4::bool[]) WITH ORDINALITY AS k (level_cm, dike, n)
      WHERE s.id = $1
      ORDER BY k.n`,
    [siteId, model, extents.map((k) => k.levelCm), extents.map((k) => k.dike)],
  );
  return rows.map((r) => ({ levelCm: r.level_cm, dike: r.dike, flooded: r.flooded }));
}
