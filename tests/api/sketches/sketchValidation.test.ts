import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { GeometryFaultProblem, SketchFeature } from '@shared/schemas/sketch';
import { expectProblem } from '../expectProblem';
import { authHeaders, type Session, type TestAccount, closePlannerFile, openPlannerFile } from '../workflowFixtures';
import { createSketch, QUIET_FIELD, square, uniqueTitle } from '../sketchFixtures';

const IP = '10.7.6.2';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let session: Session;

beforeAll(async () => {
  ({ app, client, planner, session } = await openPlannerFile('Planner Validation', IP));
});
afterAll(() => closePlannerFile({ app, client }));

const { lon, lat } = QUIET_FIELD;
const d = 0.002;
/** A bow-tie: its edges cross at (lon + d/2, lat + d/2). */
const bowTie = {
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat + d],
      [lon + d, lat],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
};

/** The geometry with coordinates rounded as the server writes them (7 decimals, about 1 cm). */
const rounded = (g: { type: string; coordinates: number[][][] }) => ({
  type: g.type,
  coordinates: g.coordinates.map((ring) => ring.map((p) => p.map((n) => Number(n.toFixed(7))))),
});

/** Rows this file's planner has written: a refused save must leave both unchanged. */
async function myRows(): Promise<{ sketches: number; versions: number }> {
  const { rows } = await client.query<{ sketches: number; versions: number }>(
    `SELECT (SELECT count(*) FROM sketch WHERE created_by = $1)::int AS sketches,
            (SELECT count(*) FROM sketch_version WHERE actor_user_id = $1)::int AS versions`,
    [planner.id],
  );
  return rows[0]!;
}

const post = (payload: object) =>
  app.inject({ method: 'POST', url: '/api/sketches', headers: authHeaders(session), payload });
const save = (geometry: object, extra: object = {}) =>
  post({ geometry, title: uniqueTitle('Ugyldig'), proposed_use: '31', ...extra });

function expectFault(res: Awaited<ReturnType<typeof post>>) {
  const body = expectProblem(res, 400, 'geometry') as unknown as GeometryFaultProblem;
  expect(body.type).toMatch(/invalid-geometry$/);
  expect(body.title).toBe('Invalid geometry');
  expect(body.detail).toBe(body.geometry_fault.reason);
  return body.geometry_fault;
}

describe('geometry the server refuses', () => {
  let before: { sketches: number; versions: number };
  beforeEach(async () => {
    before = await myRows();
  });
  afterEach(async () => {
    expect(await myRows()).toEqual(before);
  });

  it('a self-intersecting bow-tie: PostGIS’s reason, the crossing’s location and a repair preview', async () => {
    const fault = expectFault(await save(bowTie));
    expect(fault.reason).toMatch(/self-intersection/i);
    expect(fault.location![0]).toBeCloseTo(lon + d / 2, 5);
    expect(fault.location![1]).toBeCloseTo(lat + d / 2, 5);
    expect(fault.repairable).toBe(true);
    // ST_MakeValid splits a bow-tie into its two triangles, and keeps them polygons.
    expect(fault.repaired?.type).toBe('MultiPolygon');
    expect(fault.repaired?.coordinates).toHaveLength(2);
  });

  it('a polygon with two points', async () => {
    const twoPoints = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + d, lat],
          [lon, lat],
          [lon + d, lat],
        ],
      ],
    };
    const fault = expectFault(await save(twoPoints));
    expect(fault.reason).toMatch(/^too few points/);
    expect(fault).toMatchObject({ location: [lon, lat], repairable: false, repaired: null });
  });

  it('a line with one distinct point', async () => {
    const fault = expectFault(
      await save({
        type: 'LineString',
        coordinates: [
          [lon, lat],
          [lon, lat],
        ],
      }),
    );
    expect(fault.reason).toMatch(/^too few points/);
  });

  it('an unclosed ring, with the closed ring as its repair', async () => {
    const open = { type: 'Polygon', coordinates: [square(lon, lat).coordinates[0]!.slice(0, 4)] };
    const fault = expectFault(await save(open));
    expect(fault.reason).toMatch(/unclosed ring/);
    expect(fault.repairable).toBe(true);
    expect(fault.repaired).toEqual(rounded(square(lon, lat)));
  });

  it('coordinates outside Denmark, locating the first one', async () => {
    const berlin = square(13.4, 52.52);
    const fault = expectFault(await save(berlin));
    expect(fault.reason).toMatch(/^outside Denmark/);
    expect(fault).toMatchObject({ location: berlin.coordinates[0]![0], repairable: false, repaired: null });
  });

  it('EPSG:25832 metres sent as degrees', async () => {
    const utm = {
      type: 'Polygon',
      coordinates: [
        [
          [697000, 6154000],
          [697200, 6154000],
          [697200, 6154200],
          [697000, 6154200],
          [697000, 6154000],
        ],
      ],
    };
    const fault = expectFault(await save(utm));
    expect(fault.reason).toMatch(/^outside Denmark/);
    expect(fault.location).toEqual([697000, 6154000]);
  });

  it('latitude and longitude swapped', async () => {
    const fault = expectFault(await save({ type: 'Point', coordinates: [lat, lon] }));
    expect(fault.reason).toMatch(/^outside Denmark/);
  });

  it('malformed GeoJSON: a plain 400 naming geometry', async () => {
    for (const geometry of [
      { type: 'Polygon', coordinates: [lon, lat] },
      { type: 'Polygon', coordinates: [[[lon, lat, 1, 2]]] },
      { type: 'Point', coordinates: ['12', '55'] },
      { type: 'GeometryCollection', coordinates: [] },
      {
        type: 'LineString',
        coordinates: [
          [lon, lat],
          [lon, null],
        ],
      },
    ]) {
      const body = expectProblem(await save(geometry), 400, 'geometry') as { geometry_fault?: unknown };
      expect(body.geometry_fault).toBeUndefined();
    }
  });

  it('more than 50 000 positions: 400 naming geometry, not 413', async () => {
    const coordinates = Array.from({ length: 50_001 }, (_, i) => [
      lon + (i % 1000) * 1e-5,
      lat + Math.floor(i / 1000) * 1e-5,
    ]);
    const res = await save({ type: 'LineString', coordinates });
    expectProblem(res, 400, 'geometry');
    expect(res.json<{ detail: string }>().detail).toMatch(/50000 positions/);
  });

  it('an invalid edit of a saved sketch keeps the saved version', async () => {
    const created = await createSketch(app, session, { geometry: square(lon, lat) });
    before = await myRows();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/sketches/${created.id}`,
      headers: authHeaders(session),
      payload: { geometry: bowTie, title: 'Krydser sig selv', proposed_use: '31', version: 1 },
    });
    expectFault(res);
    expect((await app.inject(`/api/sketches/${created.id}`)).json<SketchFeature>().properties.version).toBe(1);
  });
});

describe('repair on request', () => {
  it('repair:true stores ST_MakeValid’s valid geometry, as a polygon', async () => {
    const feature = await createSketch(app, session, { geometry: bowTie, repair: true });
    expect(feature.properties.change).toBe('created');
    expect(feature.geometry.type).toBe('MultiPolygon');
    // Two triangles of a quarter of the square each.
    const squareArea = (await createSketch(app, session, { geometry: square(lon + d / 2, lat + d / 2, d / 2) }))
      .properties.area_m2!;
    expect(feature.properties.area_m2! / squareArea).toBeCloseTo(0.5, 3);
    const { rows } = await client.query<{ valid: boolean; dim: number }>(
      `SELECT ST_IsValid(geom) AS valid, ST_Dimension(geom) AS dim FROM sketch_version WHERE sketch_id = $1`,
      [feature.id],
    );
    expect(rows).toEqual([{ valid: true, dim: 2 }]);
  });

  it('an edit saved with repair:true is recorded as repaired', async () => {
    const created = await createSketch(app, session, { geometry: square(lon, lat) });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/sketches/${created.id}`,
      headers: authHeaders(session),
      payload: { geometry: bowTie, title: created.properties.title, proposed_use: '31', version: 1, repair: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SketchFeature>().properties).toMatchObject({ version: 2, change: 'repaired' });
  });

  it('repair:true does not help geometry that cannot be repaired', async () => {
    const before = await myRows();
    expectFault(await save(square(13.4, 52.52), { repair: true }));
    expect(await myRows()).toEqual(before);
  });

  it('an unclosed ring saved with repair:true is stored closed', async () => {
    const open = { type: 'Polygon', coordinates: [square(lon, lat).coordinates[0]!.slice(0, 4)] };
    const feature = await createSketch(app, session, { geometry: open, repair: true });
    expect(feature.geometry).toEqual(rounded(square(lon, lat)));
  });
});

describe('POST /api/sketches/validate', () => {
  const validate = (geometry: object) =>
    app.inject({ method: 'POST', url: '/api/sketches/validate', payload: { geometry } });

  it('gives the measures of a valid geometry without saving it, to anyone', async () => {
    const before = await myRows();
    const res = await validate(square(lon, lat));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ valid: boolean; area_m2: number; perimeter_m: number; length_m: null }>();
    expect(body).toMatchObject({ valid: true, length_m: null });
    expect(body.area_m2).toBeGreaterThan(26_000);
    const line = (
      await validate({
        type: 'LineString',
        coordinates: [
          [lon, lat],
          [lon + 0.01, lat],
        ],
      })
    ).json<{
      length_m: number;
      area_m2: null;
    }>();
    // 0.01° of longitude at 55.485° N is about 631 m.
    expect(line.length_m).toBeGreaterThan(620);
    expect(line.length_m).toBeLessThan(640);
    expect(line.area_m2).toBeNull();
    expect(await myRows()).toEqual(before);
  });

  it('answers the same fault as a save', async () => {
    const fault = expectFault(await validate(bowTie));
    expect(fault.reason).toMatch(/self-intersection/i);
  });
});
