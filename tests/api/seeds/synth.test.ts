import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LayerList } from '@shared/schemas/layer';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { lonLatToTile } from '../tileMath';
import { SYNTH_PARCEL_ID_BASE } from '../../../seeds/synth/generateParcels';
import { removeSynthParcels } from '../../../seeds/synth/removeSynthParcels';
import { SYNTH_LAYER, SYNTH_VERSION_KEY } from '../../../seeds/synth/synthLayer';
import { writeSynthParcels } from '../../../seeds/synth/writeSynthParcels';

const COUNT = 2_000;
const engine = inject('engine');
const connect = async () => {
  const c = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await c.connect();
  return c;
};

let client: pg.Client;
beforeEach(async () => {
  client = await connect();
});
afterEach(() => client.end());

// The generator keeps its last version in app_meta across removals; put back what was there before.
let versionKeyBefore: string | null = null;
beforeAll(async () => {
  const c = await connect();
  try {
    const { rows } = await c.query<{ value: string }>('SELECT value FROM app_meta WHERE key = $1', [SYNTH_VERSION_KEY]);
    versionKeyBefore = rows[0]?.value ?? null;
  } finally {
    await c.end();
  }
});
afterAll(async () => {
  const c = await connect();
  try {
    await removeSynthParcels({ client: c });
    if (versionKeyBefore === null) await c.query('DELETE FROM app_meta WHERE key = $1', [SYNTH_VERSION_KEY]);
    else await c.query('UPDATE app_meta SET value = $2 WHERE key = $1', [SYNTH_VERSION_KEY, versionKeyBefore]);
  } finally {
    await c.end();
  }
});

const write = () => writeSynthParcels({ client, engine, count: COUNT, seed: 1 });
const layerVersion = async () =>
  (await client.query<{ version: number }>('SELECT version FROM layer WHERE id = $1', [SYNTH_LAYER.id])).rows[0]
    ?.version;
const gistIndexExists = async () =>
  (await client.query("SELECT 1 FROM pg_indexes WHERE indexname = 'parcel_geom_3857_idx'")).rowCount === 1;

describe('synthetic parcels in the database', () => {
  it('writes exactly N valid EPSG:25832 parcels under a parcel-sourced layer, with the GiST index back', async () => {
    const result = await write();
    expect(result.parcels).toBe(COUNT);
    const { rows } = await client.query<{ n: number; valid: number; srids: number[]; area: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE ST_IsValid(geom))::int AS valid,
              array_agg(DISTINCT ST_SRID(geom)) AS srids, min(area_m2) AS area
         FROM parcel WHERE layer_id = $1`,
      [SYNTH_LAYER.id],
    );
    expect(rows[0]).toMatchObject({ n: COUNT, valid: COUNT, srids: [25832] });
    expect(rows[0]!.area).toBeGreaterThan(50);
    const layer = await client.query('SELECT * FROM layer WHERE id = $1', [SYNTH_LAYER.id]);
    expect(layer.rows[0]).toMatchObject({
      title_da: SYNTH_LAYER.title_da,
      theme: 'kontekst',
      geometry_type: 'polygon',
      style: SYNTH_LAYER.style,
      min_zoom: 13,
      max_zoom: 22,
      tile_feature_cap: 4000,
      source_table: 'parcel',
      version: result.version,
    });
    expect(await gistIndexExists()).toBe(true);
  });

  it('replaces the parcels and bumps the layer version by one on every run', async () => {
    await write();
    const before = await layerVersion();
    const result = await write();
    expect(result.version).toBe(before! + 1);
    expect(await layerVersion()).toBe(before! + 1);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM parcel WHERE layer_id = $1', [
      SYNTH_LAYER.id,
    ]);
    expect(rows[0]?.n).toBe(COUNT);
  });

  it('leaves the previous parcels, index and version when a run fails', async () => {
    await write();
    const before = await layerVersion();
    // A parcel of another layer holding an id the run needs makes the load fail half-way.
    const blocker = SYNTH_PARCEL_ID_BASE + COUNT + 1_000;
    await client.query(
      `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom)
       VALUES ($1, 'municipality', '1a', 'Test By, Test',
               ST_GeomFromText('POLYGON((700000 6150000, 700010 6150000, 700010 6150010, 700000 6150000))', 25832))`,
      [blocker],
    );
    // Its own connection, dropped afterwards: after an error in a parameterised query the embedded engine
    // sends one ReadyForQuery too many (electric-sql/pglite#958), and that connection's replies fall out of step.
    const failing = await connect();
    failing.on('error', () => {});
    try {
      await expect(writeSynthParcels({ client: failing, engine, count: COUNT + 2_000, seed: 2 })).rejects.toThrow(
        /duplicate key/,
      );
    } finally {
      await failing.end().catch(() => {});
    }
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM parcel WHERE layer_id = $1', [
        SYNTH_LAYER.id,
      ]);
      expect(rows[0]?.n).toBe(COUNT);
      expect(await layerVersion()).toBe(before);
      expect(await gistIndexExists()).toBe(true);
    } finally {
      await client.query('DELETE FROM parcel WHERE id = $1', [blocker]);
    }
  });

  it('removes the parcels and the layer, and a later run never reuses a version', async () => {
    await write();
    const last = await layerVersion();
    const removed = await removeSynthParcels({ client });
    expect(removed).toEqual({ parcels: COUNT, layerRemoved: true });
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM parcel WHERE layer_id = $1', [
      SYNTH_LAYER.id,
    ]);
    expect(rows[0]?.n).toBe(0);
    expect(await layerVersion()).toBeUndefined();
    expect((await write()).version).toBe(last! + 1);
  });

  it('is listed, served as vector tiles only, with no more attributes than the map needs', async () => {
    await write();
    const app = await testApp({ tiles: { registryTtlMs: 0 } });
    try {
      const { layers } = (await app.inject('/api/layers')).json<LayerList>();
      expect(layers.find((l) => l.id === SYNTH_LAYER.id)).toMatchObject({ feature_count: COUNT, delivery: 'tiles' });
      expectProblem(await app.inject(`/api/layers/${SYNTH_LAYER.id}/features`), 400, 'id');

      const { rows } = await client.query<{ id: string; lon: number; lat: number }>(
        `SELECT id::text, ST_X(p) AS lon, ST_Y(p) AS lat
           FROM (SELECT id, ST_Transform(ST_PointOnSurface(geom), 4326) AS p FROM parcel WHERE layer_id = $1 LIMIT 1) x`,
        [SYNTH_LAYER.id],
      );
      const t = lonLatToTile(rows[0]!.lon, rows[0]!.lat, 16);
      const res = await app.inject(`/tiles/${SYNTH_LAYER.id}/${t.z}/${t.x}/${t.y}.mvt`);
      expect(res.statusCode).toBe(200);
      const layer = new VectorTile(new PbfReader(res.rawPayload)).layers[SYNTH_LAYER.id]!;
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
      const parcel = features.find((f) => f.properties.id === rows[0]!.id);
      expect(parcel?.properties).toEqual({ id: rows[0]!.id, layer: SYNTH_LAYER.id, accuracy: 'illustrative' });
      // Below the layer's zoom range nothing is served.
      const below = lonLatToTile(rows[0]!.lon, rows[0]!.lat, 12);
      expect((await app.inject(`/tiles/${SYNTH_LAYER.id}/${below.z}/${below.x}/${below.y}.mvt`)).statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });
});
