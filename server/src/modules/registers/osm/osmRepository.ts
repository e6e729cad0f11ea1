import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RepairedRow } from '../registerRepository';
import type { OsmBatch } from './readOsmElements';

/**
 * The scratch tables of an OSM import, dropped at the end of its transaction: the file's nodes and its drawn ways
 * (node ids in order), then `osm_geom`, the ways as EPSG:25832 geometry. Geometry is built and checked set-based in
 * SQL, so JS never holds more than one chunk of the file.
 */
export async function createOsmStage(db: pg.ClientBase): Promise<void> {
  // The import bumps each layer's version once (upsertLayer), not once per site row (migration 011).
  await db.query("SET LOCAL koege.register_import = 'on'");
  await db.query(
    'CREATE TEMP TABLE osm_node (id bigint NOT NULL, lon float8 NOT NULL, lat float8 NOT NULL) ON COMMIT DROP',
  );
  await db.query(`CREATE TEMP TABLE osm_way (
      n integer NOT NULL, line integer NOT NULL, id bigint NOT NULL, site_id text NOT NULL, layer_id text NOT NULL,
      kind text NOT NULL, name text, ref text, polygon boolean NOT NULL, refs bigint[] NOT NULL
    ) ON COMMIT DROP`);
}

/** True on the embedded engine (PGlite), whose socket does not take COPY FROM STDIN: it stages with INSERTs. */
export async function isEmbeddedEngine(db: pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ v: string }>('SELECT version() AS v');
  return /PGlite/i.test(rows[0]?.v ?? '');
}

/** Writes staged rows to the database; `end` waits until all of them are in. */
export interface OsmStageWriter {
  write(batch: OsmBatch): Promise<void>;
  end(): Promise<void>;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value for COPY's text format (backslash, tab and line breaks are special), or \N for null. */
const copyText = (value: string | null) =>
  value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);

const NODE_COPY = 'COPY osm_node (id, lon, lat) FROM STDIN';
const WAY_COPY = 'COPY osm_way (n, line, id, site_id, layer_id, kind, name, ref, polygon, refs) FROM STDIN';

/**
 * PostgreSQL: COPY FROM STDIN in text format, one COPY open at a time (a connection runs one), switched between
 * nodes and ways as the file goes from one to the other. The server takes the rows while the parser reads on; a
 * full socket makes `write` wait (back-pressure), so memory stays bounded.
 */
export function copyOsmStage(db: pg.ClientBase): OsmStageWriter {
  let open: { sql: string; stream: ReturnType<typeof copyFrom>; done: Promise<void> } | null = null;
  const close = async () => {
    if (!open) return;
    const { stream, done } = open;
    open = null;
    stream.end();
    await done;
  };
  const send = async (sql: string, text: string) => {
    if (open?.sql !== sql) {
      await close();
      const stream = db.query(copyFrom(sql));
      open = { sql, stream, done: finished(stream) };
      // A failed COPY rejects `done`; awaited in close(), it must not be reported as unhandled before that.
      open.done.catch(() => {});
    }
    const { stream, done } = open;
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    async write(b) {
      if (b.nodeIds.length > 0) {
        let text = '';
        for (let i = 0; i < b.nodeIds.length; i++) text += `${b.nodeIds[i]}\t${b.lons[i]}\t${b.lats[i]}\n`;
        await send(NODE_COPY, text);
      }
      if (b.ways.length > 0) {
        let text = '';
        for (const w of b.ways) {
          text +=
            `${w.n}\t${w.line}\t${w.id}\t${w.siteId}\t${w.layerId}\t${copyText(w.kind)}\t${copyText(w.name)}\t` +
            `${copyText(w.ref)}\t${w.polygon ? 't' : 'f'}\t{${w.refs.join(',')}}\n`;
        }
        await send(WAY_COPY, text);
      }
    },
    end: close,
  };
}

/** The embedded engine: one INSERT of unnested arrays per batch and table. */
export function insertOsmStage(db: pg.ClientBase): OsmStageWriter {
  return {
    async write(b) {
      if (b.nodeIds.length > 0) {
        await db.query(
          'INSERT INTO osm_node (id, lon, lat) SELECT * FROM unnest($1::bigint[], $2::float8[], $3::float8[])',
          [b.nodeIds, b.lons, b.lats],
        );
      }
      if (b.ways.length > 0) {
        await db.query(
          `INSERT INTO osm_way (n, line, id, site_id, layer_id, kind, name, ref, polygon, refs)
           SELECT n, line, id, site_id, layer_id, kind, name, ref, polygon, refs::bigint[]
             FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::bool[], $10::text[])
                  AS t(n, line, id, site_id, layer_id, kind, name, ref, polygon, refs)`,
          [
            b.ways.map((w) => w.n),
            b.ways.map((w) => w.line),
            b.ways.map((w) => w.id),
            b.ways.map((w) => w.siteId),
            b.ways.map((w) => w.layerId),
            b.ways.map((w) => w.kind),
            b.ways.map((w) => w.name),
            b.ways.map((w) => w.ref),
            b.ways.map((w) => w.polygon),
            b.ways.map((w) => `{${w.refs.join(',')}}`),
          ],
        );
      }
    },
    end: async () => {},
  };
}

/** A node id listed more than once, or null. */
export async function duplicateOsmNode(db: pg.ClientBase): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id::text FROM osm_node GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1',
  );
  return rows[0]?.id ?? null;
}

/** The first way id listed more than once, with the positions (n) of its first two listings; or null. */
export async function duplicateOsmWay(db: pg.ClientBase): Promise<{ id: string; ns: number[] } | null> {
  const { rows } = await db.query<{ id: string; ns: number[] }>(
    `SELECT id::text, (array_agg(n ORDER BY n))[1:2] AS ns FROM osm_way GROUP BY id HAVING count(*) > 1
      ORDER BY min(n) LIMIT 1`,
  );
  return rows[0] ?? null;
}

/**
 * Builds every staged way's geometry in one statement: its nodes looked up by id (an index made now that all are
 * in), in order, as a line or a polygon, in EPSG:25832. A way with a node the file does not hold (an extract cut
 * through it) gets none and is left out; their number is returned.
 */
export async function buildOsmGeometry(db: pg.ClientBase): Promise<{ incomplete: number }> {
  await db.query('CREATE UNIQUE INDEX ON osm_node (id)');
  await db.query('ANALYZE osm_node');
  await db.query(`CREATE TEMP TABLE osm_geom ON COMMIT DROP AS
    SELECT w.n, w.line, w.id, w.site_id, w.layer_id, w.kind, w.name, w.ref, g.geom, NULL::text AS repaired
      FROM osm_way w CROSS JOIN LATERAL (
        SELECT CASE WHEN count(nd.id) = cardinality(w.refs) THEN ST_Transform(ST_SetSRID(
                 CASE WHEN w.polygon THEN ST_MakePolygon(ST_MakeLine(array_agg(ST_MakePoint(nd.lon, nd.lat) ORDER BY r.o)))
                      ELSE ST_MakeLine(array_agg(ST_MakePoint(nd.lon, nd.lat) ORDER BY r.o)) END, 4326), 25832)
               END AS geom
          FROM unnest(w.refs) WITH ORDINALITY AS r (ref, o) LEFT JOIN osm_node nd ON nd.id = r.ref) g`);
  const { rowCount } = await db.query('DELETE FROM osm_geom WHERE geom IS NULL');
  await db.query('ANALYZE osm_geom');
  return { incomplete: rowCount ?? 0 };
}

/**
 * Repairs invalid geometry with ST_MakeValid, keeping parts of the way's dimension, and returns those rows with
 * PostGIS's reason; `empty` marks one with nothing valid left (the import refuses it).
 */
export async function repairOsmGeometry(db: pg.ClientBase): Promise<RepairedRow[]> {
  const { rows } = await db.query<RepairedRow>(
    `UPDATE osm_geom SET geom = ST_CollectionExtract(ST_MakeValid(geom), ST_Dimension(geom) + 1),
                         repaired = ST_IsValidReason(geom)
      WHERE NOT ST_IsValid(geom)
     RETURNING n, line, site_id AS id, layer_id, repaired AS reason, ST_IsEmpty(geom) OR NOT ST_IsValid(geom) AS empty`,
  );
  return rows.sort((a, b) => a.n - b.n);
}

/** A staged site id that a site of another layer already has (the import must not take it over); or null. */
export async function osmSiteIdTakenElsewhere(db: pg.ClientBase): Promise<{ id: string; layer_id: string } | null> {
  const { rows } = await db.query<{ id: string; layer_id: string }>(
    `SELECT s.id, s.layer_id FROM site s JOIN osm_geom g ON g.site_id = s.id WHERE s.layer_id <> g.layer_id LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** Ways per layer with geometry, i.e. what will be written; layers in the order the file first has them. */
export async function osmLayerCounts(db: pg.ClientBase): Promise<Map<string, number>> {
  const { rows } = await db.query<{ layer_id: string; n: number }>(
    'SELECT layer_id, count(*)::int AS n FROM osm_geom GROUP BY layer_id ORDER BY min(n)',
  );
  return new Map(rows.map((r) => [r.layer_id, r.n]));
}

/**
 * Writes the ways into `site` for every layer of the import in one statement, replacing by id, after removing the
 * layers' sites the file no longer has. Every site is `accuracy: official`, with the source and the import date;
 * what the map writes along it (`label`) is the name, else the number, else nothing. Counts per layer.
 */
export async function applyOsmSites(
  db: pg.ClientBase,
  layerIds: string[],
  source: { publisher: string; licence: string; location: string },
): Promise<Map<string, { written: number; removed: number }>> {
  const removed = await db.query<{ layer_id: string; n: number }>(
    `WITH gone AS (
       DELETE FROM site s WHERE s.layer_id = ANY ($1) AND NOT EXISTS (SELECT 1 FROM osm_geom g WHERE g.site_id = s.id)
       RETURNING s.layer_id)
     SELECT layer_id, count(*)::int AS n FROM gone GROUP BY layer_id`,
    [layerIds],
  );
  const written = await db.query<{ layer_id: string; n: number }>(
    `WITH put AS (
       INSERT INTO site (id, layer_id, name, kind, geom, source, accuracy, attributes)
       SELECT site_id, layer_id, coalesce(name, ref, kind), kind, geom, $1, 'official',
              jsonb_build_object('osm_id', id, 'class', kind, 'name', name, 'ref', ref,
                                 'label', coalesce(name, ref, ''), 'licence', $2::text, 'source_location', $3::text,
                                 'imported_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
         FROM osm_geom
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, geom = EXCLUDED.geom,
         source = EXCLUDED.source, accuracy = EXCLUDED.accuracy, attributes = EXCLUDED.attributes, updated_at = now()
         WHERE site.layer_id = EXCLUDED.layer_id
       RETURNING layer_id)
     SELECT layer_id, count(*)::int AS n FROM put GROUP BY layer_id`,
    [source.publisher, source.licence, source.location],
  );
  const counts = new Map(layerIds.map((id) => [id, { written: 0, removed: 0 }]));
  for (const r of removed.rows) counts.get(r.layer_id)!.removed = r.n;
  for (const r of written.rows) counts.get(r.layer_id)!.written = r.n;
  return counts;
}
