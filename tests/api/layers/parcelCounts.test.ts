import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../../server/src/app';
import { prepareDatabase } from '../../../server/src/platform/db/openDatabase';
import type { LayerList } from '@shared/schemas/layer';
import { SHIPPED_TERRAIN } from '../testApp';
import { scratchDatabase, type ScratchDatabase } from '../scratchDatabase';

/**
 * Parcel counts (migration 009): statement-level triggers keep `layer.parcel_count`, which /api/layers reports as a
 * parcel layer's feature_count instead of counting every call. On a database of its own: it truncates `parcel`.
 */
let scratch: ScratchDatabase;
let client: pg.Client;
let app: FastifyInstance;
const LAYERS = ['count-a', 'count-b'];

beforeAll(async () => {
  scratch = await scratchDatabase();
  await prepareDatabase({ connectionString: scratch.connectionString, seed: 'never', log: () => {} });
  client = new pg.Client({ connectionString: scratch.connectionString });
  await client.connect();
  for (const [i, id] of LAYERS.entries()) {
    await client.query(
      `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, style, sort_order, source_table)
       VALUES ($1, $1, $1, 'kontekst', 'polygon', '{}', $2, 'parcel')`,
      [id, 900 + i],
    );
  }
  app = await buildApp({
    db: { connectionString: scratch.connectionString, engine: inject('engine'), poolSize: 1 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
  });
});
afterAll(async () => {
  await app?.close();
  await client?.end();
  await scratch?.drop();
});

/** n parcels of a layer in one INSERT, ids from `first`: 10 m squares in EPSG:25832 near Køge. */
async function insertParcels(layer: string, first: number, n: number) {
  await client.query(
    `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom)
     SELECT i, $1, i::text || 'a', 'Test',
            ST_MakeEnvelope(700000 + i * 20, 6150000, 700010 + i * 20, 6150010, 25832)
       FROM generate_series($2::int, $2::int + $3::int - 1) AS i`,
    [layer, first, n],
  );
}

async function counts() {
  const stored = await client.query<{ id: string; parcel_count: string; actual: string }>(
    `SELECT l.id, l.parcel_count, (SELECT count(*) FROM parcel p WHERE p.layer_id = l.id) AS actual
       FROM layer l WHERE l.id = ANY($1) ORDER BY l.id`,
    [LAYERS],
  );
  const listed = (await app.inject('/api/layers')).json<LayerList>().layers;
  return stored.rows.map((r) => ({
    id: r.id,
    stored: Number(r.parcel_count),
    actual: Number(r.actual),
    listed: listed.find((l) => l.id === r.id)?.feature_count,
  }));
}

const expectCounts = async (a: number, b: number) =>
  expect(await counts()).toEqual([
    { id: 'count-a', stored: a, actual: a, listed: a },
    { id: 'count-b', stored: b, actual: b, listed: b },
  ]);

describe('parcel counts kept by triggers', () => {
  it('follow inserts of many rows at once, moves between layers, deletes and TRUNCATE', async () => {
    await expectCounts(0, 0);
    await insertParcels('count-a', 1, 250);
    await insertParcels('count-b', 1000, 3);
    await expectCounts(250, 3);
    await client.query("UPDATE parcel SET layer_id = 'count-b' WHERE id BETWEEN 1 AND 10");
    await expectCounts(240, 13);
    await client.query("UPDATE parcel SET matrikelnr = 'x' WHERE layer_id = 'count-a'");
    await expectCounts(240, 13);
    await client.query('DELETE FROM parcel WHERE id BETWEEN 11 AND 50');
    await expectCounts(200, 13);
    // A rolled-back write leaves the count as it was.
    await client.query('BEGIN');
    await insertParcels('count-a', 5000, 7);
    await client.query('ROLLBACK');
    await expectCounts(200, 13);
    await client.query('TRUNCATE parcel');
    await expectCounts(0, 0);
  });
});
