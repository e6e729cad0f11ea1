import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Policy } from '@shared/schemas/policy';
import { testApp } from '../testApp';
import { seedData } from '../seedFixtures';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('GET /api/policy', () => {
  it('serves all ten initiatives with every action of policy.json, in order, with Danish text', async () => {
    const data = await seedData();
    const res = await app.inject('/api/policy');
    expect(res.statusCode).toBe(200);
    const { initiatives } = res.json<Policy>();
    expect(initiatives.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [index, i] of initiatives.entries()) {
      const authored = data.policy.initiatives[index]!;
      expect(i.title).toBe(authored.title);
      expect(i.goal).toBe(authored.goal);
      expect(i.actions.map((a) => [a.number, a.text])).toEqual(authored.actions.map((a) => [a.number, a.text]));
    }
  });

  it('links each action to the sites that serve it', async () => {
    const data = await seedData();
    const { initiatives } = (await app.inject('/api/policy')).json<Policy>();
    const action = (n: string) => initiatives.flatMap((i) => i.actions).find((a) => a.number === n);
    const plotIds = data.features
      .get('koege-nord-plots')!
      .features.map((f) => f.properties.id)
      .sort();
    const ids = (n: string) => action(n)?.sites.map((s) => s.id);
    expect(ids('1.4')).toEqual(expect.arrayContaining(plotIds));
    expect(action('1.4')?.sites.find((s) => s.id === plotIds[0])?.layer).toBe('koege-nord-plots');
    const dikeIds = data.features
      .get('koege-dige')!
      .features.map((f) => f.properties.id)
      .sort();
    expect(dikeIds.length).toBe(2);
    expect(action('3.6')?.sites).toEqual(dikeIds.map((id) => ({ id, layer: 'koege-dige' })));
    expect(ids('10.4')).toContain(data.features.get('bellingeparken')!.features[0]!.properties.id);
    expect(action('2.1')?.sites).toEqual([]);
    expect(action('2.1')?.bbox).toBeNull();
  });

  it("gives each action the joint extent of its sites (the dike's for 3.6)", async () => {
    const data = await seedData();
    const { initiatives } = (await app.inject('/api/policy')).json<Policy>();
    const bbox = initiatives.flatMap((i) => i.actions).find((a) => a.number === '3.6')?.bbox;
    const coords = data.features.get('koege-dige')!.features.flatMap((f) => f.geometry.coordinates as number[][]);
    const lons = coords.map((c) => c[0]!);
    const lats = coords.map((c) => c[1]!);
    const expected = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    expect(bbox).toHaveLength(4);
    bbox!.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });
});

describe('GET /api/health and /docs', () => {
  it('reports the engine and its PostGIS', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: app.engine });
    expect(res.json<{ postgis: string }>().postgis).toMatch(/^3\./);
  });

  it('serves an OpenAPI 3 document covering every API route', async () => {
    const res = await app.inject('/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/layers',
        '/api/layers/{id}/features',
        '/api/sites/{id}',
        '/api/policy',
        '/api/health',
      ]),
    );
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
