import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  MAX_SELF_INTERSECTIONS,
  MAX_SKETCH_POSITIONS,
  MAX_VISITOR_POSITIONS,
} from '../../../server/src/modules/sketches/checkSketchGeometry';
import {
  authHeaders,
  closePlannerFile,
  login,
  openPlannerFile,
  type Session,
  type TestAccount,
} from '../workflowFixtures';
import { testApp } from '../testApp';
import { buildApp } from '../../../server/src/app';
import { lonLatToTile } from '../tileMath';

// Issue #19: no request may hold the database. Geometry too costly for PostGIS is refused before PostGIS sees
// it, every statement has a deadline, and the expensive routes have their own budget and pool.

const IP = '10.19.0.1';
const postgis = inject('engine') === 'postgis';

/** The review's star: n corners on an ellipse over Køge, each 0.37 of a turn on from the last. */
function star(n: number) {
  const ring = Array.from({ length: n }, (_, i) => [
    Number((12.15 + 0.05 * Math.cos(2 * Math.PI * i * 0.37)).toFixed(7)),
    Number((55.45 + 0.03 * Math.sin(2 * Math.PI * i * 0.37)).toFixed(7)),
  ]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** A valid, round polygon of n corners over Køge and the bay: costly overlays, no fault at all. */
function disc(n: number, radius = 0.04) {
  const ring = Array.from({ length: n }, (_, i) => [
    Number((12.17 + radius * 1.7 * Math.cos((2 * Math.PI * i) / n)).toFixed(7)),
    Number((55.46 + radius * Math.sin((2 * Math.PI * i) / n)).toFixed(7)),
  ]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** Peak resident memory (kB) of this database's backends, read from /proc (the database runs on this machine). */
async function backendMemoryKb(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  let peak = 0;
  for (const { pid } of rows) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    peak = Math.max(peak, kb);
  }
  return peak;
}

/** Backends of this database doing anything (or holding a transaction open), other than `client`'s own. */
async function busyBackends(client: pg.Client): Promise<{ state: string; query: string }[]> {
  const { rows } = await client.query<{ state: string; query: string }>(
    `SELECT state, query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        AND state IS DISTINCT FROM 'idle'`,
  );
  return rows;
}

let app: FastifyInstance;
let client: pg.Client;
let session: Session;
let planner: TestAccount;
let base: string;
let cheapUrls: string[];

beforeAll(async () => {
  ({ app, client, session, planner } = await openPlannerFile('Planner Cost', IP));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  const layers = (await app.inject('/api/layers')).json<{ layers: { id: string; bbox: number[] | null }[] }>();
  const [w, s, e, n] = layers.layers.find((l) => l.id === 'koege-nord-plots')!.bbox!;
  const t = lonLatToTile((w! + e!) / 2, (s! + n!) / 2, 13);
  cheapUrls = [`/tiles/koege-nord-plots/${t.z}/${t.x}/${t.y}.mvt`, '/api/plots', '/api/health/ready', '/api/layers'];
});

afterAll(async () => {
  await closePlannerFile({ app, client });
});

/** The cheap routes, asked over HTTP while `during` runs; resolves with every status they answered. */
async function cheapStatusesDuring(during: Promise<unknown>): Promise<number[]> {
  const statuses: number[] = [];
  let done = false;
  void during.finally(() => (done = true));
  do {
    const answers = await Promise.all(cheapUrls.map((url) => fetch(base + url)));
    statuses.push(...answers.map((r) => r.status));
    await Promise.all(answers.map((r) => r.arrayBuffer()));
  } while (!done);
  await during;
  return statuses;
}

const post = (url: string, geometry: object, headers: Record<string, string> = {}) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ geometry }),
  });

describe('geometry too costly for PostGIS', () => {
  const cases = [50, 100, 20_000].flatMap((corners) =>
    ['/api/sketches/validate', '/api/constraints'].flatMap((url) =>
      [false, true].map((asPlanner) => ({ corners, url, asPlanner })),
    ),
  );

  it.each(cases)(
    'a $corners-corner star on $url (planner: $asPlanner) is refused within 2 s with the count (422)',
    async ({ corners, url, asPlanner }) => {
      const headers: Record<string, string> = asPlanner ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
      const started = performance.now();
      const answer = post(url, star(corners), headers).then(async (res) => ({
        res,
        body: (await res.json()) as Record<string, unknown>,
        ms: performance.now() - started,
      }));
      let peakKb = 0;
      const sample = async () => {
        if (postgis) peakKb = Math.max(peakKb, await backendMemoryKb(client));
      };
      const cheap = await cheapStatusesDuring(answer.then(sample));
      const { res, body, ms } = await answer;
      expect(ms).toBeLessThan(2000);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // A visitor's geometry is first held to MAX_VISITOR_POSITIONS, a planner's to the crossings.
      const [measure, limit] =
        asPlanner || corners < MAX_VISITOR_POSITIONS
          ? ['self_intersections', MAX_SELF_INTERSECTIONS]
          : ['positions', MAX_VISITOR_POSITIONS];
      expect(body).toMatchObject({ status: 422, measure, limit });
      expect(body.count as number).toBeGreaterThan(limit as number);
      expect((body['invalid-params'] as { name: string }[])[0]!.name).toBe('geometry');
      expect(cheap.length).toBeGreaterThanOrEqual(cheapUrls.length);
      expect(cheap.every((status) => status === 200)).toBe(true);
      // The report's 20,000-corner star grew one backend past 20 GB; a backend of this app stays far below.
      if (postgis) expect(peakKb).toBeLessThan(512 * 1024);
    },
  );

  it('a bow-tie still gets PostGIS’s reason and place; only a planner is given the repair', async () => {
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
    const anonymous = (await (await post('/api/sketches/validate', bowTie)).json()) as {
      geometry_fault: { reason: string; location: number[]; repairable: boolean | null; repaired: object | null };
    };
    expect(anonymous.geometry_fault).toMatchObject({ reason: 'Self-intersection', repairable: null, repaired: null });
    expect(anonymous.geometry_fault.location).toHaveLength(2);
    const planner = (await (
      await post('/api/sketches/validate', bowTie, { cookie: session.cookie, 'x-csrf-token': session.csrf })
    ).json()) as { geometry_fault: { repairable: boolean | null; repaired: { type: string } | null } };
    expect(planner.geometry_fault.repairable).toBe(true);
    expect(planner.geometry_fault.repaired?.type).toBe('MultiPolygon');
  });

  it('a body nested a million arrays deep is refused before it is parsed (400 naming body)', async () => {
    const deep = `{"geometry":{"type":"Polygon","coordinates":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}}`;
    const res = await fetch(`${base}/api/sketches/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      'invalid-params': [{ name: 'body', reason: 'nests deeper than 32 levels' }],
    });
  });

  it('a visitor may check at most MAX_VISITOR_POSITIONS positions; a planner more (422 with the count)', async () => {
    const big = disc(MAX_VISITOR_POSITIONS + 10);
    const res = await post('/api/constraints', big);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      measure: 'positions',
      count: MAX_VISITOR_POSITIONS + 11,
      limit: MAX_VISITOR_POSITIONS,
      'invalid-params': [{ name: 'geometry' }],
    });
    const asPlanner = await post('/api/sketches/validate', big, {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    });
    expect(asPlanner.status).toBe(200);
    expect(MAX_SKETCH_POSITIONS).toBeGreaterThan(MAX_VISITOR_POSITIONS);
  });

  it('more polygon rings than allowed are refused with their count (422)', async () => {
    const rings = Array.from({ length: 1001 }, (_, i) => {
      const lon = 12.1 + (i % 40) * 0.002;
      const lat = 55.45 + Math.floor(i / 40) * 0.002;
      return [
        [
          [lon, lat],
          [lon + 0.001, lat],
          [lon + 0.001, lat + 0.001],
          [lon, lat],
        ],
      ];
    });
    const res = await post(
      '/api/sketches/validate',
      { type: 'MultiPolygon', coordinates: rings },
      { cookie: session.cookie, 'x-csrf-token': session.csrf },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ measure: 'rings', count: 1001, limit: 1000 });
  });
});

describe('deadlines', () => {
  it.runIf(postgis)('every statement of the app’s pools has a deadline', async () => {
    const limits = app.cost.limits;
    const show = async (pool: pg.Pool, name: string) =>
      (await pool.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    expect(await show(app.pg.pool, 'statement_timeout')).toBe(`${limits.statementTimeoutMs / 1000}s`);
    expect(await show(app.pg.pool, 'idle_in_transaction_session_timeout')).toBe(
      `${limits.idleInTransactionTimeoutMs / 1000}s`,
    );
    expect(await show(app.heavyPg, 'statement_timeout')).toBe(`${limits.anonymousMs / 1000}s`);
  });

  it.runIf(postgis)(
    'a check past its deadline answers 422 naming statement_timeout, and the connection is healthy after',
    async () => {
      // A planner's deadline, for the largest geometry only a planner may send.
      const tight = await testApp({ limits: { userMs: 20 } });
      try {
        const res = await tight.inject({
          method: 'POST',
          url: '/api/constraints',
          payload: { geometry: disc(40_000) },
          headers: authHeaders(await login(tight, planner, IP)),
        });
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json()).toMatchObject({
          detail: expect.stringContaining('statement_timeout 20 ms'),
          'invalid-params': [{ name: 'geometry' }],
        });
        expect(await busyBackends(client)).toEqual([]);
        const pooled = await tight.heavyPg.query<{ statement_timeout: string }>('SHOW statement_timeout');
        // SET LOCAL ended with the transaction: the pool's own deadline is back.
        expect(pooled.rows[0]!.statement_timeout).toBe(`${tight.cost.limits.anonymousMs / 1000}s`);
        expect((await tight.heavyPg.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
        expect((await tight.inject('/api/health/ready')).statusCode).toBe(200);
      } finally {
        await tight.close();
      }
    },
  );

  it.runIf(postgis)('a read past the pool’s deadline answers 503 naming statement_timeout, then works', async () => {
    const tight = await testApp({ limits: { statementTimeoutMs: 300 } });
    const locker = await client.query('BEGIN').then(() => client.query('LOCK TABLE layer IN ACCESS EXCLUSIVE MODE'));
    expect(locker.command).toBe('LOCK');
    try {
      const res = await tight.inject('/api/layers');
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.json()).toMatchObject({ detail: expect.stringContaining('statement_timeout 300 ms') });
    } finally {
      await client.query('ROLLBACK');
    }
    try {
      expect((await tight.inject('/api/layers')).statusCode).toBe(200);
    } finally {
      await tight.close();
    }
  });
});

describe('budgets of the expensive routes', () => {
  it('ten concurrent worst-case checks: at most the budget run, the rest get 503 + Retry-After, cheap routes stay 200', async () => {
    // The largest geometry a visitor may send (issue #19), over the plots, floods and the bay.
    const heavy = disc(MAX_VISITOR_POSITIONS - 1);
    const expensive = Promise.all(
      Array.from({ length: 10 }, () =>
        post('/api/constraints', heavy).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: (await res.json()) as { type?: string },
        })),
      ),
    );
    const cheap = await cheapStatusesDuring(expensive);
    const answers = await expensive;
    const busy = answers.filter((a) => a.status === 503);
    const budget = app.cost.limits.concurrency;
    expect(busy.length).toBeGreaterThanOrEqual(10 - budget);
    for (const a of busy) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.body.type).toBe('/problems/service-unavailable');
    }
    // The ones that ran either finished or were stopped at their deadline: nothing else.
    expect(answers.every((a) => [200, 422, 503].includes(a.status))).toBe(true);
    // The separate pool is what keeps cheap routes answering; the embedded engine is one session for all.
    if (postgis) expect(cheap.every((status) => status === 200)).toBe(true);
    expect(app.cost.budgets.geometry.running).toBe(0);
    expect(await busyBackends(client)).toEqual([]);
  });

  it('the kinds share one budget (EXPENSIVE_TOTAL_CONCURRENCY): work of one kind fills it for the others', async () => {
    const shared = await testApp({ limits: { concurrency: 2, totalConcurrency: 1 } });
    try {
      const bbox = '/ogc/collections/koege-nord-plots/items?bbox=12,55.4,12.3,55.6';
      const check = shared.inject({
        method: 'POST',
        url: '/api/constraints',
        payload: { geometry: disc(MAX_VISITOR_POSITIONS - 1) },
      });
      // The check has taken the one shared slot once the geometry budget counts it.
      while (shared.cost.budgets.geometry.running === 0) await new Promise((r) => setImmediate(r));
      expect(shared.cost.total.running).toBe(1);
      const refused = await shared.inject(bbox);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.json<{ detail: string }>().detail).toMatch(/At most 1 expensive requests/);
      expect((await shared.inject('/api/plots')).statusCode).toBe(200);
      expect([200, 422]).toContain((await check).statusCode);
      expect(shared.cost.total.running).toBe(0);
      expect((await shared.inject(bbox)).statusCode).toBe(200);
    } finally {
      await shared.close();
    }
  });

  describe('expensive GETs have a per-client limit: 429 with Retry-After past it', () => {
    let strict: FastifyInstance;
    beforeAll(async () => {
      // testApp lifts this limit so that files which export a lot are not cut short; this app gets a small one.
      strict = await buildApp({
        db: { connectionString: inject('databaseUrl'), engine: inject('engine'), poolSize: 1 },
        clientRoot: '/nonexistent',
        security: { corsOrigins: [], extraMapOrigins: [], writesPerMinute: 100, expensiveGetsPerMinute: 3 },
      });
    });
    afterAll(async () => {
      await strict.close();
    });
    const statusOf = async (url: string, remoteAddress: string) =>
      (await strict.inject({ url, remoteAddress })).statusCode;

    it('exports', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push(await statusOf('/api/plots.csv', '10.19.0.9'));
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await strict.inject({ url: '/api/plots.csv', remoteAddress: '10.19.0.9' });
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      // Another client and the cheap list are not held by that client's limit.
      expect(await statusOf('/api/plots.csv', '10.19.0.10')).toBe(200);
      expect(await statusOf('/api/plots', '10.19.0.9')).toBe(200);
    });

    it('OGC bbox queries, not pages without a bbox', async () => {
      const items = '/ogc/collections/koege-nord-plots/items';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push(await statusOf(`${items}?bbox=12,55.4,12.3,55.6`, '10.19.0.11'));
      expect(statuses).toEqual([200, 200, 200, 429]);
      for (let i = 0; i < 5; i++) expect(await statusOf(`${items}?limit=2`, '10.19.0.11')).toBe(200);
    });

    it('flood levels not computed yet, not the ones this instance has', async () => {
      const levels = ['3.51', '3.52', '3.53', '3.54'];
      const statuses: number[] = [];
      for (const level of levels) statuses.push(await statusOf(`/api/flood?level=${level}&dike=without`, '10.19.0.12'));
      expect(statuses).toEqual([200, 200, 200, 429]);
      for (let i = 0; i < 5; i++) expect(await statusOf('/api/flood?level=3.51&dike=without', '10.19.0.12')).toBe(200);
    });
  });
});
