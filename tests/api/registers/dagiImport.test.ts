import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { LayerList } from '@shared/schemas/layer';
import type { SiteDetail } from '@shared/schemas/site';
import { testApp } from '../testApp';
import { lonLatToTile } from '../tileMath';
import { fixture, importFile, ownerClient, removeRegisterLayers } from './registerTestHelpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
afterEach(removeRegisterLayers);

const layerRow = async (id: string) => {
  const client = await ownerClient();
  try {
    const { rows } = await client.query<{ version: number; source: string; licence: string; imported_at: Date }>(
      'SELECT version, source, licence, imported_at FROM layer WHERE id = $1',
      [id],
    );
    return rows[0];
  } finally {
    await client.end();
  }
};

describe('npm run import -- dagi (real DAGI files)', () => {
  it('loads the 15 municipalities around Køge, merging the parts the ok-dk file splits, as official sites', async () => {
    const report = await importFile('dagi', fixture('koege_area_kommuner.geojson'));
    expect(report.features).toBe(18);
    expect(report.layers).toEqual([{ id: 'dagi-kommuner', features: 18, written: 15, removed: 0, repaired: 0 }]);
    const res = await app.inject('/api/sites/dagi-kommune-0259');
    expect(res.statusCode).toBe(200);
    const koege = res.json<SiteDetail>();
    expect(koege).toMatchObject({
      name: 'Køge Kommune',
      layer: 'dagi-kommuner',
      kind: 'kommune',
      accuracy: 'official',
    });
    expect(koege.source).toMatch(/DAGI/);
    expect(koege.attributes).toMatchObject({ kode: '0259', navn: 'Køge', licence: expect.stringMatching(/DAGI/) });
    expect(Date.parse(String(koege.attributes.imported_at))).toBeGreaterThan(Date.now() - 600_000);
    // Køge Kommune is about 257 km²; the 1:500 000 generalisation is within a few per cent.
    expect(koege.area_m2! / 1e6).toBeGreaterThan(240);
    expect(koege.area_m2! / 1e6).toBeLessThan(275);
    // Greve (0253) had one part; Vallensbæk (0187) two and 0153 three: one site each.
    const vallensbaek = (await app.inject('/api/sites/dagi-kommune-0187')).json<SiteDetail>();
    expect(vallensbaek.geometry.type).toBe('MultiPolygon');
    const layer = await layerRow('dagi-kommuner');
    expect(layer).toMatchObject({ source: expect.stringMatching(/DAGI/), licence: expect.stringMatching(/DAGI/) });
  });

  it('loads the postcodes (POSTNR_TXT/POSTBYNAVN) into their own layer', async () => {
    const report = await importFile('dagi', fixture('koege_area_postnumre.geojson'));
    expect(report.layers).toEqual([{ id: 'dagi-postnumre', features: 33, written: 31, removed: 0, repaired: 0 }]);
    const herfoelge = (await app.inject('/api/sites/dagi-postnr-4681')).json<SiteDetail>();
    expect(herfoelge).toMatchObject({ name: '4681 Herfølge', accuracy: 'official' });
  });

  it("reads Dataforsyningen's own schema (kode/navn, no crs member: RFC 7946 lon/lat)", async () => {
    const report = await importFile('dagi', fixture('dagi-kommuner.format-fixture.geojson'));
    expect(report.layers[0]).toMatchObject({ id: 'dagi-kommuner', written: 1 });
    const koege = (await app.inject('/api/sites/dagi-kommune-0259')).json<SiteDetail>();
    expect(koege.name).toBe('Køge Kommune');
  });

  it('is idempotent: a re-import replaces by id, bumps the version, and removes what the file no longer has', async () => {
    await importFile('dagi', fixture('koege_area_kommuner.geojson'));
    const first = await layerRow('dagi-kommuner');
    const again = await importFile('dagi', fixture('koege_area_kommuner.geojson'));
    expect(again.layers[0]).toMatchObject({ written: 15, removed: 0 });
    const second = await layerRow('dagi-kommuner');
    expect(second!.version).toBeGreaterThan(first!.version);
    const layers = (await app.inject('/api/layers')).json<LayerList>().layers;
    expect(layers.find((l) => l.id === 'dagi-kommuner')).toMatchObject({ feature_count: 15, illustrative: false });

    const subset = await importFile('dagi', fixture('koege_kommune.geojson'));
    expect(subset.layers[0]).toMatchObject({ written: 1, removed: 14 });
    expect((await app.inject('/api/sites/dagi-kommune-0253')).statusCode).toBe(404);
    const client = await ownerClient();
    try {
      const { rows } = await client.query(
        'SELECT features, removed FROM register_import WHERE layer_id = $1 ORDER BY id',
        ['dagi-kommuner'],
      );
      expect(rows).toEqual([
        { features: 18, removed: 0 },
        { features: 18, removed: 0 },
        { features: 1, removed: 14 },
      ]);
    } finally {
      await client.end();
    }
  });

  it('serves the imported layer like any other: the layer list, OGC API Features and vector tiles', async () => {
    await importFile('dagi', fixture('koege_area_kommuner.geojson'));
    const layer = (await app.inject('/api/layers')).json<LayerList>().layers.find((l) => l.id === 'dagi-kommuner');
    expect(layer).toMatchObject({ theme: 'kontekst', geometry_type: 'polygon', delivery: 'tiles', feature_count: 15 });
    expect(layer!.source).toEqual({
      name: 'DAGI, Klimadatastyrelsen (Dataforsyningen)',
      licence: expect.stringMatching(/DAGI/),
      imported_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    const seeded = (await app.inject('/api/layers')).json<LayerList>().layers.find((l) => l.id === 'municipality');
    expect(seeded?.source).toBeNull();
    const items = await app.inject('/ogc/collections/dagi-kommuner/items?limit=100');
    expect(items.statusCode).toBe(200);
    const body = items.json<{ features: { id: string }[] }>();
    expect(body.features.map((f) => f.id)).toContain('dagi-kommune-0259');
    const { x, y } = lonLatToTile(12.18, 55.46, 9);
    const tile = await app.inject(`/tiles/dagi-kommuner/9/${x}/${y}.mvt?v=${layer!.version}`);
    expect(tile.statusCode).toBe(200);
    expect(tile.rawPayload.length).toBeGreaterThan(100);
  });
});
