import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { area as geodesicArea } from '@turf/turf';
import type { ConstraintReport, SketchComparison } from '@shared/schemas/sketch';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import { expectProblem } from '../expectProblem';
import { authHeaders, type Session, closePlannerFile, openPlannerFile } from '../workflowFixtures';
import { createSketch, square } from '../sketchFixtures';

const IP = '10.7.6.3';
let app: FastifyInstance;
let client: pg.Client;
let session: Session;

beforeAll(async () => {
  ({ app, client, session } = await openPlannerFile('Planner Constraints', IP));
});
afterAll(() => closePlannerFile({ app, client }));

type Geometry = { type: string; coordinates: unknown[] };

const check = (payload: object) => app.inject({ method: 'POST', url: '/api/constraints', payload });
async function report(geometry: Geometry, extra: object = {}): Promise<ConstraintReport> {
  const res = await check({ geometry, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ConstraintReport>();
}

/** The geometry (EPSG:4326 GeoJSON) in EPSG:25832, as SQL for the expected figures below. */
const IN_25832 = 'ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 25832)';

/** A point well inside a stored geometry, as [lon, lat]. */
async function pointInside(sql: string, params: unknown[]): Promise<[number, number]> {
  const { rows } = await client.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
       FROM (SELECT ST_Transform(ST_PointOnSurface(g), 4326) AS p FROM (${sql}) AS x (g)) y`,
    params,
  );
  return [rows[0]!.lon, rows[0]!.lat];
}

describe('flood scenarios', () => {
  it('lists each scenario’s extent, with and without the dike, with the overlap PostGIS computes from flood_extent', async () => {
    const { model } = await app.flood.terrain();
    // Compute (and store) the 1.80 m extent without the dike, then sketch over its lowest-lying part.
    await app.flood.extent({ levelCm: 180, dike: false });
    const [lon, lat] = await pointInside(
      `SELECT (ST_Dump(geom)).geom FROM flood_extent WHERE model = $1 AND level_cm = 180 AND NOT dike
        ORDER BY ST_Area((ST_Dump(geom)).geom) DESC LIMIT 1`,
      [model],
    );
    const sketch = square(lon, lat, 0.0015);
    const result = await report(sketch);

    const { rows: expected } = await client.query<{ level_cm: number; dike: boolean; area: number }>(
      `SELECT level_cm, dike, ST_Area(ST_Intersection(geom, ${IN_25832})) AS area
         FROM flood_extent WHERE model = $2 AND level_cm = ANY ($3::int[])`,
      [JSON.stringify(sketch), model, FLOOD_SCENARIOS.map((s) => Math.round(s.level * 100))],
    );
    expect(expected).toHaveLength(FLOOD_SCENARIOS.length * 2);
    const floods = result.items.filter((i) => i.kind === 'flood');
    const flooded = expected.filter((e) => e.area >= 0.01);
    expect(floods.map((f) => f.ref).sort()).toEqual(
      flooded.map((e) => `flood-${(e.level_cm / 100).toFixed(2)}-${e.dike ? 'with' : 'without'}_dike`).sort(),
    );
    expect(floods.find((f) => f.ref === 'flood-1.80-without_dike')).toBeDefined();
    for (const item of floods) {
      const e = flooded.find(
        (x) => x.level_cm === Math.round(item.level_m! * 100) && (item.dike === 'with') === x.dike,
      )!;
      expect(item.overlap_area_m2).toBeCloseTo(e.area, 2);
      expect(item.overlap_share).toBeCloseTo(e.area / result.geometry_area_m2!, 9);
      expect(item.layer_id).toBeNull();
      // The overlap's geometry has the same area, measured on the ellipsoid (Turf) instead of in UTM 32N.
      const turfArea = geodesicArea({ type: 'Feature', properties: {}, geometry: item.geometry as never });
      expect(Math.abs(turfArea / item.overlap_area_m2 - 1)).toBeLessThan(0.005);
    }
  });
});

describe('nature, the dike zone and sites', () => {
  it('lists Natura 2000 N147 for a sketch on Ølsemagle Revle', async () => {
    const result = await report(square(12.2094, 55.496, 0.0004));
    const nature = result.items.find((i) => i.kind === 'nature');
    expect(nature).toMatchObject({
      ref: 'n147-oelsemagle-revle',
      layer_id: 'natura2000',
      accuracy: 'illustrative',
    });
    expect(nature!.overlap_share).toBeCloseTo(1, 6);
    expect(nature!.overlap_area_m2).toBeCloseTo(result.geometry_area_m2!, 2);
  });

  it('lists a plot with the area of the overlap', async () => {
    const [lon, lat] = await pointInside(`SELECT geom FROM site WHERE id = 'kn-01'`, []);
    const sketch = square(lon, lat, 0.002);
    const result = await report(sketch);
    const { rows } = await client.query<{ area: number }>(
      `SELECT ST_Area(ST_Intersection(geom, ${IN_25832})) AS area FROM site WHERE id = 'kn-01'`,
      [JSON.stringify(sketch)],
    );
    const plot = result.items.find((i) => i.kind === 'site' && i.ref === 'kn-01');
    expect(plot).toMatchObject({ layer_id: 'koege-nord-plots', accuracy: 'illustrative' });
    expect(plot!.name).toMatch(/Køge Nord/);
    expect(plot!.overlap_area_m2).toBeCloseTo(rows[0]!.area, 2);
    expect(plot!.overlap_area_m2).toBeGreaterThan(0);
  });

  it('lists the 50 m zone along the dike for a line crossing it, measured in metres of line', async () => {
    // East-west lines at 55.4997° N, where the north section of Køge Dige runs north-south near 12.2013° E.
    const short = {
      type: 'LineString',
      coordinates: [
        [12.195, 55.4997],
        [12.1995, 55.4997],
      ],
    };
    expect((await report(short)).items.find((i) => i.kind === 'dike_buffer')).toBeUndefined();

    const crossing = {
      type: 'LineString',
      coordinates: [
        [12.195, 55.4997],
        [12.2035, 55.4997],
      ],
    };
    const result = await report(crossing);
    const { rows } = await client.query<{ length: number; total: number }>(
      `SELECT ST_Length(ST_Intersection(${IN_25832}, ST_Buffer(ST_Union(geom), 50))) AS length,
              ST_Length(${IN_25832}) AS total
         FROM site WHERE layer_id = 'koege-dige'`,
      [JSON.stringify(crossing)],
    );
    expect(rows[0]!.length).toBeGreaterThan(90); // the whole 100 m wide zone
    expect(result.geometry_area_m2).toBeNull();
    expect(result.geometry_length_m).toBeCloseTo(rows[0]!.total, 2);
    const zone = result.items.find((i) => i.kind === 'dike_buffer');
    expect(zone).toMatchObject({ ref: 'koege-dige-buffer-50', layer_id: 'koege-dige', overlap_area_m2: 0 });
    expect(zone!.name).toMatch(/illustrativ/);
    expect(zone!.overlap_length_m).toBeCloseTo(rows[0]!.length, 2);
    expect(zone!.overlap_share).toBeCloseTo(rows[0]!.length / rows[0]!.total, 9);
  });

  it('refuses invalid geometry before any overlay', async () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [12.15, 55.495],
          [12.16, 55.5],
          [12.16, 55.495],
          [12.15, 55.5],
          [12.15, 55.495],
        ],
      ],
    };
    const body = expectProblem(await check({ geometry: bowTie }), 400, 'geometry') as { geometry_fault?: object };
    // A visitor is told what is wrong and where, never given the repair (issue #19).
    expect(body.geometry_fault).toMatchObject({ reason: 'Self-intersection', repairable: null, repaired: null });
    const asPlanner = await app.inject({
      method: 'POST',
      url: '/api/constraints',
      payload: { geometry: bowTie },
      headers: authHeaders(session),
    });
    const planned = expectProblem(asPlanner, 400, 'geometry') as { geometry_fault?: { repaired: { type: string } } };
    expect(planned.geometry_fault).toMatchObject({ repairable: true });
    expect(planned.geometry_fault?.repaired.type).toBe('MultiPolygon');
  });
});

describe('other sketches', () => {
  const place = { lon: 12.092, lat: 55.478 };

  it('lists overlapping live sketches, not the one excluded and not deleted ones', async () => {
    const a = await createSketch(app, session, { geometry: square(place.lon, place.lat) });
    const probe = square(place.lon + 0.001, place.lat);
    const result = await report(probe);
    const item = result.items.find((i) => i.ref === a.id);
    expect(item).toMatchObject({ kind: 'sketch', name: a.properties.title, layer_id: null });
    const { rows } = await client.query<{ area: number }>(
      `SELECT ST_Area(ST_Intersection(geom, ${IN_25832})) AS area FROM sketch_current WHERE id = $2`,
      [JSON.stringify(probe), a.id],
    );
    expect(item!.overlap_area_m2).toBeCloseTo(rows[0]!.area, 2);
    expect(item!.overlap_share).toBeCloseTo(0.5, 2);

    const excluded = await report(probe, { exclude_sketch: a.id });
    expect(excluded.items.find((i) => i.ref === a.id)).toBeUndefined();

    const del = await app.inject({
      method: 'DELETE',
      url: `/api/sketches/${a.id}?version=1`,
      headers: authHeaders(session),
    });
    expect(del.statusCode).toBe(200);
    expect((await report(probe)).items.find((i) => i.ref === a.id)).toBeUndefined();
  });

  it('checks a saved sketch without itself, and an old version with its old geometry', async () => {
    const a = await createSketch(app, session, { geometry: square(place.lon, place.lat + 0.01) });
    const b = await createSketch(app, session, { geometry: square(place.lon + 0.001, place.lat + 0.01) });
    const res = await app.inject(`/api/sketches/${a.id}/constraints`);
    expect(res.statusCode, res.body).toBe(200);
    const refs = res.json<ConstraintReport>().items.map((i) => i.ref);
    expect(refs).toContain(b.id);
    expect(refs).not.toContain(a.id);

    // Version 2 moves away from b; version 1 still overlaps it.
    const moved = await app.inject({
      method: 'PUT',
      url: `/api/sketches/${a.id}`,
      headers: authHeaders(session),
      payload: {
        geometry: square(place.lon - 0.01, place.lat + 0.01),
        title: 'Flyttet',
        proposed_use: '31',
        version: 1,
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const now = (await app.inject(`/api/sketches/${a.id}/constraints`)).json<ConstraintReport>();
    const then = (await app.inject(`/api/sketches/${a.id}/constraints?version=1`)).json<ConstraintReport>();
    expect(now.items.map((i) => i.ref)).not.toContain(b.id);
    expect(then.items.map((i) => i.ref)).toContain(b.id);
    expectProblem(await app.inject(`/api/sketches/${a.id}/constraints?version=3`), 404);
    expectProblem(await app.inject('/api/sketches/00000000-0000-4000-8000-000000000000/constraints'), 404);
  });
});

describe('comparing two sketches', () => {
  const place = { lon: 12.092, lat: 55.5 };

  it('splits the areas so that only_a + intersection = area of a, within 0.01 m²', async () => {
    const a = await createSketch(app, session, { geometry: square(place.lon, place.lat) });
    const b = await createSketch(app, session, { geometry: square(place.lon + 0.001, place.lat + 0.0005, 0.0012) });
    const res = await app.inject(`/api/sketches/compare?a=${a.id}&b=${b.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<SketchComparison>();
    const areaA = a.properties.area_m2!;
    const areaB = b.properties.area_m2!;
    expect(c.a).toMatchObject({ id: a.id, version: 1, title: a.properties.title, area_m2: areaA });
    expect(c.b).toMatchObject({ id: b.id, area_m2: areaB });
    expect(c.intersection_area_m2).toBeGreaterThan(0);
    expect(Math.abs(c.only_a_area_m2 + c.intersection_area_m2 - areaA)).toBeLessThan(0.01);
    expect(Math.abs(c.only_b_area_m2 + c.intersection_area_m2 - areaB)).toBeLessThan(0.01);
    expect(Math.abs(c.union_area_m2 - (areaA + areaB - c.intersection_area_m2))).toBeLessThan(0.01);
    expect(c.intersection?.type).toMatch(/Polygon$/);
    expect(c.only_a?.type).toMatch(/Polygon$/);
    // Each side's constraints list the other sketch, without geometry.
    const other = c.a.constraints.find((i) => i.ref === b.id);
    expect(other?.overlap_area_m2).toBeCloseTo(c.intersection_area_m2, 2);
    expect(other).not.toHaveProperty('geometry');
  });

  it('gives no difference geometry where there is none', async () => {
    const a = await createSketch(app, session, { geometry: square(place.lon, place.lat + 0.01) });
    const b = await createSketch(app, session, { geometry: square(place.lon, place.lat + 0.01, 0.002) });
    const c = (await app.inject(`/api/sketches/compare?a=${a.id}&b=${b.id}`)).json<SketchComparison>();
    expect(c.only_a).toBeNull();
    expect(c.only_a_area_m2).toBeCloseTo(0, 6);
    expect(c.intersection_area_m2).toBeCloseTo(a.properties.area_m2!, 2);
  });

  it('answers 404 for an unknown sketch and 400 for a missing one', async () => {
    const a = await createSketch(app, session, { geometry: square(place.lon, place.lat + 0.02) });
    expectProblem(await app.inject(`/api/sketches/compare?a=${a.id}&b=00000000-0000-4000-8000-000000000000`), 404);
    expectProblem(await app.inject(`/api/sketches/compare?a=${a.id}`), 400, 'b');
    expectProblem(await app.inject(`/api/sketches/compare?a=${a.id}&b=x`), 400, 'b');
  });
});
