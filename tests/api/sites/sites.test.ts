import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { area } from '@turf/turf';
import type { FeatureCollection, SiteDetail } from '@shared/schemas/site';
import type { LayerList } from '@shared/schemas/layer';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const site = async (id: string) => {
  const res = await app.inject(`/api/sites/${id}`);
  return { res, body: res.json<SiteDetail>() };
};

describe('GET /api/sites/:id', () => {
  it('returns a Køge Nord plot with area, action 1.4 with its initiative, and the tender with history', async () => {
    const data = await seedData();
    const plot = data.features.get('koege-nord-plots')?.features.find((f) => f.properties.tender);
    expect(plot).toBeDefined();
    const { res, body } = await site(plot!.properties.id);
    expect(res.statusCode).toBe(200);
    expect(body.layer).toBe('koege-nord-plots');
    expect(body.source).toBe(plot!.properties.source);
    expect(body.accuracy).toBe(plot!.properties.accuracy);
    expect(body.area_m2).toBeGreaterThan(0);
    const a14 = body.actions.find((a) => a.number === '1.4');
    expect(a14?.text).toMatch(/udbudsprocesser/);
    expect(a14?.initiative).toEqual({ number: 1, title: data.policy.initiatives[0]?.title });
    expect(body.tender?.status).toBe(plot!.properties.tender?.status);
    expect(body.tender?.history.length).toBe(plot!.properties.tender?.history.length);
    expect(body.tender?.history.at(-1)?.to_status).toBe(body.tender?.status);
    const [w, s, e, n] = body.bbox;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });

  it('gives a line its length in metres and no area', async () => {
    const { body } = await site('dige-nord');
    expect(body.area_m2).toBeNull();
    expect(body.length_m).toBeGreaterThan(1000);
    expect(body.attributes).toMatchObject({ design_level_m: 2.8 });
    expect(body.actions.map((a) => a.number)).toEqual(['3.6', '3.7']);
  });

  it('answers 404 problem+json for an unknown site', async () => {
    expectProblem(await app.inject('/api/sites/no-such-site'), 404);
  });

  it.each(['Has-Upper', 'x%20y', "1'%20OR%20'1'='1", 'a'.repeat(65), '-leading-dash'])(
    'rejects a malformed site id %s with 400 naming id',
    async (id) => {
      expectProblem(await app.inject(`/api/sites/${id}`), 400, 'id');
    },
  );
});

describe('areas', () => {
  // Turf measures on a sphere, PostGIS on the ellipsoid's UTM plane: they part by up to about 0.5 % at 55.6° N
  // (the northern neighbours, issue #16), far less over Køge itself.
  it("Turf's geodesic area and PostGIS's EPSG:25832 area agree within 0.6 % for every seed polygon", async () => {
    const data = await seedData();
    const { layers } = (await app.inject('/api/layers')).json<LayerList>();
    let checked = 0;
    for (const layer of layers.filter((l) => l.geometry_type === 'polygon')) {
      const served = (await app.inject(`/api/layers/${layer.id}/features`)).json<FeatureCollection>();
      for (const f of data.features.get(layer.id)?.features ?? []) {
        const turfArea = area(f as Parameters<typeof area>[0]);
        const postgisArea = served.features.find((s) => s.id === f.properties.id)?.properties.area_m2;
        expect(postgisArea, f.properties.id).toBeTypeOf('number');
        expect(Math.abs(postgisArea! - turfArea) / turfArea, f.properties.id).toBeLessThan(0.006);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });
});
