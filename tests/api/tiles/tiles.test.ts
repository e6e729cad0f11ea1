import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { pointOnFeature } from '@turf/turf';
import type { LayerList, Layer } from '@shared/schemas/layer';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';
import { lonLatToTile, tilesCovering } from '../tileMath';

let app: FastifyInstance;
let layers: Layer[];
beforeAll(async () => {
  // Versions are re-read on every request here, so a write shows at once.
  app = await testApp({ tiles: { registryTtlMs: 0 } });
  layers = (await app.inject('/api/layers')).json<LayerList>().layers;
});
afterAll(() => app.close());

const tileLayers = () => layers.filter((l) => l.geometry_type !== 'point');
const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));
/** The features of one MVT layer of a tile (none for an empty tile or a missing layer), in the order of their ids. */
const layerFeatures = (bytes: Uint8Array, layer: string) => {
  const vl = bytes.length ? decode(bytes).layers[layer] : undefined;
  return Array.from({ length: vl?.length ?? 0 }, (_, i) => vl!.feature(i)).sort((p, q) =>
    String(p.properties.id).localeCompare(String(q.properties.id)),
  );
};
const url = (layer: string, t: { z: number; x: number; y: number }, query = '') =>
  `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt${query}`;

/** The tile (at zoom z) under a point on each seed feature of the layer. */
async function featureTiles(layerId: string, z: number) {
  const data = await seedData();
  return (data.features.get(layerId)?.features ?? []).map((f) => {
    const [lon, lat] = pointOnFeature(f as Parameters<typeof pointOnFeature>[0]).geometry.coordinates as number[];
    return { id: f.properties.id, tile: lonLatToTile(lon!, lat!, z) };
  });
}

describe('GET /tiles/:layer/:z/:x/:y.mvt', () => {
  it('serves every polygon and line layer, each feature with the attributes the map needs', async () => {
    expect(tileLayers().length).toBeGreaterThanOrEqual(9);
    for (const layer of tileLayers()) {
      const z = Math.max(layer.min_zoom, 12);
      for (const { id, tile } of await featureTiles(layer.id, z)) {
        const res = await app.inject(url(layer.id, tile));
        expect(res.statusCode, `${layer.id} ${id}`).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
        const vt = decode(res.rawPayload);
        expect(Object.keys(vt.layers)).toEqual([layer.id]);
        const features = Array.from({ length: vt.layers[layer.id]!.length }, (_, i) => vt.layers[layer.id]!.feature(i));
        const feature = features.find((f) => f.properties.id === id);
        expect(feature, `${id} in ${url(layer.id, tile)}`).toBeDefined();
        expect(feature!.properties.layer).toBe(layer.id);
        expect(Object.keys(feature!.properties).sort()).toEqual(
          expect.arrayContaining(['accuracy', 'id', 'layer', 'name']),
        );
        for (const key of Object.keys(feature!.properties)) {
          expect(['accuracy', 'id', 'layer', 'name', 'tender_status', 'label', 'rank']).toContain(key);
        }
      }
    }
  });

  it('colours plots by tender status: the tile carries it', async () => {
    const data = await seedData();
    const { tile } = (await featureTiles('koege-nord-plots', 13))[0]!;
    const vt = decode((await app.inject(url('koege-nord-plots', tile))).rawPayload);
    const l = vt.layers['koege-nord-plots']!;
    for (let i = 0; i < l.length; i++) {
      const f = l.feature(i);
      const authored = data.features.get('koege-nord-plots')!.features.find((s) => s.properties.id === f.properties.id);
      expect(f.properties.tender_status).toBe(authored?.properties.tender?.status);
    }
  });

  it('answers 204 for an empty tile and below the layer’s zoom range', async () => {
    expect((await app.inject(url('koege-nord-plots', lonLatToTile(-30, 50, 12)))).statusCode).toBe(204);
    const plots = layers.find((l) => l.id === 'koege-nord-plots')!;
    expect(plots.min_zoom).toBeGreaterThan(0);
    const below = (await featureTiles('koege-nord-plots', plots.min_zoom - 1))[0]!.tile;
    expect((await app.inject(url('koege-nord-plots', below))).statusCode).toBe(204);
  });

  it('serves tiles from a second app after the first closed its pool (one shared session on the embedded engine)', async () => {
    const kn = layers.find((l) => l.id === 'koege-nord-plots')!;
    const plot = (await seedData()).features.get(kn.id)!.features[0]!;
    const [lon, lat] = pointOnFeature(plot.geometry as Parameters<typeof pointOnFeature>[0]).geometry.coordinates;
    const { z, x, y } = lonLatToTile(lon!, lat!, 14);
    const url = `/tiles/${kn.id}/${z}/${x}/${y}.mvt`;
    // Each app renders the tile itself (no cache): a statement the first prepared must not trip the second.
    for (let i = 0; i < 2; i++) {
      const other = await testApp({ tiles: { cacheBytes: 0 } });
      try {
        const res = await other.inject(url);
        expect(res.statusCode, res.body).toBe(200);
      } finally {
        await other.close();
      }
    }
  });

  it('caches encoded tiles, with ETag/304, CDN cache headers and gzip', async () => {
    const layer = layers.find((l) => l.id === 'energy-zones')!;
    const { tile } = (await featureTiles('energy-zones', 12))[0]!;
    const first = await app.inject(url(layer.id, tile));
    const second = await app.inject(url(layer.id, tile));
    expect(second.headers['x-tile-cache']).toBe('hit');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);
    expect(first.headers['cache-control']).toMatch(/max-age=60\b/);

    const notModified = await app.inject({ url: url(layer.id, tile), headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);

    const versioned = await app.inject(url(layer.id, tile, `?v=${layer.version}`));
    expect(versioned.headers['cache-control']).toMatch(/immutable/);
    const stale = await app.inject(url(layer.id, tile, `?v=${layer.version + 1000}`));
    expect(stale.headers['cache-control']).not.toMatch(/immutable/);

    const gz = await app.inject({ url: url(layer.id, tile), headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(first.rawPayload)).toBe(true);
  });

  it('gives the gzip and the identity tile ETags of their own, with Vary, and 304 for either (issue #19)', async () => {
    const { tile } = (await featureTiles('energy-zones', 12))[0]!;
    const path = url('energy-zones', tile);
    const plain = await app.inject(path);
    const gz = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    const [plainTag, gzTag] = [String(plain.headers.etag), String(gz.headers.etag)];
    expect(gzTag).not.toBe(plainTag);
    expect(gzTag).toBe(`${plainTag.slice(0, -1)}-gz"`);
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);

    const revalidate = (ifNoneMatch: string, acceptEncoding?: string) =>
      app.inject({
        url: path,
        headers: { 'if-none-match': ifNoneMatch, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      });
    // Each variant revalidates with its own tag; a cache holding the other variant is told which one to reuse.
    for (const [ifNoneMatch, encoding, tag] of [
      [gzTag, 'gzip', gzTag],
      [plainTag, undefined, plainTag],
      [plainTag, 'gzip', plainTag],
      [gzTag, undefined, gzTag],
      [`${plainTag}, ${gzTag}`, 'gzip', gzTag],
    ] as const) {
      const res = await revalidate(ifNoneMatch, encoding);
      expect(res.statusCode, `${ifNoneMatch} / ${encoding}`).toBe(304);
      expect(res.headers.etag, `${ifNoneMatch} / ${encoding}`).toBe(tag);
    }
    // gzip;q=0 refuses gzip (RFC 9110 §12.5.3): the identity tile and its tag.
    const refused = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip;q=0, deflate' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers.etag).toBe(plainTag);
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
  });

  it('answers 304 to a weak If-None-Match, a list holding the tag and *, not to another tag (issue #19)', async () => {
    const { tile } = (await featureTiles('energy-zones', 12))[0]!;
    const path = url('energy-zones', tile);
    const etag = String((await app.inject(path)).headers.etag);
    for (const header of [`W/${etag}`, `"a", W/${etag}`, `W/"a",${etag}`, '*']) {
      const res = await app.inject({ url: path, headers: { 'if-none-match': header } });
      expect(res.statusCode, header).toBe(304);
      expect(res.rawPayload.length, header).toBe(0);
    }
    expect((await app.inject({ url: path, headers: { 'if-none-match': 'W/"a", "b"' } })).statusCode).toBe(200);
  });

  it('an edit bumps the layer version: no stale tile after a write', async () => {
    const { tile } = (await featureTiles('koege-nord-plots', 14)).find((t) => t.id === 'kn-01')!;
    const statusIn = async () => {
      const res = await app.inject(url('koege-nord-plots', tile));
      const l = decode(res.rawPayload).layers['koege-nord-plots']!;
      const f = Array.from({ length: l.length }, (_, i) => l.feature(i)).find((x) => x.properties.id === 'kn-01');
      return { status: f?.properties.tender_status, etag: String(res.headers.etag) };
    };
    const before = await statusIn();
    await app.inject(url('koege-nord-plots', tile)); // warm the cache
    const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await client.connect();
    try {
      await client.query("UPDATE tender SET status = 'withdrawn' WHERE site_id = 'kn-01'");
      const after = await statusIn();
      expect(after.status).toBe('withdrawn');
      expect(after.etag).not.toBe(before.etag);
      const revalidated = await app.inject({
        url: url('koege-nord-plots', tile),
        headers: { 'if-none-match': before.etag },
      });
      expect(revalidated.statusCode).toBe(200);
    } finally {
      await client.query('UPDATE tender SET status = $1 WHERE site_id = $2', [before.status, 'kn-01']);
      await client.end();
    }
    expect((await statusIn()).status).toBe(before.status);
  });

  describe('bad input', () => {
    it('404 for an unknown layer and for a point layer', async () => {
      expectProblem(await app.inject('/tiles/no-such-layer/10/545/320.mvt'), 404);
      expectProblem(await app.inject('/tiles/stations/10/545/320.mvt'), 404);
    });

    it.each([
      ['/tiles/koege-nord-plots/23/0/0.mvt', 'z'],
      ['/tiles/koege-nord-plots/-1/0/0.mvt', 'z'],
      ['/tiles/koege-nord-plots/1.5/0/0.mvt', 'z'],
      ['/tiles/koege-nord-plots/abc/0/0.mvt', 'z'],
      ['/tiles/koege-nord-plots/2/4/0.mvt', 'x'],
      ['/tiles/koege-nord-plots/2/0/4.mvt', 'y'],
      ['/tiles/koege-nord-plots/10/1e3/0.mvt', 'x'],
      ['/tiles/koege-nord-plots/10/0/0x1.mvt', 'y'],
      ['/tiles/koege-nord-plots/10/0/.mvt', 'y'],
      ['/tiles/koege-nord-plots/0/0/0.mvt?v=abc', 'v'],
      ['/tiles/koege-nord-plots/0/0/0.mvt?layer=site', 'layer'],
      ["/tiles/x'%3BDROP%20TABLE%20site%3B--/0/0/0.mvt", 'layer'],
      ['/tiles/..%2F..%2Fetc%2Fpasswd/0/0/0.mvt', 'layer'],
      ['/tiles/SITE/0/0/0.mvt', 'layer'],
    ])('%s → 400 naming %s', async (path, name) => {
      expectProblem(await app.inject(path), 400, name);
    });
  });
});

describe('GET /tiles/sets/:tileset/:z/:x/:y.mvt', () => {
  const setUrl = (t: { z: number; x: number; y: number }, query = '') =>
    `/tiles/sets/sites/${t.z}/${t.x}/${t.y}.mvt${query}`;
  /** The features of one MVT layer, by id, with their attributes and geometry. */
  const featuresOf = (bytes: Uint8Array, layer: string) =>
    layerFeatures(bytes, layer).map((f) => ({ props: f.properties, type: f.type, geometry: f.loadGeometry() }));

  it('/api/layers names the tileset of every site polygon and line layer, points and parcels have none', () => {
    const members = layers.filter((l) => l.tileset !== null);
    expect(members.map((l) => l.id).sort()).toEqual(
      tileLayers()
        .map((l) => l.id)
        .sort(),
    );
    expect(new Set(members.map((l) => JSON.stringify(l.tileset)))).toEqual(
      new Set([JSON.stringify(members[0]!.tileset)]),
    );
    expect(members[0]!.tileset).toEqual({ id: 'sites', version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    for (const l of layers.filter((x) => x.geometry_type === 'point')) expect(l.tileset).toBeNull();
  });

  it('holds every member layer’s features as that layer’s own tile does, one source-layer each', async () => {
    let compared = 0;
    for (const layer of tileLayers()) {
      const z = Math.max(layer.min_zoom, 12);
      for (const { tile } of (await featureTiles(layer.id, z)).slice(0, 8)) {
        const own = await app.inject(url(layer.id, tile));
        const set = await app.inject(setUrl(tile));
        expect(set.statusCode, setUrl(tile)).toBe(200);
        expect(set.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
        const names = Object.keys(decode(set.rawPayload).layers);
        expect(names).toContain(layer.id);
        for (const name of names) expect(tileLayers().map((l) => l.id)).toContain(name);
        expect(featuresOf(set.rawPayload, layer.id), `${layer.id} ${setUrl(tile)}`).toEqual(
          featuresOf(own.rawPayload, layer.id),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(tileLayers().length);
  });

  it('leaves out a member below its zoom range and answers 204 where nothing is', async () => {
    const plots = layers.find((l) => l.id === 'koege-nord-plots')!;
    const { tile } = (await featureTiles(plots.id, plots.min_zoom - 1))[0]!;
    const res = await app.inject(setUrl(tile));
    expect(res.statusCode).toBe(200);
    const names = Object.keys(decode(res.rawPayload).layers);
    expect(names).not.toContain(plots.id);
    expect(names).toContain('municipality');
    const { tile: inside } = (await featureTiles(plots.id, plots.min_zoom))[0]!;
    expect(Object.keys(decode((await app.inject(setUrl(inside))).rawPayload).layers)).toContain(plots.id);
    expect((await app.inject(setUrl(lonLatToTile(-30, 50, 12)))).statusCode).toBe(204);
  });

  it('caches with ETag/304 and gzip; an edit of one member changes the version, so no stale tile', async () => {
    // Earlier tests' edits bumped versions since beforeAll: read them now.
    const current = (await app.inject('/api/layers')).json<LayerList>().layers;
    const version = () => current.find((l) => l.id === 'koege-nord-plots')!.tileset!.version;
    const { tile } = (await featureTiles('koege-nord-plots', 14)).find((t) => t.id === 'kn-01')!;
    const first = await app.inject(setUrl(tile, `?v=${version()}`));
    expect(first.headers['cache-control']).toMatch(/immutable/);
    expect((await app.inject(setUrl(tile, '?v=abc'))).headers['cache-control']).not.toMatch(/immutable/);
    expect((await app.inject(setUrl(tile))).headers['x-tile-cache']).toBe('hit');
    const etag = String(first.headers.etag);
    expect((await app.inject({ url: setUrl(tile), headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const gz = await app.inject({ url: setUrl(tile), headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).equals(first.rawPayload)).toBe(true);
    expect(gz.headers.etag).toBe(`${etag.slice(0, -1)}-gz"`);
    const gzAgain = await app.inject({
      url: setUrl(tile),
      headers: { 'accept-encoding': 'gzip', 'if-none-match': `W/${String(gz.headers.etag)}` },
    });
    expect(gzAgain.statusCode).toBe(304);

    const statusOf = (bytes: Uint8Array) =>
      featuresOf(bytes, 'koege-nord-plots').find((f) => f.props.id === 'kn-01')?.props.tender_status;
    const before = statusOf(first.rawPayload);
    const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await client.connect();
    try {
      await client.query("UPDATE tender SET status = 'withdrawn' WHERE site_id = 'kn-01'");
      const changed = (await app.inject('/api/layers')).json<LayerList>().layers;
      const newVersion = changed.find((l) => l.id === 'koege-nord-plots')!.tileset!.version;
      expect(newVersion).not.toBe(version());
      for (const l of changed.filter((x) => x.tileset)) expect(l.tileset!.version).toBe(newVersion);
      const after = await app.inject({ url: setUrl(tile, `?v=${newVersion}`), headers: { 'if-none-match': etag } });
      expect(after.statusCode).toBe(200);
      expect(after.headers['cache-control']).toMatch(/immutable/);
      expect(statusOf(after.rawPayload)).toBe('withdrawn');
    } finally {
      await client.query('UPDATE tender SET status = $1 WHERE site_id = $2', [before, 'kn-01']);
      await client.end();
    }
    expect(statusOf((await app.inject(setUrl(tile))).rawPayload)).toBe(before);
  });

  it.each([
    ['/tiles/sets/sites/23/0/0.mvt', 'z'],
    ['/tiles/sets/sites/2/4/0.mvt', 'x'],
    ['/tiles/sets/sites/2/0/x.mvt', 'y'],
    ['/tiles/sets/sites/0/0/0.mvt?v=XYZ', 'v'],
    ['/tiles/sets/sites/0/0/0.mvt?layers=site', 'layers'],
    ["/tiles/sets/x'%3BDROP%20TABLE%20site%3B--/0/0/0.mvt", 'tileset'],
  ])('%s → 400 naming %s', async (path, name) => {
    expectProblem(await app.inject(path), 400, name);
  });

  it('404 for an unknown tileset', async () => {
    expectProblem(await app.inject('/tiles/sets/parcels/10/545/320.mvt'), 404);
  });
});

describe('the two encoders', () => {
  it('JavaScript (geojson-vt + vt-pbf) and ST_AsMVT give the same features and attributes', async () => {
    if (inject('engine') === 'pglite') {
      // PGlite's PostGIS has no protobuf: the JS encoder must be the one in use there.
      expect(await app.tiles.encoder()).toBe('js');
      const layer = (await app.tiles.registry.get('koege-nord-plots'))!;
      await expect(app.tiles.render(layer, { z: 0, x: 0, y: 0 }, 'postgis')).rejects.toThrow(/protobuf/);
      return;
    }
    expect(await app.tiles.encoder()).toBe('postgis');
    let compared = 0;
    for (const l of tileLayers()) {
      const layer = (await app.tiles.registry.get(l.id))!;
      for (let z = l.min_zoom; z <= Math.min(l.min_zoom + 6, 16); z++) {
        for (const tile of tilesCovering(l.bbox!, z).slice(0, 40)) {
          const [a, b] = await Promise.all([
            app.tiles.render(layer, tile, 'postgis'),
            app.tiles.render(layer, tile, 'js'),
          ]);
          const summary = (bytes: Uint8Array) =>
            layerFeatures(bytes, l.id).map((f) => ({ props: f.properties, type: f.type, extent: f.extent }));
          expect(summary(b), `${l.id} ${tile.z}/${tile.x}/${tile.y}`).toEqual(summary(a));
          compared += summary(a).length;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('a tileset’s tiles are the same from both encoders, layer by layer', async () => {
    if (inject('engine') === 'pglite') return; // one encoder there (checked above)
    const tileset = (await app.tiles.registry.getTileset('sites'))!;
    const plots = layers.find((l) => l.id === 'koege-nord-plots')!;
    let compared = 0;
    for (let z = 8; z <= 15; z++) {
      for (const tile of tilesCovering(plots.bbox!, z).slice(0, 12)) {
        const [a, b] = await Promise.all([
          app.tiles.renderTileset(tileset, tile, 'postgis'),
          app.tiles.renderTileset(tileset, tile, 'js'),
        ]);
        const summary = (bytes: Uint8Array) => {
          const names = bytes.length ? Object.keys(decode(bytes).layers).sort() : [];
          return Object.fromEntries(names.map((name) => [name, layerFeatures(bytes, name).map((f) => f.properties)]));
        };
        expect(summary(b), `${tile.z}/${tile.x}/${tile.y}`).toEqual(summary(a));
        compared += Object.keys(summary(a)).length;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
