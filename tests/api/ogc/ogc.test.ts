import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UTM32N_DOMAIN } from '../../../server/src/modules/ogc/ogcParams';
import { readConfig } from '../../../server/src/platform/config';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';
import { createSketch, QUIET_FIELD, square } from '../sketchFixtures';
import { testApp } from '../testApp';
import { authHeaders, createAccount, login } from '../workflowFixtures';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const UTM32 = 'http://www.opengis.net/def/crs/EPSG/0/25832';
/** testApp builds the app without PUBLIC_URL: links use the configured default. */
const PUBLIC = `${readConfig({}).publicUrl}/ogc`;

interface Link {
  href: string;
  rel: string;
  type?: string;
}
interface Item {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown[] };
  properties: Record<string, unknown>;
  links?: Link[];
}
interface Items {
  type: 'FeatureCollection';
  features: Item[];
  links: Link[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
}

let app: FastifyInstance;
let db: pg.Client;
beforeAll(async () => {
  app = await testApp();
  db = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await app.close();
  await db.end();
});

const get = (url: string) => app.inject(url);
const link = (links: Link[], rel: string) => links.find((l) => l.rel === rel);
/** The path and query of an absolute link, to follow it with app.inject. */
const local = (href: string) => {
  expect(href.startsWith(PUBLIC)).toBe(true);
  return href.slice(PUBLIC.length - '/ogc'.length);
};

/** Every position of a GeoJSON geometry. */
const positions = (coordinates: unknown): number[][] =>
  Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? [coordinates as number[]]
    : (coordinates as unknown[]).flatMap(positions);

describe('OGC API – Features: landing page, conformance, API definition', () => {
  it('the landing page links itself, the OpenAPI 3.0 definition, conformance and the collections', async () => {
    const res = await get('/ogc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { links } = res.json<{ links: Link[] }>();
    expect(link(links, 'self')?.href).toBe(PUBLIC);
    expect(link(links, 'service-desc')).toEqual(
      expect.objectContaining({ href: `${PUBLIC}/api`, type: 'application/vnd.oai.openapi+json;version=3.0' }),
    );
    expect(link(links, 'conformance')?.href).toBe(`${PUBLIC}/conformance`);
    expect(link(links, 'data')?.href).toBe(`${PUBLIC}/collections`);
    expect((await get('/ogc/?f=json')).statusCode).toBe(200);
  });

  it('declares Core, GeoJSON, OpenAPI 3.0 and the CRS part', async () => {
    const res = await get('/ogc/conformance');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ conformsTo: string[] }>().conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]),
    );
  });

  it('serves its OpenAPI 3.0 definition with the paths and the limit bounds', async () => {
    const res = await get('/ogc/api');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.oai.openapi+json;version=3.0');
    const api = res.json<{
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, { get: { parameters: { name: string; schema: Record<string, unknown> }[] } }>;
    }>();
    expect(api.openapi).toMatch(/^3\.0\./);
    expect(api.servers[0]?.url).toBe(PUBLIC);
    const items = api.paths['/collections/{collectionId}/items']!.get;
    expect(items.parameters.find((p) => p.name === 'limit')?.schema).toEqual(
      expect.objectContaining({ minimum: 1, maximum: 1000, default: 10 }),
    );
    expect(items.parameters.find((p) => p.name === 'collectionId')?.schema.enum).toContain('koege-nord-plots');
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/', '/conformance', '/collections', '/collections/{collectionId}/items/{featureId}']),
    );
  });
});

describe('OGC API – Features: collections', () => {
  it('lists every map layer and the sketches, each with CRS84 and EPSG:25832 and an items link', async () => {
    const data = await seedData();
    const res = await get('/ogc/collections');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      collections: { id: string; crs: string[]; storageCrs: string; links: Link[]; itemType: string }[];
    }>();
    const ids = body.collections.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([...data.layers.map((l) => l.id), 'sketches']));
    for (const c of body.collections) {
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual([CRS84, UTM32]);
      expect(c.storageCrs).toBe(UTM32);
      expect(link(c.links, 'items')).toEqual({
        href: `${PUBLIC}/collections/${c.id}/items`,
        rel: 'items',
        type: 'application/geo+json',
        title: expect.any(String),
      });
    }
  });

  it('describes one collection with its CRS84 extent; an unknown one is 404', async () => {
    const res = await get('/ogc/collections/koege-nord-plots');
    expect(res.statusCode).toBe(200);
    const c = res.json<{ id: string; extent: { spatial: { bbox: number[][]; crs: string } } }>();
    expect(c.id).toBe('koege-nord-plots');
    expect(c.extent.spatial.crs).toBe(CRS84);
    const [w, s, e, n] = c.extent.spatial.bbox[0]!;
    expect(w).toBeGreaterThan(12);
    expect(e).toBeLessThan(12.3);
    expect(s).toBeGreaterThan(55.4);
    expect(n).toBeLessThan(55.6);
    expectProblem(await get('/ogc/collections/no-such-layer'), 404);
    expectProblem(await get('/ogc/collections/no-such-layer/items'), 404);
  });
});

describe('OGC API – Features: items', () => {
  const plots = async () => (await seedData()).features.get('koege-nord-plots')!.features;

  it('pages with limit (default 10) and next/prev links that together give every feature once', async () => {
    const expected = (await plots()).map((f) => f.properties.id).sort();
    const first = await get('/ogc/collections/koege-nord-plots/items');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(first.headers['content-crs']).toBe(`<${CRS84}>`);
    const page1 = first.json<Items>();
    expect(page1.numberMatched).toBe(expected.length);
    expect(page1.numberReturned).toBe(10);
    expect(page1.features).toHaveLength(10);
    expect(Number.isNaN(Date.parse(page1.timeStamp))).toBe(false);
    expect(link(page1.links, 'prev')).toBeUndefined();

    const seen: string[] = [];
    let page: Items | undefined = (await get('/ogc/collections/koege-nord-plots/items?limit=4')).json<Items>();
    let pages = 0;
    while (page) {
      seen.push(...page.features.map((f) => f.id));
      expect(page.numberReturned).toBe(page.features.length);
      if (pages > 0) expect(link(page.links, 'prev')?.href).toMatch(/limit=4/);
      const next = link(page.links, 'next');
      page = next ? (await get(local(next.href))).json<Items>() : undefined;
      pages++;
    }
    expect(pages).toBe(Math.ceil(expected.length / 4));
    expect(seen.sort()).toEqual(expected);
  });

  it('features are RFC 7946 by default: lon/lat in Køge, with the site’s properties', async () => {
    const { features } = (await get('/ogc/collections/koege-nord-plots/items?limit=100')).json<Items>();
    const kn01 = features.find((f) => f.id === 'kn-01')!;
    expect(kn01.properties).toEqual(expect.objectContaining({ id: 'kn-01', accuracy: 'illustrative' }));
    expect(kn01.properties.name).toBeTruthy();
    for (const [lon, lat] of positions(kn01.geometry.coordinates)) {
      expect(lon).toBeGreaterThan(12);
      expect(lon).toBeLessThan(12.3);
      expect(lat).toBeGreaterThan(55.4);
      expect(lat).toBeLessThan(55.6);
    }
  });

  it('bbox (CRS84) keeps exactly the features whose geometry intersects it', async () => {
    const { rows } = await db.query<{ w: number; s: number; e: number; n: number }>(
      `SELECT ST_XMin(b) w, ST_YMin(b) s, ST_XMax(b) e, ST_YMax(b) n
         FROM (SELECT ST_Transform(geom, 4326)::box2d b FROM site WHERE id = 'kn-01') x`,
    );
    const { w, s, e, n } = rows[0]!;
    const bbox = [w, s, (w + e) / 2, (s + n) / 2].join(',');
    const expected = await db.query<{ id: string }>(
      `SELECT id FROM site WHERE layer_id = 'koege-nord-plots'
          AND ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope($1, $2, $3, $4, 4326)) ORDER BY id`,
      [w, s, (w + e) / 2, (s + n) / 2],
    );
    const body = (await get(`/ogc/collections/koege-nord-plots/items?bbox=${bbox}&limit=100`)).json<Items>();
    expect(body.features.map((f) => f.id).sort()).toEqual(expected.rows.map((r) => r.id));
    expect(body.features.map((f) => f.id)).toContain('kn-01');
    expect(body.numberMatched).toBe(expected.rows.length);
    expect(body.numberMatched).toBeLessThan((await plots()).length);
  });

  it('bbox-crs EPSG:25832 filters in metres; crs EPSG:25832 answers in metres with Content-Crs', async () => {
    const { rows } = await db.query<{ w: number; s: number; e: number; n: number }>(
      `SELECT ST_XMin(b) w, ST_YMin(b) s, ST_XMax(b) e, ST_YMax(b) n FROM (SELECT geom::box2d b FROM site WHERE id = 'kn-01') x`,
    );
    const { w, s, e, n } = rows[0]!;
    const expected = await db.query<{ id: string }>(
      `SELECT id FROM site WHERE layer_id = 'koege-nord-plots'
          AND ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 25832)) ORDER BY id`,
      [w, s, e, n],
    );
    const url =
      `/ogc/collections/koege-nord-plots/items?limit=100&bbox=${[w, s, e, n].join(',')}` +
      `&bbox-crs=${encodeURIComponent(UTM32)}&crs=${encodeURIComponent(UTM32)}`;
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-crs']).toBe(`<${UTM32}>`);
    const body = res.json<Items>();
    expect(body.features.map((f) => f.id).sort()).toEqual(expected.rows.map((r) => r.id));
    const kn01 = body.features.find((f) => f.id === 'kn-01')!;
    const stored = await db.query<{ g: { coordinates: unknown } }>(
      `SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 2)::json g FROM site WHERE id = 'kn-01'`,
    );
    expect(positions(kn01.geometry.coordinates)).toEqual(positions(stored.rows[0]!.g.coordinates));
    // The next/self links keep the query's CRS parameters.
    expect(link(body.links, 'self')?.href).toContain(`crs=${encodeURIComponent(UTM32)}`);
  });

  it('the widest EPSG:25832 and CRS84 boxes, densified to few corners, still keep every feature (issue #19)', async () => {
    const all = (await plots()).length;
    const d = UTM32N_DOMAIN;
    const widest = await get(
      `/ogc/collections/koege-nord-plots/items?limit=1&bbox=${d.minE},${d.minN},${d.maxE},${d.maxN}` +
        `&bbox-crs=${encodeURIComponent(UTM32)}`,
    );
    expect(widest.statusCode, widest.body).toBe(200);
    expect(widest.json<Items>().numberMatched).toBe(all);
    const world = await get('/ogc/collections/koege-nord-plots/items?limit=1&bbox=-180,-90,180,90');
    expect(world.json<Items>().numberMatched).toBe(all);
    // An edge 1 m past kn-01's corner, on a box hundreds of kilometres wide: coarse densifying must not lose it.
    const { rows } = await db.query<{ e: number; n: number }>(
      `SELECT ST_XMin(b) e, ST_YMin(b) n FROM (SELECT geom::box2d b FROM site WHERE id = 'kn-01') x`,
    );
    const { e, n } = rows[0]!;
    const edge = await get(
      `/ogc/collections/koege-nord-plots/items?limit=100&bbox=${d.minE},${d.minN},${e + 1},${n + 1}` +
        `&bbox-crs=${encodeURIComponent(UTM32)}`,
    );
    expect(edge.json<Items>().features.map((f) => f.id)).toContain('kn-01');
  });

  it('limit above 1000 gives 1000 (Part 1 lets the server cap it)', async () => {
    const body = (await get('/ogc/collections/koege-nord-plots/items?limit=5000')).json<Items>();
    expect(link(body.links, 'self')?.href).toMatch(/limit=1000/);
    expect(body.numberReturned).toBe((await plots()).length);
  });

  it('an offset past the end gives an empty page with a prev link and no next link', async () => {
    const body = (await get('/ogc/collections/koege-nord-plots/items?offset=500')).json<Items>();
    expect(body.features).toEqual([]);
    expect(body.numberReturned).toBe(0);
    expect(link(body.links, 'next')).toBeUndefined();
    expect(link(body.links, 'prev')).toBeDefined();
  });

  it('serves line and point layers too', async () => {
    const data = await seedData();
    for (const id of ['koege-dige', 'stations']) {
      const body = (await get(`/ogc/collections/${id}/items?limit=100`)).json<Items>();
      expect(body.numberMatched, id).toBe(data.features.get(id)!.features.length);
    }
  });

  it('one feature, in CRS84 or EPSG:25832, with links; an unknown feature is 404', async () => {
    const res = await get('/ogc/collections/koege-nord-plots/items/kn-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['content-crs']).toBe(`<${CRS84}>`);
    const item = res.json<Item>();
    expect(item.id).toBe('kn-01');
    expect(link(item.links!, 'self')?.href).toBe(`${PUBLIC}/collections/koege-nord-plots/items/kn-01`);
    expect(link(item.links!, 'collection')?.href).toBe(`${PUBLIC}/collections/koege-nord-plots`);

    const utm = await get(`/ogc/collections/koege-nord-plots/items/kn-01?crs=${encodeURIComponent(UTM32)}`);
    expect(utm.headers['content-crs']).toBe(`<${UTM32}>`);
    const [e, n] = positions(utm.json<Item>().geometry.coordinates)[0]!;
    expect(e).toBeGreaterThan(600_000);
    expect(n).toBeGreaterThan(6_100_000);

    expectProblem(await get('/ogc/collections/koege-nord-plots/items/no-such-plot'), 404);
    // A plot of another layer is not a feature of this collection.
    expectProblem(await get('/ogc/collections/stations/items/kn-01'), 404);
    expectProblem(await get('/ogc/collections/sketches/items/not-a-uuid'), 404);
    expectProblem(await get('/ogc/collections/sketches/items/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('the sketches collection serves the live sketches, not the deleted ones, in either CRS', async () => {
    const planner = await login(app, await createAccount(db, 'planner', 'OGC planner'), '10.66.3.1');
    const live = await createSketch(app, planner, {
      geometry: square(QUIET_FIELD.lon, QUIET_FIELD.lat),
      title: 'OGC live',
    });
    const gone = await createSketch(app, planner, { geometry: square(QUIET_FIELD.lon + 0.01, QUIET_FIELD.lat) });
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/sketches/${gone.id}?version=1`,
      headers: authHeaders(planner),
    });
    expect(del.statusCode, del.body).toBe(200);

    const body = (await get('/ogc/collections/sketches/items?limit=1000')).json<Items>();
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int n FROM sketch_current WHERE deleted_at IS NULL',
    );
    expect(body.numberMatched).toBe(rows[0]!.n);
    expect(body.features.map((f) => f.id)).toContain(live.id);
    expect(body.features.map((f) => f.id)).not.toContain(gone.id);
    const item = body.features.find((f) => f.id === live.id)!;
    expect(item.properties).toEqual(
      expect.objectContaining({ title: 'OGC live', proposed_use: '31', version: 1, status: 'draft' }),
    );
    expect(item.geometry).toEqual(live.geometry);

    const one = await get(`/ogc/collections/sketches/items/${live.id}?crs=${encodeURIComponent(UTM32)}`);
    expect(one.statusCode).toBe(200);
    const stored = await db.query<{ g: { coordinates: unknown } }>(
      'SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 2)::json g FROM sketch_current WHERE id = $1',
      [live.id],
    );
    expect(positions(one.json<Item>().geometry.coordinates)).toEqual(positions(stored.rows[0]!.g.coordinates));
    expectProblem(await get(`/ogc/collections/sketches/items/${gone.id}`), 404);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=-5', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=1.5', 'offset'],
    ['bbox=12,55,12.2', 'bbox'],
    ['bbox=12,55,abc,55.5', 'bbox'],
    ['bbox=12.3,55,12.2,55.5', 'bbox'],
    ['bbox=690000,6150000,700000,6160000', 'bbox'],
    [`bbox=12,55,12.2,55.5&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3857')}`, 'bbox-crs'],
    [`bbox-crs=${encodeURIComponent(UTM32)}`, 'bbox-crs'],
    [`crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326')}`, 'crs'],
    ['crs=EPSG:25832', 'crs'],
    ['f=html', 'f'],
    ['unknown=1', 'unknown'],
  ])('items?%s → 400 naming %s', async (query, name) => {
    expectProblem(await get(`/ogc/collections/koege-nord-plots/items?${query}`), 400, name);
  });

  it.each([
    ['/ogc?f=xml', 'f'],
    ['/ogc/collections?f=html', 'f'],
    ['/ogc/collections/koege-nord-plots/items/kn-01?crs=foo', 'crs'],
  ])('%s → 400 naming %s', async (url, name) => {
    expectProblem(await get(url), 400, name);
  });
});
