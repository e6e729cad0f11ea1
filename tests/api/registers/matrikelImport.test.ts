import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LayerList } from '@shared/schemas/layer';
import { testApp } from '../testApp';
import { lonLatToTile } from '../tileMath';
import {
  collection,
  fixture,
  importFile,
  importText,
  ownerClient,
  removeRegisterLayers,
  square,
} from './registerTestHelpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
afterEach(removeRegisterLayers);

const GML = fixture('matrikel-jordstykker.format-fixture.gml');
const GEOJSON = fixture('matrikel-jordstykker.format-fixture.geojson');

const parcels = async () => {
  const client = await ownerClient();
  try {
    const { rows } = await client.query(
      `SELECT id::text, matrikelnr, ejerlav, ejerlavskode::int, bfe::int, accuracy, round(area_m2) AS area
         FROM parcel WHERE layer_id = 'matrikel-jordstykker' ORDER BY id`,
    );
    return rows as { id: string; matrikelnr: string; ejerlav: string; ejerlavskode: number; bfe: number | null }[];
  } finally {
    await client.end();
  }
};

const JORDSTYKKE = {
  id_lokalId: '9900001',
  matrikelnummer: '1a',
  ejerlavsnavn: 'Køge Bygrunde',
  ejerlavskode: '2000151',
  samletFastEjendomLokalId: '5000001',
};

describe('npm run import -- matrikel', () => {
  it('loads jordstykker from Matriklen GML into the parcel register, official, with ejerlav and BFE', async () => {
    const report = await importFile('matrikel', GML);
    expect(report.layers).toEqual([{ id: 'matrikel-jordstykker', features: 4, written: 4, removed: 0, repaired: 0 }]);
    expect(await parcels()).toEqual([
      {
        id: '1234501',
        matrikelnr: '5a',
        ejerlav: 'Ølsemagle By, Ølsemagle',
        ejerlavskode: 2000157,
        bfe: 100101,
        accuracy: 'official',
        area: 92000,
      },
      expect.objectContaining({ id: '1234502', matrikelnr: '5b' }),
      expect.objectContaining({ id: '1234503', matrikelnr: '7ae' }),
      expect.objectContaining({ id: '1234504', matrikelnr: '12', ejerlav: 'Lellinge By, Lellinge', bfe: null }),
    ]);
    const layer = (await app.inject('/api/layers'))
      .json<LayerList>()
      .layers.find((l) => l.id === 'matrikel-jordstykker');
    expect(layer).toMatchObject({ feature_count: 4, min_zoom: 13, illustrative: false });
  });

  it('replaces by the jordstykke id and removes what the register no longer has (GeoJSON)', async () => {
    await importFile('matrikel', GML);
    const report = await importFile('matrikel', GEOJSON);
    expect(report.layers[0]).toMatchObject({ written: 2, removed: 2 });
    expect((await parcels()).map((p) => p.id)).toEqual(['1234501', '1234502']);
    const layer = (await app.inject('/api/layers'))
      .json<LayerList>()
      .layers.find((l) => l.id === 'matrikel-jordstykker');
    expect(layer?.feature_count).toBe(2);
  });

  it('serves the parcels in the tiles, official, and in OGC API Features with matrikelnummer and ejerlav', async () => {
    await importFile('matrikel', GML);
    const layer = (await app.inject('/api/layers'))
      .json<LayerList>()
      .layers.find((l) => l.id === 'matrikel-jordstykker');
    const { x, y } = lonLatToTile(12.146, 55.4985, 15);
    const url = layer!.tileset
      ? `/tiles/sets/${layer!.tileset.id}/15/${x}/${y}.mvt?v=${layer!.tileset.version}`
      : `/tiles/matrikel-jordstykker/15/${x}/${y}.mvt?v=${layer!.version}`;
    const tile = await app.inject(url);
    expect(tile.statusCode).toBe(200);
    const vt = new VectorTile(new PbfReader(tile.rawPayload));
    const source = vt.layers['matrikel-jordstykker'];
    expect(source?.length).toBeGreaterThan(0);
    expect(source!.feature(0).properties.accuracy).toBe('official');
    const item = await app.inject('/ogc/collections/matrikel-jordstykker/items/1234501');
    expect(item.statusCode).toBe(200);
    expect(item.json<{ properties: Record<string, unknown> }>().properties).toMatchObject({
      matrikelnr: '5a',
      ejerlav: 'Ølsemagle By, Ølsemagle',
      bfe: '100101',
    });
  });

  it('refuses a jordstykke in several parts, a missing matrikelnummer and a duplicate id', async () => {
    const twoParts = {
      type: 'MultiPolygon',
      coordinates: [square(700_000, 6_150_000).coordinates, square(700_500, 6_150_000).coordinates],
    };
    await expect(importText('matrikel', collection([[JORDSTYKKE, twoParts]]), 'j.json')).rejects.toThrow(
      /^j\.json: feature 1, line \d+: a jordstykke must be one polygon$/,
    );
    const { matrikelnummer: _, ...noNumber } = JORDSTYKKE;
    await expect(
      importText('matrikel', collection([[noNumber, square(700_000, 6_150_000)]]), 'j.json'),
    ).rejects.toThrow(/^j\.json: feature 1, line \d+: the required field matrikelnummer is missing or empty$/);
    await expect(
      importText(
        'matrikel',
        collection([
          [JORDSTYKKE, square(700_000, 6_150_000)],
          [JORDSTYKKE, square(700_500, 6_150_000)],
        ]),
        'j.json',
      ),
    ).rejects.toThrow(/^j\.json: features 1 and 2: both have the id 9900001: a register id must be unique$/);
    expect(await parcels()).toEqual([]);
  });

  it('never takes over a parcel id of another layer (e.g. the synthetic set)', async () => {
    const client = await ownerClient();
    try {
      await client.query(
        `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, sort_order, source_table)
         VALUES ('test-parcels', 'T', 'T', 'kontekst', 'polygon', 99, 'parcel')`,
      );
      await client.query(
        `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom)
         VALUES (9900001, 'test-parcels', '1', 'X', ST_GeomFromText('POLYGON((700000 6150000, 700010 6150000, 700010 6150010, 700000 6150000))', 25832))`,
      );
      await expect(
        importText('matrikel', collection([[JORDSTYKKE, square(700_000, 6_150_000)]]), 'j.json'),
      ).rejects.toThrow(/^j\.json: id 9900001 already belongs to the layer test-parcels$/);
    } finally {
      await client.query("DELETE FROM parcel WHERE layer_id = 'test-parcels'");
      await client.query("DELETE FROM layer WHERE id = 'test-parcels'");
      await client.end();
    }
  });
});
