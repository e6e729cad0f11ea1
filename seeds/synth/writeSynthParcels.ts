import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EngineKind } from '../../server/src/platform/db/dbPlugin';
import { clearSynthParcels } from './clearSynthParcels';
import { ewkbHex } from './ewkbHex';
import { generateParcels, MAX_SYNTH_PARCELS, type SynthParcel } from './generateParcels';
import { SYNTH_LAYER, SYNTH_VERSION_KEY } from './synthLayer';

export interface SynthLoadResult {
  parcels: number;
  /** The layer's version after the load. */
  version: number;
  seconds: number;
}

const SRID = 25832;
const GIST_INDEX = 'parcel_geom_3857_idx';
/** As in migration 004; used only if the index was missing when the load started. */
const GIST_INDEX_SQL = `CREATE INDEX ${GIST_INDEX} ON parcel USING gist (geom_3857)`;
const PROGRESS_EVERY = 100_000;
/** Rows per COPY chunk, and per INSERT on the embedded engine (4 parameters a row; at most 65,535). */
const COPY_CHUNK = 1_000;
const INSERT_BATCH = 1_000;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value for COPY's text format, where backslash, tab and line breaks are special. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);

/** Counts rows and reports the rate every `PROGRESS_EVERY` of them. */
function progressMeter(count: number, onProgress: (message: string) => void) {
  const started = performance.now();
  let done = 0;
  return (rows: number) => {
    const before = done;
    done += rows;
    if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY) || done === count) {
      const perSecond = Math.round(done / ((performance.now() - started) / 1000));
      onProgress(
        `${done.toLocaleString('en')} / ${count.toLocaleString('en')} parcels (${perSecond.toLocaleString('en')} rows/s)`,
      );
    }
  };
}

/** PostgreSQL: one COPY FROM STDIN in text format, geometry as hex EWKB; generation overlaps the server's work. */
async function copyParcels(client: pg.ClientBase, parcels: Iterable<SynthParcel>, tick: (rows: number) => void) {
  const layer = copyText(SYNTH_LAYER.id);
  function* chunks() {
    let lines: string[] = [];
    for (const p of parcels) {
      lines.push(
        `${p.id}\t${layer}\t${copyText(p.matrikelnr)}\t${copyText(p.ejerlav)}\t${ewkbHex({ ring: p.ring, srid: SRID })}\n`,
      );
      if (lines.length === COPY_CHUNK) {
        yield lines.join('');
        tick(lines.length);
        lines = [];
      }
    }
    if (lines.length > 0) {
      yield lines.join('');
      tick(lines.length);
    }
  }
  const copy = client.query(copyFrom('COPY parcel (id, layer_id, matrikelnr, ejerlav, geom) FROM STDIN'));
  await pipeline(Readable.from(chunks()), copy);
}

/** The embedded engine (PGlite behind its socket): multi-row INSERTs with parameters. */
async function insertParcels(client: pg.ClientBase, parcels: Iterable<SynthParcel>, tick: (rows: number) => void) {
  const statements = new Map<number, string>();
  const statement = (rows: number) => {
    let sql = statements.get(rows);
    if (!sql) {
      const values = Array.from(
        { length: rows },
        (_, r) => `($${4 * r + 2}, $1, $${4 * r + 3}, $${4 * r + 4}, $${4 * r + 5})`,
      );
      sql = `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom) VALUES ${values.join(', ')}`;
      statements.set(rows, sql);
    }
    return sql;
  };
  let params: (string | number)[] = [SYNTH_LAYER.id];
  const flush = async () => {
    const rows = (params.length - 1) / 4;
    await client.query(statement(rows), params);
    tick(rows);
    params = [SYNTH_LAYER.id];
  };
  for (const p of parcels) {
    params.push(p.id, p.matrikelnr, p.ejerlav, ewkbHex({ ring: p.ring, srid: SRID }));
    if (params.length === 1 + 4 * INSERT_BATCH) await flush();
  }
  if (params.length > 1) await flush();
}

/**
 * Replaces the synthetic layer's parcels with `count` new ones from `generateParcels` (EPSG:25832), in one
 * transaction: upserts the `synth-parcels` layer row, clears its parcels, drops the GiST index on
 * `geom_3857`, loads, rebuilds the index, bumps the layer's version by one and analyses `parcel`. A failed or
 * killed run leaves the previous state. PostgreSQL loads with COPY; the embedded engine with batched INSERTs.
 * `parcel` is locked against readers until the transaction ends.
 */
export async function writeSynthParcels({
  client,
  engine,
  count,
  seed,
  onProgress = () => {},
}: {
  client: pg.ClientBase;
  engine: EngineKind;
  count: number;
  seed: number;
  onProgress?: (message: string) => void;
}): Promise<SynthLoadResult> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTH_PARCELS) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_SYNTH_PARCELS}, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const started = performance.now();
  await client.query('BEGIN');
  try {
    const removed = await clearSynthParcels(client);
    if (removed > 0) onProgress(`removed ${removed.toLocaleString('en')} earlier synthetic parcels`);
    const l = SYNTH_LAYER;
    // A new row continues from the version a `--remove` left behind (see SYNTH_VERSION_KEY).
    await client.query(
      `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, style, sort_order, min_zoom, max_zoom,
                          tile_feature_cap, source_table, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
               coalesce((SELECT value::integer FROM app_meta WHERE key = $12), 1))
       ON CONFLICT (id) DO UPDATE SET title_da = EXCLUDED.title_da, title_en = EXCLUDED.title_en,
         theme = EXCLUDED.theme, geometry_type = EXCLUDED.geometry_type, style = EXCLUDED.style,
         sort_order = EXCLUDED.sort_order, min_zoom = EXCLUDED.min_zoom, max_zoom = EXCLUDED.max_zoom,
         tile_feature_cap = EXCLUDED.tile_feature_cap, source_table = EXCLUDED.source_table`,
      [
        l.id,
        l.title_da,
        l.title_en,
        l.theme,
        l.geometry_type,
        JSON.stringify(l.style),
        l.sort_order,
        l.min_zoom,
        l.max_zoom,
        l.tile_feature_cap,
        l.source_table,
        SYNTH_VERSION_KEY,
      ],
    );

    // Filling a GiST index row by row is several times slower than building it once over the loaded table.
    const { rows: index } = await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'parcel' AND indexname = $1`,
      [GIST_INDEX],
    );
    await client.query(`DROP INDEX IF EXISTS ${GIST_INDEX}`);

    onProgress(
      `writing ${count.toLocaleString('en')} synthetic parcels (seed ${seed}) with ${engine === 'postgis' ? 'COPY' : 'INSERT'}`,
    );
    const parcels = generateParcels({ count, seed });
    const tick = progressMeter(count, onProgress);
    if (engine === 'postgis') await copyParcels(client, parcels, tick);
    else await insertParcels(client, parcels, tick);

    onProgress('building the spatial index');
    if (engine === 'postgis') await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(index[0]?.indexdef ?? GIST_INDEX_SQL);
    const { rows: bumped } = await client.query<{ version: number }>(
      'UPDATE layer SET version = version + 1 WHERE id = $1 RETURNING version',
      [SYNTH_LAYER.id],
    );
    onProgress('analysing parcel');
    await client.query('ANALYZE parcel');
    await client.query('COMMIT');
    return { parcels: count, version: bumped[0]!.version, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
