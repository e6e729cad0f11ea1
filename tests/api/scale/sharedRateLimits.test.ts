import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../../server/src/app';
import { readConfig } from '../../../server/src/platform/config';
import { SHARED_COUNT_TIMEOUT_MS } from '../../../server/src/platform/http/sharedRateLimitStore';
import { expectProblem } from '../expectProblem';
import { TcpProxy } from '../tcpProxy';

/**
 * Issue #18: several instances behind a load balancer share one rate limit per client, counted in the database,
 * where each used to allow the whole limit. Two instances on the same database stand for them. The embedded
 * engine is one process (its limits stay in memory), so this runs on PostgreSQL only.
 */
const postgis = inject('engine') === 'postgis';
if (!postgis) console.warn('!!! shared rate-limit tests NOT RUN: they need DATABASE_URL (PostgreSQL)');

const LIMIT = 4;
const apps: FastifyInstance[] = [];
const proxies: TcpProxy[] = [];
let owner: pg.Client;

const instance = async (connectionString = inject('databaseUrl')) => {
  const app = await buildApp({
    db: { connectionString, engine: 'postgis', poolSize: 2 },
    clientRoot: '/nonexistent',
    security: { ...readConfig({}).security, writesPerMinute: LIMIT, expensiveGetsPerMinute: LIMIT },
  });
  apps.push(app);
  return app;
};

/** An address of its own per run: the counters live a minute in the database, beyond one run of this file. */
const address = () => `10.118.${randomInt(0, 255)}.${randomInt(1, 255)}`;

/** Waits out the end of the database's current minute when it is close, so that every hit falls in one window. */
async function awayFromWindowEdge(): Promise<void> {
  const { rows } = await owner.query<{ s: string }>('SELECT extract(epoch FROM now())::numeric % 60 AS s');
  const second = Number(rows[0]!.s);
  if (second > 55) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe.runIf(postgis)('rate limits shared by the instances through the database (issue #18)', () => {
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    owner = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await owner.connect();
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const proxy of proxies.splice(0)) await proxy.stop();
    await owner?.end();
  });

  it('writes: a client gets the limit once over both instances, then 429 with Retry-After from either', async () => {
    await awayFromWindowEdge();
    const ip = address();
    const write = (app: FastifyInstance, remoteAddress = ip) =>
      app.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress, payload: {} });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await write(i % 2 === 0 ? a : b)).statusCode);
    expect(statuses).not.toContain(429);
    for (const app of [a, b]) {
      const refused = await write(app);
      expectProblem(refused, 429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another client is not held by that one's count.
    expect((await write(b, address())).statusCode).not.toBe(429);
  });

  it('expensive GETs: the same, counted per route', async () => {
    await awayFromWindowEdge();
    const ip = address();
    const csv = (app: FastifyInstance) => app.inject({ url: '/api/plots.csv', remoteAddress: ip });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await csv(i % 2 === 0 ? b : a)).statusCode);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    // Another expensive route has its own count, as it had per instance.
    const geojson = await a.inject({ url: '/api/plots.geojson', remoteAddress: ip });
    expect(geojson.statusCode).toBe(200);
  });

  it('counts in the database: a new instance started mid-window knows the hits of the others', async () => {
    await awayFromWindowEdge();
    const ip = address();
    for (let i = 0; i < LIMIT; i++) {
      expect((await a.inject({ url: '/api/plots.csv', remoteAddress: ip })).statusCode).toBe(200);
    }
    const c = await instance();
    expectProblem(await c.inject({ url: '/api/plots.csv', remoteAddress: ip }), 429);
    const { rows } = await owner.query<{ hits: number }>(
      `SELECT max(hits) AS hits FROM rate_limit_hit WHERE window_start > now() - interval '2 minutes'`,
    );
    expect(rows[0]!.hits).toBeGreaterThanOrEqual(LIMIT + 1);
  });

  it('while the database does not answer, each instance counts in memory, and only one request in 5 s waits', async () => {
    const url = new URL(inject('databaseUrl'));
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    proxies.push(proxy);
    try {
      const app = await instance(proxy.route(inject('databaseUrl')));
      await proxy.blackhole();
      const ip = address();
      const started = performance.now();
      const statuses: number[] = [];
      // An anonymous logout needs no database beyond its count: what is timed is the count alone.
      for (let i = 0; i < LIMIT + 1; i++) {
        statuses.push(
          (await app.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: ip, payload: {} })).statusCode,
        );
      }
      expect(statuses.slice(0, LIMIT)).not.toContain(429);
      expect(statuses[LIMIT]).toBe(429);
      expect(performance.now() - started).toBeLessThan(SHARED_COUNT_TIMEOUT_MS + 1000);
    } finally {
      await proxy.restore();
    }
  });
});
