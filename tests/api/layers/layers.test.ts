import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { booleanClockwise } from '@turf/turf';
import type { LayerList } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const features = async (layer: string, query = '') => {
  const res = await app.inject(`/api/layers/${layer}/features${query}`);
  return { res, body: res.json<FeatureCollection>() };
};

describe('GET /api/layers', () => {
  it('lists every seeded layer in drawing order with counts and extents', async () => {
    const data = await seedData();
    const res = await app.inject('/api/layers');
    expect(res.statusCode).toBe(200);
    const { layers } = res.json<LayerList>();
    expect(layers.map((l) => l.id)).toEqual(
      [...data.layers].sort((a, b) => a.sort_order - b.sort_order).map((l) => l.id),
    );
    for (const layer of layers) {
      expect(layer.feature_count).toBe(data.features.get(layer.id)?.features.length);
      expect(layer.bbox).not.toBeNull();
      const [w, s, e, n] = layer.bbox ?? [];
      // Everything lies in or off Køge Kommune, or is one of its neighbours on Zealand, in degrees.
      expect(w).toBeGreaterThan(11.0);
      expect(e).toBeLessThan(12.7);
      expect(s).toBeGreaterThan(55.0);
      expect(n).toBeLessThan(55.9);
    }
  });

  it('marks layers holding illustrative geometry', async () => {
    const data = await seedData();
    const { layers } = (await app.inject('/api/layers')).json<LayerList>();
    for (const layer of layers) {
      const expected = data.features.get(layer.id)?.features.some((f) => f.properties.accuracy === 'illustrative');
      expect(layer.illustrative, layer.id).toBe(expected);
    }
    expect(layers.find((l) => l.id === 'koege-nord-plots')?.illustrative).toBe(true);
    expect(layers.find((l) => l.id === 'stations')?.illustrative).toBe(false);
  });
});

describe('GET /api/layers/:id/features', () => {
  it('returns RFC 7946 GeoJSON with source, accuracy and tender status on every plot', async () => {
    const { res, body } = await features('koege-nord-plots');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThanOrEqual(12);
    expect(body).not.toHaveProperty('crs');
    for (const f of body.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.source.length).toBeGreaterThan(0);
      expect(['official', 'sourced', 'approximate', 'illustrative']).toContain(f.properties.accuracy);
      expect(f.properties.tender_status).not.toBeNull();
      expect(f.properties.planned_year).toBeGreaterThanOrEqual(2024);
      expect(f.properties.planned_year).toBeLessThanOrEqual(2028);
      expect(f.properties.actions).toContain('1.4');
      expect(f.properties.area_m2).toBeGreaterThanOrEqual(10_000);
      expect(f.properties.area_m2).toBeLessThanOrEqual(200_000);
      expect(f.geometry.type).toBe('Polygon');
      // Right-hand rule: exterior ring counter-clockwise.
      const ring = (f.geometry.coordinates as number[][][])[0] ?? [];
      expect(booleanClockwise(ring)).toBe(false);
    }
  });

  it('filters by bbox with the spatial index', async () => {
    const all = (await features('stations')).body.features;
    const koegeNord = all.find((f) => f.properties.name.includes('Køge Nord'));
    expect(koegeNord).toBeDefined();
    const [lon, lat] = koegeNord?.geometry.coordinates as number[];
    const near = await features('stations', `?bbox=${lon! - 0.005},${lat! - 0.005},${lon! + 0.005},${lat! + 0.005}`);
    expect(near.res.statusCode).toBe(200);
    expect(near.body.features.map((f) => f.id)).toEqual([koegeNord?.id]);
    const jutland = await features('stations', '?bbox=9.0,56.0,9.5,56.5');
    expect(jutland.res.statusCode).toBe(200);
    expect(jutland.body.features).toEqual([]);
  });

  it('answers 404 problem+json for an unknown layer', async () => {
    expectProblem(await app.inject('/api/layers/no-such-layer/features'), 404);
  });

  it.each([
    ['a,b,c,d', 'not numbers'],
    ['12.1,55.4,12.2', 'three numbers'],
    ['12.1,55.4,12.2,55.5,1', 'five numbers'],
    ['12.2,55.4,12.1,55.5', 'west greater than east'],
    ['12.1,55.5,12.2,55.4', 'south greater than north'],
    ['700000,6150000,701000,6151000', 'EPSG:25832 metres sent as degrees'],
    ['12.1,NaN,12.2,55.5', 'NaN'],
    ['12.1,55.4,Infinity,55.5', 'Infinity'],
    ["12.1,55.4,12.2,55.5'; DROP TABLE site; --", 'SQL injection'],
    ['', 'empty'],
  ])('rejects bbox=%s (%s) with 400 naming bbox', async (bbox) => {
    expectProblem(await app.inject(`/api/layers/stations/features?bbox=${encodeURIComponent(bbox)}`), 400, 'bbox');
  });

  it('rejects an unknown query parameter, naming it', async () => {
    expectProblem(await app.inject('/api/layers/stations/features?limit=5'), 400, 'limit');
  });

  it.each(['UPPER', 'semi;colon', "x'or'1'='1", '%2E%2E%2Fetc', 'a'.repeat(65)])(
    'rejects a malformed layer id %s with 400 naming id',
    async (id) => {
      expectProblem(await app.inject(`/api/layers/${id}/features`), 400, 'id');
    },
  );
});
