import type pg from 'pg';
import type { RegisterLayer } from './registerLayers';

/** One staged feature, as sent in a batch. */
export interface StagedRow {
  n: number;
  line: number | null;
  id: string;
  layerId: string;
  name: string;
  kind: string;
  attributes: Record<string, unknown>;
  /** GeoJSON text in `srid`. */
  geometry: string;
  srid: number;
}

/** A feature whose geometry PostGIS found invalid: repaired (ST_MakeValid) or, if nothing was left, refused. */
export interface RepairedRow {
  n: number;
  line: number | null;
  id: string;
  layer_id: string;
  reason: string;
  empty: boolean;
}

/**
 * The import's scratch table, dropped at the end of the transaction. Features are staged here first, so that the
 * whole file is checked (geometry, duplicates) before any table the app reads is touched, and JS holds no list.
 */
export async function createStage(db: pg.ClientBase): Promise<void> {
  // The import bumps each layer's version once (upsertLayer), not once per site row (migration 011).
  await db.query("SET LOCAL koege.register_import = 'on'");
  await db.query(`CREATE TEMP TABLE register_stage (
      n integer NOT NULL, line integer, id text NOT NULL, layer_id text NOT NULL, name text NOT NULL,
      kind text NOT NULL, attributes jsonb NOT NULL, geom geometry(Geometry, 25832) NOT NULL, repaired text
    ) ON COMMIT DROP`);
  await db.query('CREATE INDEX ON register_stage (id)');
}

/**
 * Stages a batch in EPSG:25832. Invalid geometry is repaired with ST_MakeValid, keeping only parts of the input's
 * dimension; the repaired rows are returned with PostGIS's reason.
 */
export async function stageBatch(db: pg.ClientBase, rows: StagedRow[]): Promise<RepairedRow[]> {
  const { rows: repaired } = await db.query<RepairedRow>(
    `WITH input AS (
       SELECT t.n, t.line, t.id, t.layer_id, t.name, t.kind, t.attributes,
              ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(t.g), t.srid), 25832) AS geom
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[],
                     $9::int[]) AS t(n, line, id, layer_id, name, kind, attributes, g, srid)),
     checked AS (SELECT i.*, ST_IsValid(i.geom) AS valid FROM input i),
     staged AS (
       INSERT INTO register_stage (n, line, id, layer_id, name, kind, attributes, geom, repaired)
       SELECT n, line, id, layer_id, name, kind, attributes,
              CASE WHEN valid THEN geom ELSE ST_CollectionExtract(ST_MakeValid(geom), ST_Dimension(geom) + 1) END,
              CASE WHEN valid THEN NULL ELSE ST_IsValidReason(geom) END
         FROM checked
       RETURNING n, line, id, layer_id, repaired, geom)
     SELECT n, line, id, layer_id, repaired AS reason, ST_IsEmpty(geom) OR NOT ST_IsValid(geom) AS empty
       FROM staged WHERE repaired IS NOT NULL ORDER BY n`,
    [
      rows.map((r) => r.n),
      rows.map((r) => r.line),
      rows.map((r) => r.id),
      rows.map((r) => r.layerId),
      rows.map((r) => r.name),
      rows.map((r) => r.kind),
      rows.map((r) => JSON.stringify(r.attributes)),
      rows.map((r) => r.geometry),
      rows.map((r) => r.srid),
    ],
  );
  return repaired;
}

/** Statistics for the staged rows before the checks and the writes join them (temporary tables get none). */
export async function analyseStage(db: pg.ClientBase): Promise<void> {
  await db.query('ANALYZE register_stage');
}

/** The first id staged more than once, with the features that carry it; null when every id is unique. */
export async function firstDuplicate(db: pg.ClientBase): Promise<{ id: string; ns: number[] } | null> {
  const { rows } = await db.query<{ id: string; ns: number[] }>(
    `SELECT id, (array_agg(n ORDER BY n))[1:2] AS ns FROM register_stage GROUP BY id HAVING count(*) > 1
      ORDER BY min(n) LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** For sources that split an area into features (DAGI): the first id whose parts disagree on the name. */
export async function firstNameConflict(db: pg.ClientBase): Promise<{ id: string; ns: number[] } | null> {
  const { rows } = await db.query<{ id: string; ns: number[] }>(
    `SELECT id, (array_agg(n ORDER BY n))[1:2] AS ns FROM register_stage GROUP BY id
     HAVING count(DISTINCT name) > 1 ORDER BY min(n) LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** A staged site id that some other layer's site already has (the import must not take it over); or null. */
export async function siteIdTakenElsewhere(db: pg.ClientBase): Promise<{ id: string; layer_id: string } | null> {
  const { rows } = await db.query<{ id: string; layer_id: string }>(
    `SELECT s.id, s.layer_id FROM site s JOIN register_stage r ON r.id = s.id
      WHERE s.layer_id <> r.layer_id LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** A staged parcel that is not one polygon (Matriklen's jordstykke is); or null. */
export async function firstMultipartParcel(db: pg.ClientBase): Promise<{ n: number; line: number | null } | null> {
  const { rows } = await db.query<{ n: number; line: number | null }>(
    `SELECT n, line FROM register_stage WHERE ST_NumGeometries(geom) <> 1 ORDER BY n LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** A staged parcel id that a parcel of another layer (e.g. the synthetic set) already has; or null. */
export async function parcelIdTakenElsewhere(db: pg.ClientBase): Promise<{ id: string; layer_id: string } | null> {
  const { rows } = await db.query<{ id: string; layer_id: string }>(
    `SELECT p.id::text, p.layer_id FROM parcel p JOIN register_stage r ON r.id::bigint = p.id
      WHERE p.layer_id <> r.layer_id LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** Makes or updates the layer row with its source, licence and import time, and bumps its version. */
export async function upsertLayer(
  db: pg.ClientBase,
  l: RegisterLayer,
  source: { publisher: string; licence: string },
): Promise<void> {
  await db.query(
    `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, style, sort_order, min_zoom, max_zoom,
                        tile_feature_cap, source_table, source, licence, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
     ON CONFLICT (id) DO UPDATE SET title_da = EXCLUDED.title_da, title_en = EXCLUDED.title_en,
       theme = EXCLUDED.theme, geometry_type = EXCLUDED.geometry_type, style = EXCLUDED.style,
       sort_order = EXCLUDED.sort_order, min_zoom = EXCLUDED.min_zoom, max_zoom = EXCLUDED.max_zoom,
       tile_feature_cap = EXCLUDED.tile_feature_cap, source_table = EXCLUDED.source_table,
       source = EXCLUDED.source, licence = EXCLUDED.licence, imported_at = EXCLUDED.imported_at,
       version = layer.version + 1`,
    [
      l.id,
      l.title_da,
      l.title_en,
      l.theme,
      l.geometry_type,
      // The map's attribution names the register (style.attribution, as the seed's layers carry theirs).
      JSON.stringify({ ...l.style, attribution: source.licence }),
      l.sort_order,
      l.min_zoom,
      l.max_zoom,
      l.tile_feature_cap,
      l.source_table,
      source.publisher,
      source.licence,
    ],
  );
}

export interface AppliedCounts {
  written: number;
  removed: number;
}

/**
 * Writes the staged features of one layer into `site` (parts of one id unioned), replacing by id, and removes the
 * layer's sites the source no longer has. Every site is `accuracy: official`, with the source and the import date.
 */
export async function applySites(
  db: pg.ClientBase,
  layerId: string,
  source: { publisher: string; licence: string; location: string },
): Promise<AppliedCounts> {
  const written = await db.query(
    `INSERT INTO site (id, layer_id, name, kind, geom, source, accuracy, attributes)
     SELECT g.id, $1, g.name, g.kind, g.geom, $2, 'official',
            g.attributes || jsonb_build_object('licence', $3::text, 'source_location', $4::text,
                                               'imported_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
       FROM (SELECT id, min(name) AS name, min(kind) AS kind, (array_agg(attributes ORDER BY n))[1] AS attributes,
                    CASE WHEN count(*) = 1 THEN (array_agg(geom))[1] ELSE ST_Multi(ST_Union(geom)) END AS geom
               FROM register_stage WHERE layer_id = $1 GROUP BY id) g
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, geom = EXCLUDED.geom,
       source = EXCLUDED.source, accuracy = EXCLUDED.accuracy, attributes = EXCLUDED.attributes, updated_at = now()
       WHERE site.layer_id = EXCLUDED.layer_id`,
    [layerId, source.publisher, source.licence, source.location],
  );
  const removed = await db.query(
    `DELETE FROM site s WHERE s.layer_id = $1 AND NOT EXISTS (SELECT 1 FROM register_stage r WHERE r.id = s.id)`,
    [layerId],
  );
  return { written: written.rowCount ?? 0, removed: removed.rowCount ?? 0 };
}

/** {@link applySites} for the parcel register: one polygon per jordstykke, `accuracy: official`. */
export async function applyParcels(db: pg.ClientBase, layerId: string): Promise<AppliedCounts> {
  const written = await db.query(
    `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom, accuracy, ejerlavskode, bfe)
     SELECT id::bigint, $1, attributes ->> 'matrikelnummer', attributes ->> 'ejerlavsnavn', ST_GeometryN(geom, 1),
            'official', (attributes ->> 'ejerlavskode')::bigint, (attributes ->> 'bfe')::bigint
       FROM register_stage WHERE layer_id = $1
     ON CONFLICT (id) DO UPDATE SET matrikelnr = EXCLUDED.matrikelnr, ejerlav = EXCLUDED.ejerlav, geom = EXCLUDED.geom,
       accuracy = EXCLUDED.accuracy, ejerlavskode = EXCLUDED.ejerlavskode, bfe = EXCLUDED.bfe
       WHERE parcel.layer_id = EXCLUDED.layer_id`,
    [layerId],
  );
  const removed = await db.query(
    `DELETE FROM parcel p WHERE p.layer_id = $1
        AND NOT EXISTS (SELECT 1 FROM register_stage r WHERE r.id::bigint = p.id)`,
    [layerId],
  );
  return { written: written.rowCount ?? 0, removed: removed.rowCount ?? 0 };
}

/** Records one layer's import. */
export async function recordImport(
  db: pg.ClientBase,
  r: {
    kind: string;
    layerId: string;
    location: string;
    licence: string;
    features: number;
    repaired: number;
    removed: number;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO register_import (kind, layer_id, source, licence, features, repaired, removed)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.kind, r.layerId, r.location, r.licence, r.features, r.repaired, r.removed],
  );
}
