import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { PlotList } from '@shared/schemas/plot';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';

/**
 * A plot on the low land between Køge and Ølby, behind the dike's north section: a 100 m square
 * (E 701425–701525, N 6151788–6151888, EPSG:25832) that the shipped illustrative terrain floods at
 * 1.8 m DVR90 without the dike and keeps dry with it. Added for these tests only, removed after.
 */
const LOWLAND_PLOT = 'test-lowland-plot';

let app: FastifyInstance;
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await db.connect();
  await db.query(
    `INSERT INTO site (id, layer_id, name, kind, plan_use, geom, source, accuracy)
     VALUES ($1, 'koege-nord-plots', 'Testgrund i lavningen', 'plot', 'production',
             ST_MakeEnvelope(701425, 6151788, 701525, 6151888, 25832), 'test fixture', 'illustrative')`,
    [LOWLAND_PLOT],
  );
  app = await testApp();
});

afterAll(async () => {
  await app?.close();
  await db.query('DELETE FROM site WHERE id = $1', [LOWLAND_PLOT]);
  await db.end();
});

const extentRows = async () =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flood_extent')).rows[0]!.n;

interface ExtentFeature {
  type: string;
  geometry: { type: string; coordinates: number[][][][] };
  properties: { level_m: number; dike: string; flooded_area_m2: number; accuracy: string; model: string };
}

describe('GET /api/flood', () => {
  it('floods more land without the dike than with it, as an EPSG:4326 MultiPolygon over Køge', async () => {
    const get = async (dike: string) => {
      const res = await app.inject(`/api/flood?level=1.8&dike=${dike}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ExtentFeature>();
    };
    const [withDike, withoutDike] = [await get('with'), await get('without')];
    expect(withoutDike.geometry.type).toBe('MultiPolygon');
    expect(withoutDike.properties).toMatchObject({ level_m: 1.8, dike: 'without', accuracy: 'illustrative' });
    expect(withoutDike.properties.flooded_area_m2).toBeGreaterThan(withDike.properties.flooded_area_m2 + 1_000_000);
    for (const [lon, lat] of withoutDike.geometry.coordinates.flat(2)) {
      expect(lon).toBeGreaterThan(12.0);
      expect(lon).toBeLessThan(12.4);
      expect(lat).toBeGreaterThan(55.3);
      expect(lat).toBeLessThan(55.6);
    }
  });

  it('rises with the water: a higher level never floods less', async () => {
    let previous = -1;
    for (const level of ['0.5', '1.57', '2.8', '3.45']) {
      const res = await app.inject(`/api/flood?level=${level}&dike=without`);
      const area = res.json<ExtentFeature>().properties.flooded_area_m2;
      expect(area).toBeGreaterThanOrEqual(previous);
      previous = area;
    }
    expect(previous).toBeGreaterThan(0);
  });

  it('computes each level once for all instances and answers a revalidation with 304', async () => {
    const other = await testApp();
    try {
      // Two instances ask for a level nobody has computed yet, at the same time.
      const [a, b] = await Promise.all([
        app.inject('/api/flood?level=2.33&dike=with'),
        other.inject('/api/flood?level=2.33&dike=with'),
      ]);
      expect(a.statusCode).toBe(200);
      expect(b.json()).toEqual(a.json());
      const { rows } = await db.query('SELECT 1 FROM flood_extent WHERE level_cm = 233 AND dike');
      expect(rows).toHaveLength(1);
      expect(a.headers.etag).toBe(b.headers.etag);
      expect(a.headers['cache-control']).toMatch(/public/);
      const again = await app.inject({
        url: '/api/flood?level=2.33&dike=with',
        headers: { 'if-none-match': a.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    } finally {
      await other.close();
    }
  });

  it('answers 304 to a weak If-None-Match, a list and *, as RFC 9110 compares them (issue #19)', async () => {
    const url = '/api/flood?level=1.8&dike=with';
    const etag = String((await app.inject(url)).headers.etag);
    for (const header of [`W/${etag}`, `"other", W/${etag}`, `W/"other",${etag}`, '*']) {
      const res = await app.inject({ url, headers: { 'if-none-match': header } });
      expect(res.statusCode, header).toBe(304);
      expect(res.headers.etag, header).toBe(etag);
    }
    const other = await app.inject({ url, headers: { 'if-none-match': `W/"other", "${etag.slice(1, -2)}"` } });
    expect(other.statusCode).toBe(200);
  });

  it.each([
    ['level=-1', 'level'],
    ['level=4.01', 'level'],
    ['level=1.234', 'level'],
    ['level=1e0', 'level'],
    ['level=%27%3B%20DROP%20TABLE%20flood_extent--', 'level'],
    ['level=', 'level'],
    ['dike=with', 'level'],
    ['level=1.8&dike=maybe', 'dike'],
    ['level=1.8&colour=blue', 'colour'],
  ])('rejects %s with a 400 naming %s and stores nothing', async (query, param) => {
    const before = await extentRows();
    expectProblem(await app.inject(`/api/flood?${query}`), 400, param);
    expectProblem(await app.inject(`/api/flood/affected?${query}`), 400, param);
    expect(await extentRows()).toBe(before);
  });
});

describe('GET /api/flood/affected', () => {
  interface Affected {
    count: number;
    sites: { id: string; flooded_area_m2: number | null; area_m2: number | null; flooded_length_m: number | null }[];
  }
  const affected = async (query: string) => {
    const res = await app.inject(`/api/flood/affected?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Affected>();
  };

  it('lists the plot on the low land with its flooded area without the dike, and not with it', async () => {
    const without = await affected('level=1.8&dike=without');
    const plot = without.sites.find((s) => s.id === LOWLAND_PLOT);
    expect(plot?.area_m2).toBeCloseTo(10_000, 0);
    expect(plot?.flooded_area_m2).toBeCloseTo(10_000, -1);
    expect(without.count).toBe(without.sites.length);
    const withDike = await affected('level=1.8&dike=with');
    expect(withDike.sites.map((s) => s.id)).not.toContain(LOWLAND_PLOT);
  });

  it('never lists the map itself: boundaries, postcodes and the points where names are written', async () => {
    const worst = await affected('level=3.45&dike=without');
    expect(worst.count).toBeGreaterThan(0);
    const ids = worst.sites.map((s) => s.id);
    // Køge's name sits on Torvet, which 3.45 m floods without the dike (the shipped terrain's own check).
    expect(ids.filter((id) => /^(by-|vand-|navn-|kommune-|postnr-)|^koege-bugt$/.test(id))).toEqual([]);
  });

  it('reports lines by flooded length, never more than their length, and leaves the sea and the dike out', async () => {
    const { sites } = await affected('level=3.45&dike=without');
    const lines = sites.filter((s) => s.flooded_length_m !== null);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of sites) {
      expect(line.id).not.toMatch(/^(dige-|koege-bugt$)/);
      if (line.flooded_area_m2 !== null) expect(line.flooded_area_m2).toBeLessThanOrEqual(line.area_m2! + 1);
    }
  });
});

describe('GET /api/plots?outside_flood', () => {
  const plotIds = async (query: string) => {
    const res = await app.inject(`/api/plots?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PlotList>().plots.map((p) => p.id);
  };

  it('leaves out the plots the scenario floods, with or without the dike', async () => {
    const all = await plotIds('');
    expect(all).toContain(LOWLAND_PLOT);
    const outsideWithout = await plotIds('outside_flood=1.8&flood_dike=without');
    expect(outsideWithout).not.toContain(LOWLAND_PLOT);
    // The other plots lie on higher ground: only the flooded one goes.
    expect(outsideWithout).toHaveLength(all.length - 1);
    expect(await plotIds('outside_flood=1.8')).toContain(LOWLAND_PLOT);
    expect(await plotIds('outside_flood=1.8&flood_dike=with')).toContain(LOWLAND_PLOT);
  });

  it('keeps the filter in the CSV export and the feed', async () => {
    const csv = await app.inject('/api/plots.csv?outside_flood=1.8&flood_dike=without');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(LOWLAND_PLOT);
    expect((await app.inject('/api/plots.csv')).body).toContain(LOWLAND_PLOT);
  });

  it.each([
    ['outside_flood=5', 'outside_flood'],
    ['outside_flood=-0.5', 'outside_flood'],
    ['outside_flood=1.8&flood_dike=perhaps', 'flood_dike'],
    ['flood_dike=without', 'flood_dike'],
  ])('rejects %s naming %s', async (query, param) => {
    const before = await extentRows();
    expectProblem(await app.inject(`/api/plots?${query}`), 400, param);
    expect(await extentRows()).toBe(before);
  });
});

describe('GET /api/sites/:id/flood', () => {
  it('gives each named scenario’s flooded share of a plot, with and without the dike', async () => {
    const res = await app.inject(`/api/sites/${LOWLAND_PLOT}/flood`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      unit: string;
      accuracy: string;
      scenarios: { id: string; level_m: number; with_dike: { share: number }; without_dike: { share: number } }[];
    }>();
    expect(body.unit).toBe('m2');
    expect(body.accuracy).toBe('illustrative');
    const storm2023 = body.scenarios.find((s) => s.id === 'storm-2023')!;
    expect(storm2023.level_m).toBe(1.8);
    expect(storm2023.without_dike.share).toBeGreaterThan(0.99);
    expect(storm2023.with_dike.share).toBe(0);
  });

  it('answers 404 for an unknown site and 400 for a malformed id', async () => {
    expectProblem(await app.inject('/api/sites/no-such-site/flood'), 404);
    expectProblem(await app.inject('/api/sites/%3Cscript%3E/flood'), 400, 'id');
  });
});

describe('GET /api/flood/scenarios', () => {
  it('names the scenarios of the risk plan and says the terrain is illustrative', async () => {
    const res = await app.inject('/api/flood/scenarios');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ scenarios: { id: string; level: number }[]; terrain: { accuracy: string } }>();
    expect(body.scenarios.map((s) => [s.id, s.level])).toContainEqual(['thousand-year-2115', 3.45]);
    expect(body.terrain.accuracy).toBe('illustrative');
  });
});
