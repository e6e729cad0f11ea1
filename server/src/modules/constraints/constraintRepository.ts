import type { Geometry } from '@shared/schemas/geojson';
import type { ConstraintItem, ConstraintKind, ConstraintReport } from '@shared/schemas/sketch';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import { DIKE_LAYER, FloodService } from '../flood';
import { NATURE_LAYERS } from './natureLayers';
import type { Queryable } from '../../platform/db/queryable';

/** Themes whose polygon sites (plots, plan areas, energy zones) a sketch is checked against. */
export const SITE_THEMES = ['erhverv', 'energi'] as const;

/** Setback each side of the dike (metres): illustrative, no such line is adopted (issue #6). */
export const DIKE_BUFFER_M = 50;

/**
 * Overlaps smaller than this (m² for polygons, metres for lines) are float noise along shared edges, not
 * overlaps: "only items with overlap > 0" in the contract of issue #6.
 */
const MIN_OVERLAP = 0.01;

const KIND_ORDER: Record<ConstraintKind, number> = { flood: 0, dike_buffer: 1, nature: 2, site: 3, sketch: 4 };

interface HitRow {
  kind: ConstraintKind;
  ref: string;
  name: string;
  layer_id: string | null;
  accuracy: string;
  level_cm: number | null;
  dike: boolean | null;
  overlap: number;
  geometry: Geometry;
}

interface ReportRow {
  dimension: 0 | 1 | 2;
  size: number;
  hits: HitRow[];
}

const floodRef = (levelCm: number, dike: boolean) =>
  `flood-${(levelCm / 100).toFixed(2)}-${dike ? 'with' : 'without'}_dike`;

const floodName = (levelCm: number, dike: boolean) => {
  const scenario = FLOOD_SCENARIOS.find((s) => Math.round(s.level * 100) === levelCm);
  const level = `${(levelCm / 100).toFixed(2).replace('.', ',')} m DVR90`;
  return `${scenario ? `${scenario.labelDa} (${level})` : level}, ${dike ? 'med dige' : 'uden dige'}`;
};

/**
 * The overlaps of one geometry (hex EWKB, EPSG:25832, already valid: see validateSketchGeometry) with every
 * constraint layer, in one statement that returns exactly one row. The geometry must be valid because PGlite
 * answers a GEOS failure in an overlay with no rows (DESIGN.md); a missing row is therefore an error.
 */
async function overlaps(
  db: Queryable,
  q: {
    ewkb25832: string;
    excludeSketchId: string | null;
    model: string;
    extents: { levelCm: number; dike: boolean }[];
  },
): Promise<ReportRow> {
  const { rows } = await db.query<ReportRow>(
    `WITH g AS (SELECT geom, ST_Dimension(geom) AS dim,
                       CASE ST_Dimension(geom) WHEN 2 THEN ST_Area(geom) WHEN 1 THEN ST_Length(geom)
                            ELSE ST_NPoints(geom) END AS size
                  FROM (SELECT $1::geometry AS geom) x),
          candidate AS (
            SELECT 'flood' AS kind, NULL::text AS ref, NULL::text AS name, NULL::text AS layer_id,
                   NULL::text AS accuracy, f.level_cm, f.dike, f.geom
              FROM flood_extent f JOIN unnest($4::int[], $5::bool[]) AS k (level_cm, dike)
                ON f.level_cm = k.level_cm AND f.dike = k.dike
             WHERE f.model = $3
            UNION ALL
            SELECT 'dike_buffer', $8 || '-buffer-' || $9::int, 'Køge Dige, ' || $9::int || ' m zone (illustrativ byggelinje)',
                   $8, 'illustrative', NULL, NULL, ST_Buffer(ST_Union(s.geom), $9)
              FROM site s WHERE s.layer_id = $8 HAVING count(*) > 0
            UNION ALL
            SELECT 'nature', s.id, s.name, s.layer_id, s.accuracy, NULL, NULL, s.geom
              FROM site s WHERE s.layer_id = ANY ($6::text[])
            UNION ALL
            SELECT 'site', s.id, s.name, s.layer_id, s.accuracy, NULL, NULL, s.geom
              FROM site s JOIN layer l ON l.id = s.layer_id
             WHERE l.theme = ANY ($7::text[]) AND ST_Dimension(s.geom) = 2
            UNION ALL
            SELECT 'sketch', c.id::text, c.title, NULL, 'illustrative', NULL, NULL, c.geom
              FROM sketch_current c
             WHERE c.deleted_at IS NULL AND ($2::uuid IS NULL OR c.id <> $2::uuid)
          ),
          hit AS (
            SELECT c.kind, c.ref, c.name, c.layer_id, c.accuracy, c.level_cm, c.dike,
                   ST_CollectionExtract(ST_Intersection(g.geom, c.geom), g.dim + 1) AS part
              FROM candidate c, g
             WHERE ST_Intersects(g.geom, c.geom)
          ),
          measured AS (
            SELECT hit.*, CASE g.dim WHEN 2 THEN ST_Area(part) WHEN 1 THEN ST_Length(part)
                                     ELSE ST_NPoints(part) END AS overlap
              FROM hit, g
          )
     SELECT g.dim AS dimension, g.size,
            (SELECT coalesce(json_agg(json_build_object(
                      'kind', kind, 'ref', ref, 'name', name, 'layer_id', layer_id, 'accuracy', accuracy,
                      'level_cm', level_cm, 'dike', dike, 'overlap', overlap,
                      'geometry', ST_AsGeoJSON(rfc7946_orient(ST_Transform(part, 4326)), 7)::json)), '[]'::json)
               FROM measured WHERE NOT ST_IsEmpty(part) AND overlap >= $10) AS hits
       FROM g`,
    [
      q.ewkb25832,
      q.excludeSketchId,
      q.model,
      q.extents.map((e) => e.levelCm),
      q.extents.map((e) => e.dike),
      [...NATURE_LAYERS],
      [...SITE_THEMES],
      DIKE_LAYER,
      DIKE_BUFFER_M,
      MIN_OVERLAP,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('constraint check returned no row');
  return row;
}

const CONSTRAINT_LEVELS = FLOOD_SCENARIOS.flatMap((s) =>
  [true, false].map((dike) => ({ levelCm: Math.round(s.level * 100), dike })),
);

/**
 * The named scenarios' extents, with and without the dike, computed and stored first where no instance has yet.
 * Call it before a constraint check that runs inside a transaction: on the embedded engine (one connection) the
 * flood model's own writes would wait for that transaction. Once stored, it costs nothing.
 */
export const constraintFloodExtents = (flood: FloodService) =>
  Promise.all(CONSTRAINT_LEVELS.map((level) => flood.extent(level)));

/**
 * {@link constraintFloodExtents}, answering the WAL position from which a replica has them all (null without
 * replicas; issue #18): where a constraint check may read (`cost.runRead`).
 */
export const constraintFloodsVisibleFrom = async (flood: FloodService): Promise<bigint | null> =>
  FloodService.visibleFrom(await constraintFloodExtents(flood));

/**
 * What a geometry overlaps, with the size of each overlap: the named flood scenarios with and without the dike
 * (their extents computed by `flood` if not stored yet), a 50 m zone along Køge Dige, protected nature, polygon
 * sites of the business and energy themes, and other live sketches (not `excludeSketchId`). Areas in m²
 * and lengths in metres, in EPSG:25832; overlaps in EPSG:4326. Writes nothing but missing flood extents.
 *
 * Inside a transaction, call {@link constraintFloodExtents} first: a missing flood extent is computed and stored
 * through the FloodService's own pool, which on the embedded engine (one connection) would wait for it.
 *
 * @param q.ewkb25832 a valid geometry (validateSketchGeometry's `ewkb25832`)
 */
export async function checkConstraints(
  db: Queryable,
  q: { ewkb25832: string; excludeSketchId?: string | null },
  flood: FloodService,
): Promise<ConstraintReport> {
  const extents = await constraintFloodExtents(flood);
  const floodAccuracy = extents[0]?.accuracy ?? 'illustrative';
  const row = await overlaps(db, {
    ewkb25832: q.ewkb25832,
    excludeSketchId: q.excludeSketchId ?? null,
    model: extents[0]!.key.model,
    extents: CONSTRAINT_LEVELS,
  });
  const items: ConstraintItem[] = row.hits.map((hit) => {
    const share = row.size > 0 ? Math.min(1, Math.max(0, hit.overlap / row.size)) : 0;
    const measure =
      row.dimension === 1
        ? { overlap_area_m2: 0, overlap_length_m: hit.overlap, overlap_share: share }
        : { overlap_area_m2: row.dimension === 2 ? hit.overlap : 0, overlap_share: share };
    if (hit.kind === 'flood') {
      const levelCm = hit.level_cm!;
      const dike = hit.dike!;
      return {
        kind: 'flood',
        ref: floodRef(levelCm, dike),
        name: floodName(levelCm, dike),
        layer_id: null,
        accuracy: floodAccuracy,
        level_m: levelCm / 100,
        dike: dike ? 'with' : 'without',
        ...measure,
        geometry: hit.geometry,
      };
    }
    return {
      kind: hit.kind,
      ref: hit.ref,
      name: hit.name,
      layer_id: hit.layer_id,
      accuracy: hit.accuracy,
      ...measure,
      geometry: hit.geometry,
    };
  });
  items.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.level_m ?? 0) - (b.level_m ?? 0) ||
      (a.dike === b.dike ? 0 : a.dike === 'with' ? -1 : 1) ||
      b.overlap_share - a.overlap_share ||
      a.ref.localeCompare(b.ref),
  );
  return {
    geometry_area_m2: row.dimension === 2 ? row.size : null,
    geometry_length_m: row.dimension === 1 ? row.size : null,
    checked_at: new Date().toISOString(),
    items,
  };
}

/** The stored geometry of a sketch's version (current when `version` is omitted), as hex EWKB in EPSG:25832. */
export async function sketchGeometry(db: Queryable, id: string, version?: number): Promise<string | null> {
  const { rows } = await db.query<{ ewkb: string }>(
    `SELECT encode(ST_AsEWKB(v.geom), 'hex') AS ewkb
       FROM sketch s JOIN sketch_version v ON v.sketch_id = s.id
      WHERE s.id = $1 AND v.version = coalesce($2::int, s.current_version)`,
    [id, version ?? null],
  );
  return rows[0]?.ewkb ?? null;
}

/**
 * The constraint report of a stored sketch (its current version unless `version` is given), leaving the
 * sketch itself out of the 'sketch' items; null when there is no such sketch or version.
 */
export async function checkSketchConstraints(
  db: Queryable,
  s: { id: string; version?: number },
  flood: FloodService,
): Promise<ConstraintReport | null> {
  const ewkb25832 = await sketchGeometry(db, s.id, s.version);
  if (!ewkb25832) return null;
  return checkConstraints(db, { ewkb25832, excludeSketchId: s.id }, flood);
}
