import type pg from 'pg';
import type { RepairedRow } from '../registerRepository';

/**
 * The tables of an OSM import. `osm_feature_next`, the next `osm_feature`, made now without its indexes and with
 * four columns of the import's own (the way's position `n` and `line` in the file, whether the reader vouched for its
 * geometry, `checked`, and PostGIS's reason where it was repaired), which go before it takes the old table's place:
 * the drawn ways are loaded straight into it, most with the geometry the reader built. Scratch tables, dropped at the
 * end of the transaction: for a file whose nodes outgrew the reader's store, `osm_node` and `osm_way` (node ids in
 * order), from which the database builds the rest; `osm_member`, the lines of the ways of no drawn class, and
 * `osm_relation`, the multipolygon relations by their ways' ids. Before anything, the import takes `osm_feature`'s
 * lock against other imports (readers go on), so two never build the next table at once.
 */
export async function createOsmStage(db: pg.ClientBase): Promise<void> {
  // The import bumps each layer's version once (upsertLayer), not once per row of a trigger (migration 011).
  await db.query("SET LOCAL koege.register_import = 'on'");
  await db.query('LOCK TABLE osm_feature IN SHARE ROW EXCLUSIVE MODE');
  await db.query('CREATE TABLE osm_feature_next (LIKE osm_feature INCLUDING DEFAULTS INCLUDING CONSTRAINTS)');
  await db.query(`ALTER TABLE osm_feature_next ADD COLUMN n integer, ADD COLUMN line integer,
                                              ADD COLUMN checked boolean, ADD COLUMN repaired text`);
  await db.query(
    'CREATE TEMP TABLE osm_node (id bigint NOT NULL, lon float8 NOT NULL, lat float8 NOT NULL) ON COMMIT DROP',
  );
  await db.query('CREATE TEMP TABLE osm_member (id bigint NOT NULL, geom geometry NOT NULL) ON COMMIT DROP');
  await db.query(`CREATE TEMP TABLE osm_relation (
      n integer NOT NULL, line integer NOT NULL, id bigint NOT NULL, layer_id text NOT NULL, class text NOT NULL,
      name text, ref text, ways bigint[] NOT NULL
    ) ON COMMIT DROP`);
  await db.query(`CREATE TEMP TABLE osm_way (
      n integer NOT NULL, line integer NOT NULL, id bigint NOT NULL, layer_id text NOT NULL,
      kind text NOT NULL, name text, ref text, polygon boolean NOT NULL, refs bigint[] NOT NULL
    ) ON COMMIT DROP`);
}

/** True on the embedded engine (PGlite), whose socket does not take COPY FROM STDIN: it stages with INSERTs. */
export async function isEmbeddedEngine(db: pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ v: string }>('SELECT version() AS v');
  return /PGlite/i.test(rows[0]?.v ?? '');
}

/** A node id listed more than once among those sent to the database, or null. */
export async function duplicateOsmNode(db: pg.ClientBase): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id::text FROM osm_node GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1',
  );
  return rows[0]?.id ?? null;
}

/** The first way id listed more than once, with the positions (n) of its first two listings; or null. */
export async function duplicateOsmWay(db: pg.ClientBase): Promise<{ id: string; ns: number[] } | null> {
  const { rows } = await db.query<{ id: string; ns: number[] }>(
    `SELECT id::text, (array_agg(n ORDER BY n))[1:2] AS ns
       FROM (SELECT osm_id AS id, n FROM osm_feature_next WHERE osm_type = 'way'
             UNION ALL SELECT id, n FROM osm_way WHERE layer_id <> '') w
      GROUP BY id HAVING count(*) > 1 ORDER BY min(n) LIMIT 1`,
  );
  return rows[0] ?? null;
}

/**
 * Builds the geometry of the ways staged by node id (a file whose nodes outgrew the reader's store) in one
 * statement: nodes looked up by id (an index made now that all are in), in order, as a line or a polygon, in
 * EPSG:25832 and 3857, into `osm_feature_next` to be checked. A way with a node the file does not hold (an extract cut
 * through it) is left out; their number is returned.
 */
export async function buildOsmGeometry(db: pg.ClientBase): Promise<{ incomplete: number; built: number }> {
  const { rows } = await db.query<{ n: number; drawn: number }>(
    `SELECT count(*)::int AS n, (count(*) FILTER (WHERE layer_id <> ''))::int AS drawn FROM osm_way`,
  );
  if (rows[0]!.n === 0) return { incomplete: 0, built: 0 };
  await db.query('CREATE UNIQUE INDEX ON osm_node (id)');
  await db.query('ANALYZE osm_node');
  await db.query(`CREATE TEMP TABLE osm_way_geom ON COMMIT DROP AS
    SELECT w.n, w.line, w.id, w.layer_id, w.kind, w.name, w.ref, g.geom
      FROM osm_way w CROSS JOIN LATERAL (
        SELECT CASE WHEN count(nd.id) = cardinality(w.refs) THEN ST_Transform(ST_SetSRID(
                 CASE WHEN w.polygon THEN ST_MakePolygon(ST_MakeLine(array_agg(ST_MakePoint(nd.lon, nd.lat) ORDER BY r.o)))
                      ELSE ST_MakeLine(array_agg(ST_MakePoint(nd.lon, nd.lat) ORDER BY r.o)) END, 4326), 25832)
               END AS geom
          FROM unnest(w.refs) WITH ORDINALITY AS r (ref, o) LEFT JOIN osm_node nd ON nd.id = r.ref) g
     WHERE g.geom IS NOT NULL`);
  const { rowCount } = await db.query(`INSERT INTO osm_feature_next (id, n, line, osm_id, layer_id, class, name, ref,
                                                                     checked, geom, geom_3857)
    SELECT layer_id || '-way-' || id, n, line, id, layer_id, kind, name, ref, false, geom, ST_Transform(geom, 3857)
      FROM osm_way_geom WHERE layer_id <> ''`);
  await db.query(`INSERT INTO osm_member (id, geom) SELECT id, geom FROM osm_way_geom WHERE layer_id = ''`);
  return { incomplete: rows[0]!.drawn - (rowCount ?? 0), built: rowCount ?? 0 };
}

/** The first relation id listed more than once, with the positions (n) of its first two listings; or null. */
export async function duplicateOsmRelation(db: pg.ClientBase): Promise<{ id: string; ns: number[] } | null> {
  const { rows } = await db.query<{ id: string; ns: number[] }>(
    `SELECT id::text, (array_agg(n ORDER BY n))[1:2] AS ns FROM osm_relation
      GROUP BY id HAVING count(*) > 1 ORDER BY min(n) LIMIT 1`,
  );
  return rows[0] ?? null;
}

/**
 * Builds the areas of the multipolygon relations, set-based: each one's ways (a drawn way's outline, or the line
 * of a way of no drawn class) collected and made into polygons with holes (ST_BuildArea: rings from ways joined
 * end to end, inner rings as holes), into `osm_feature_next` to be checked with the ways. A relation with a way the file
 * does not hold whole, or whose ways close no ring, is left out; their number is returned. Runs before the repair,
 * while every drawn way is still one ring.
 */
export async function buildOsmRelations(db: pg.ClientBase): Promise<{ incomplete: number; built: number }> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM osm_relation');
  if (rows[0]!.n === 0) return { incomplete: 0, built: 0 };
  await db.query('CREATE INDEX ON osm_member (id)');
  // Dropped again before the table is put in place.
  await db.query('CREATE INDEX osm_feature_next_osm_id_idx ON osm_feature_next (osm_id)');
  await db.query('ANALYZE osm_member');
  await db.query('ANALYZE osm_feature_next');
  const { rowCount } = await db.query(`INSERT INTO osm_feature_next (id, n, line, osm_type, osm_id, layer_id, class,
                                                                     name, ref, checked, geom, geom_3857)
    SELECT r.layer_id || '-rel-' || r.id, r.n, r.line, 'relation', r.id, r.layer_id, r.class, r.name, r.ref, false, a.geom, ST_Transform(a.geom, 3857)
      FROM osm_relation r CROSS JOIN LATERAL (
        SELECT CASE WHEN count(l.geom) = cardinality(r.ways) THEN ST_BuildArea(ST_Collect(l.geom)) END AS geom
          FROM unnest(r.ways) AS m (way_id)
          LEFT JOIN LATERAL (
            (SELECT x.geom FROM osm_member x WHERE x.id = m.way_id LIMIT 1)
            UNION ALL
            (SELECT CASE WHEN ST_Dimension(s.geom) = 2 THEN ST_ExteriorRing(s.geom) ELSE s.geom END
               FROM osm_feature_next s WHERE s.osm_id = m.way_id AND s.osm_type = 'way' LIMIT 1)
            LIMIT 1) l ON true) a
     WHERE a.geom IS NOT NULL AND NOT ST_IsEmpty(a.geom)`);
  await db.query('DROP INDEX osm_feature_next_osm_id_idx');
  return { incomplete: rows[0]!.n - (rowCount ?? 0), built: rowCount ?? 0 };
}

/**
 * Repairs invalid geometry with ST_MakeValid, keeping parts of the way's dimension, and returns those rows with
 * PostGIS's reason; `empty` marks one with nothing valid left (the import refuses it). Only rows the reader could
 * not vouch for are looked at (`checked` false: polygons, lines without two distinct points, and what the database
 * built); the import skips the scan when there are none.
 */
export async function repairOsmGeometry(db: pg.ClientBase): Promise<RepairedRow[]> {
  const { rows } = await db.query<RepairedRow>(
    `UPDATE osm_feature_next SET geom = ST_CollectionExtract(ST_MakeValid(geom), ST_Dimension(geom) + 1),
                          repaired = ST_IsValidReason(geom)
      WHERE NOT checked AND NOT ST_IsValid(geom)
     RETURNING n, line, layer_id || CASE osm_type WHEN 'way' THEN '-way-' ELSE '-rel-' END || osm_id AS id, layer_id,
               repaired AS reason,
               ST_IsEmpty(geom) OR NOT ST_IsValid(geom) AS empty`,
  );
  if (rows.length > 0) {
    await db.query('UPDATE osm_feature_next SET geom_3857 = ST_Transform(geom, 3857) WHERE repaired IS NOT NULL');
  }
  return rows.sort((a, b) => a.n - b.n);
}

/**
 * Ways per layer with geometry, i.e. what will be written, with their extent in EPSG:4326 [west, south, east,
 * north]; layers in the order the file first has them.
 */
export async function osmLayerCounts(
  db: pg.ClientBase,
): Promise<Map<string, { features: number; bbox: [number, number, number, number] }>> {
  const { rows } = await db.query<{ layer_id: string; n: number; bbox: [number, number, number, number] }>(
    `SELECT layer_id, n, ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS bbox
       FROM (SELECT layer_id, count(*)::int AS n, min(n) AS first,
                    ST_Transform(ST_SetSRID(ST_Extent(geom_3857)::geometry, 3857), 4326) AS e
               FROM osm_feature_next GROUP BY layer_id) x
      ORDER BY first`,
  );
  return new Map(rows.map((r) => [r.layer_id, { features: r.n, bbox: r.bbox }]));
}

/**
 * Puts the import's layers in place, in the import's transaction: the next `osm_feature`, holding the file's ways
 * (`accuracy: official`, by default), gets the rows of the layers the file does not have from the old table, and its
 * indexes, built once after the load (faster than keeping them up row by row); then it takes the old table's place
 * and names. The layers' sites the file no longer has are gone with the old
 * table; their number per layer is returned with the number written. Readers see the old table until COMMIT.
 */
export async function swapOsmFeatures(
  db: pg.ClientBase,
  features: Map<string, number>,
): Promise<Map<string, { written: number; removed: number }>> {
  const layerIds = [...features.keys()];
  await db.query(
    'ALTER TABLE osm_feature_next DROP COLUMN n, DROP COLUMN line, DROP COLUMN checked, DROP COLUMN repaired',
  );
  await db.query(
    `INSERT INTO osm_feature_next (id, layer_id, osm_type, osm_id, class, name, ref, geom, geom_3857, accuracy, imported_at)
     SELECT id, layer_id, osm_type, osm_id, class, name, ref, geom, geom_3857, accuracy, imported_at
       FROM osm_feature WHERE layer_id <> ALL ($1)`,
    [layerIds],
  );
  await db.query('ALTER TABLE osm_feature_next ADD CONSTRAINT osm_feature_next_pkey PRIMARY KEY (id)');
  const removed = await db.query<{ layer_id: string; n: number }>(
    `SELECT o.layer_id, count(*)::int AS n FROM osm_feature o
      WHERE o.layer_id = ANY ($1) AND NOT EXISTS (SELECT 1 FROM osm_feature_next x WHERE x.id = o.id)
      GROUP BY o.layer_id`,
    [layerIds],
  );
  // NOT VALID: every row's layer was made or updated by this import moments ago, or held by the old table's key.
  await db.query(
    `ALTER TABLE osm_feature_next ADD CONSTRAINT osm_feature_next_layer_fkey FOREIGN KEY (layer_id) REFERENCES layer (id)
       NOT VALID`,
  );
  await db.query('CREATE INDEX osm_feature_next_layer_idx ON osm_feature_next (layer_id)');
  await db.query('CREATE INDEX osm_feature_next_geom_3857_idx ON osm_feature_next USING gist (geom_3857)');
  await db.query('DROP TABLE osm_feature');
  await db.query('ALTER TABLE osm_feature_next RENAME TO osm_feature');
  await db.query('ALTER TABLE osm_feature RENAME CONSTRAINT osm_feature_next_pkey TO osm_feature_pkey');
  await db.query('ALTER TABLE osm_feature RENAME CONSTRAINT osm_feature_next_layer_fkey TO osm_feature_layer_fkey');
  await db.query('ALTER INDEX osm_feature_next_layer_idx RENAME TO osm_feature_layer_idx');
  await db.query('ALTER INDEX osm_feature_next_geom_3857_idx RENAME TO osm_feature_geom_3857_idx');
  // The default privileges give koege_app its SELECT when the owner made the table; said once more, for an import
  // run by another role than the one that migrated.
  await db.query('GRANT SELECT ON osm_feature TO koege_app');
  await db.query('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON osm_feature FROM koege_app');
  // Every row of the file's layers in the next table is one this import wrote.
  const counts = new Map(layerIds.map((id) => [id, { written: features.get(id)!, removed: 0 }]));
  for (const r of removed.rows) counts.get(r.layer_id)!.removed = r.n;
  return counts;
}

/** The layer's own count and extent, shown with it (GET /api/layers) without a count over the table. */
export async function storeOsmLayerExtent(
  db: pg.ClientBase,
  layerId: string,
  features: number,
  bbox: [number, number, number, number],
): Promise<void> {
  await db.query('UPDATE layer SET imported_features = $2, imported_bbox = $3 WHERE id = $1', [
    layerId,
    features,
    bbox,
  ]);
}
