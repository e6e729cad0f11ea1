import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import proj4 from 'proj4';
import type { PlotList } from '@shared/schemas/plot';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const plots = async (query = '') => {
  const res = await app.inject(`/api/plots${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PlotList>();
};

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toUtm = (c: number[]) => proj4('EPSG:4326', UTM32, c as [number, number]);

/** Planar distance (EPSG:25832 metres) from a point to a polygon's outline, computed here without PostGIS. */
function distanceToRing(point: number[], ring: number[][]): number {
  const [px, py] = toUtm(point);
  let best = Infinity;
  const utm = ring.map(toUtm);
  for (let i = 0; i + 1 < utm.length; i++) {
    const [ax, ay] = utm[i]!;
    const [bx, by] = utm[i + 1]!;
    const t = Math.max(
      0,
      Math.min(1, ((px! - ax!) * (bx! - ax!) + (py! - ay!) * (by! - ay!)) / ((bx! - ax!) ** 2 + (by! - ay!) ** 2)),
    );
    best = Math.min(best, Math.hypot(px! - (ax! + t * (bx! - ax!)), py! - (ay! + t * (by! - ay!))));
  }
  return best;
}

describe('GET /api/plots', () => {
  it('lists every Køge Nord plot with tender status and distances to the nearest station and junction', async () => {
    const data = await seedData();
    const authored = data.features.get('koege-nord-plots')!.features;
    const { count, plots: list } = await plots();
    expect(count).toBe(authored.length);
    expect(list).toHaveLength(count);
    const stations = data.features.get('stations')!.features;
    for (const plot of list) {
      const f = authored.find((a) => a.properties.id === plot.id)!;
      expect(plot.tender_status).toBe(f.properties.tender?.status);
      expect(plot.accuracy).toBe('illustrative');
      const ring = (f.geometry.coordinates as number[][][])[0]!;
      const expected = Math.min(...stations.map((s) => distanceToRing(s.geometry.coordinates as number[], ring)));
      // PostGIS in EPSG:25832 against proj4 + planar geometry here: the same metres, to a few centimetres.
      expect(plot.nearest_station?.distance_m).toBeCloseTo(expected, 0);
      expect(plot.nearest_station?.name).toMatch(/Køge Nord/);
      expect(plot.nearest_junction?.distance_m).toBeGreaterThan(0);
    }
  });

  it('sorts by area by default, and by distance or tender date on request, both ways', async () => {
    const byArea = (await plots()).plots.map((p) => p.area_m2);
    expect(byArea).toEqual([...byArea].sort((a, b) => a - b));
    const desc = (await plots('?sort=-area')).plots.map((p) => p.area_m2);
    expect(desc).toEqual([...byArea].sort((a, b) => b - a));
    const byStation = (await plots('?sort=station')).plots.map((p) => p.nearest_station!.distance_m);
    expect(byStation).toEqual([...byStation].sort((a, b) => a - b));
    const byJunction = (await plots('?sort=-junction')).plots.map((p) => p.nearest_junction!.distance_m);
    expect(byJunction).toEqual([...byJunction].sort((a, b) => b - a));
    const byTender = (await plots('?sort=tender')).plots.map((p) => p.opens_on ?? `${p.planned_year}-01-01`);
    expect(byTender).toEqual([...byTender].sort());
  });

  it('filters by status, year, use, area, height and distance; each filter narrows the list correctly', async () => {
    const all = (await plots()).plots;
    const check = async (query: string, keep: (p: (typeof all)[number]) => boolean) => {
      const got = (await plots(query)).plots.map((p) => p.id).sort();
      const expected = all
        .filter(keep)
        .map((p) => p.id)
        .sort();
      expect(got, query).toEqual(expected);
      return got.length;
    };
    const sold = await check('?status=sold', (p) => p.tender_status === 'sold');
    expect(sold).toBeGreaterThan(0);
    expect(sold).toBeLessThan(all.length);
    await check('?status=open,under_evaluation', (p) => ['open', 'under_evaluation'].includes(p.tender_status ?? ''));
    await check('?planned_year=2027', (p) => p.planned_year === 2027);
    await check('?use=office', (p) => p.plan_use === 'office');
    await check('?min_area=50000&max_area=150000', (p) => p.area_m2 >= 50_000 && p.area_m2 <= 150_000);
    await check('?min_height=30', (p) => (p.max_height_m ?? 0) >= 30);
    const median = [...all].map((p) => p.nearest_station!.distance_m).sort((a, b) => a - b)[
      Math.floor(all.length / 2)
    ]!;
    const near = await check(
      `?max_station_m=${Math.round(median)}`,
      (p) => p.nearest_station!.distance_m <= Math.round(median),
    );
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(all.length);
    await check('?max_junction_m=1500', (p) => p.nearest_junction!.distance_m <= 1500);
    await check(
      '?status=planned&use=production,logistics&min_area=20000',
      (p) =>
        p.tender_status === 'planned' && ['production', 'logistics'].includes(p.plan_use ?? '') && p.area_m2 >= 20_000,
    );
  });

  it('an empty result is a 200 with count 0', async () => {
    expect(await plots('?min_area=99000000')).toEqual({ count: 0, plots: [] });
  });

  it.each([
    ['?min_area=-5', 'min_area'],
    ['?min_area=1e5', 'min_area'],
    ['?min_area=200000&max_area=100', 'min_area'],
    ['?max_area=999999999999', 'max_area'],
    ['?status=bogus', 'status'],
    ['?status=open,', 'status'],
    ['?status=open,open,open,open,open,open,open,open,open', 'status'],
    ['?use=harbour', 'use'],
    ["?use=office'%20OR%201=1--", 'use'],
    ['?planned_year=27', 'planned_year'],
    ['?planned_year=3000', 'planned_year'],
    ['?min_height=NaN', 'min_height'],
    ['?max_station_m=Infinity', 'max_station_m'],
    ['?max_junction_m=-1', 'max_junction_m'],
    ['?sort=price', 'sort'],
    ['?sort=area;DROP%20TABLE%20site', 'sort'],
    ['?sort=--area', 'sort'],
    ['?limit=5', 'limit'],
    [`?status=${'a'.repeat(300)}`, 'status'],
  ])('%s → 400 naming %s', async (query, name) => {
    expectProblem(await app.inject(`/api/plots${query}`), 400, name);
  });
});
