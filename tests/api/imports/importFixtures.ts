import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ImportPreview } from '@shared/schemas/sketchExchange';
import { expectProblem } from '../expectProblem';
import { testApp } from '../testApp';
import { authHeaders, createAccount, login, testClient, type Session } from '../workflowFixtures';

// Fixtures of the import tests (issue #6): shapes in both CRSs, the request, and "nothing was saved".

/** The app, the owner's database client and a logged-in planner of one test file, set by useImportApp's hooks. */
export const ctx = {} as { app: FastifyInstance; db: pg.Client; planner: Session };

/** Registers the file's hooks: a fresh app and a planner logged in from `ip`, closed after the file. */
export function useImportApp(ip: string): void {
  beforeAll(async () => {
    ctx.app = await testApp();
    ctx.db = await testClient();
    ctx.planner = await login(ctx.app, await createAccount(ctx.db, 'planner', 'Import planner'), ip);
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.db.end();
  });
}

/** A 200 m × 200 m square in Køge Nord, in EPSG:25832 metres (exterior ring counter-clockwise). */
export const UTM_SQUARE = [
  [
    [699_000, 6_153_000],
    [699_200, 6_153_000],
    [699_200, 6_153_200],
    [699_000, 6_153_200],
    [699_000, 6_153_000],
  ],
];
/** A second one beside it. */
export const UTM_SQUARE_2 = UTM_SQUARE.map((ring) => ring.map(([e, n]) => [e! + 500, n!]));
/** A small polygon near Køge in lon/lat degrees. */
export const LONLAT_POLYGON = [
  [
    [12.16, 55.47],
    [12.17, 55.47],
    [12.17, 55.475],
    [12.16, 55.475],
    [12.16, 55.47],
  ],
];
/** A bow-tie: its ring crosses itself (PostGIS: Self-intersection). */
export const BOW_TIE = [
  [
    [12.16, 55.47],
    [12.17, 55.475],
    [12.17, 55.47],
    [12.16, 55.475],
    [12.16, 55.47],
  ],
];

export const polygon = (coordinates: number[][][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates },
});

export async function counts() {
  const { rows } = await ctx.db.query<{ sketches: number; versions: number }>(
    'SELECT (SELECT count(*)::int FROM sketch) AS sketches, (SELECT count(*)::int FROM sketch_version) AS versions',
  );
  return rows[0]!;
}

export function post(
  query: string,
  payload: string | Buffer | object,
  contentType = 'application/geo+json',
  session: Session | null = ctx.planner,
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/sketches/import?${query}`,
    headers: { ...(session ? authHeaders(session) : {}), 'content-type': contentType },
    payload: typeof payload === 'object' && !Buffer.isBuffer(payload) ? JSON.stringify(payload) : payload,
  });
}

/** Asserts that `request` is refused with `status` naming `param`, and that no sketch or version was written. */
export async function refusedWithNothingSaved(
  request: Promise<Awaited<ReturnType<typeof post>>>,
  status: number,
  param?: string,
) {
  const before = await counts();
  const res = await request;
  const problem = expectProblem(res, status, param);
  expect(await counts()).toEqual(before);
  return problem;
}

export const preview = (res: Awaited<ReturnType<typeof post>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportPreview>();
};
