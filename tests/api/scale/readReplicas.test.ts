import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../../../server/src/app';
import type { ReplicaOptions } from '../../../server/src/platform/db/readRouter';
import { WRITE_LSN_COOKIE } from '../../../server/src/platform/db/readRoutingPlugin';
import { readConfig } from '../../../server/src/platform/config';
import { expectProblem } from '../expectProblem';
import { TcpProxy } from '../tcpProxy';
import { SHIPPED_TERRAIN } from '../testApp';
import { QUIET_FIELD, square } from '../sketchFixtures';
import { lonLatToTile } from '../tileMath';
import {
  createAccount,
  createFixturePlot,
  dropFixtures,
  FIXTURE_LAYER,
  testClient,
  type TestAccount,
} from '../workflowFixtures';
import { HotStandby } from './hotStandby';
import { msUntil } from './msUntil';
import {
  anonymousStatus,
  Browser,
  exportedSketchTitles,
  exportStatus,
  FLOODED,
  floodStatus,
  inFeed,
  listStatus,
  placeReads,
} from './replicaReads';

/**
 * Issue #18: reads on a real streaming replica (ops/replica/start.sh), writes on the primary, read-your-writes
 * by WAL position, and the failures: a replica down at start or mid-run, lagging past the limit, the primary down.
 * A paused replay (pg_wal_replay_pause) makes the replica's staleness certain, so every "reads from the replica"
 * and "the writer sees the new state" below could fail. The embedded engine has no replication.
 */
const postgis = inject('engine') === 'postgis';
if (!postgis) console.warn('!!! read-replica tests NOT RUN: they need DATABASE_URL (PostgreSQL streaming replication)');

const PORT = Number(process.env.REPLICA_PORT ?? 5441);
/** A zoom-14 tile inside kn-01, whose shape the fixture plots take. */
let TILE: { x: number; y: number };
/** kn-01's bounding box in lon/lat, as an OGC bbox parameter. */
let KN01_BBOX: string;
const { tileStatus, ogcStatus } = placeReads(() => ({ tile: TILE, bbox: KN01_BBOX }));

let standby: HotStandby;
let client: pg.Client;
let planner: TestAccount;
let plots = 0;
const apps: FastifyInstance[] = [];
const proxies: TcpProxy[] = [];

async function replicaApp(
  replicas: Partial<ReplicaOptions> & { urls: string[] },
  primaryUrl = inject('databaseUrl'),
): Promise<FastifyInstance> {
  const app = await buildApp({
    db: {
      connectionString: primaryUrl,
      engine: 'postgis',
      poolSize: 4,
      replicas: { maxLagMs: 60_000, checkMs: 100, readYourWritesSeconds: 60, ...replicas },
    },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
    security: { ...readConfig({}).security, writesPerMinute: 100_000, expensiveGetsPerMinute: 100_000 },
  });
  apps.push(app);
  return app;
}

async function fixturePlot(): Promise<string> {
  const id = `test-rr-${++plots}-${Date.now() % 100000}`;
  await createFixturePlot(client, id);
  return id;
}

/** A fixture plot on campus-koege's ground, which a 4 m storm surge without the dike floods (FLOODED). */
async function floodedFixturePlot(): Promise<string> {
  const id = await fixturePlot();
  await client.query(`UPDATE site SET geom = (SELECT geom FROM site WHERE id = 'campus-koege') WHERE id = $1`, [id]);
  return id;
}

/** Polls `read` from now until it returns `expected`; the milliseconds it took, or Infinity after `withinMs`. */
const msWithin = (read: () => Promise<unknown>, expected: unknown, withinMs: number) =>
  msUntil(read, expected, performance.now(), { withinMs, everyMs: 50 });

const pauseReplay = () => standby.admin('SELECT pg_wal_replay_pause()');
const resumeReplay = () => standby.admin('SELECT pg_wal_replay_resume()');
const replicaUrl = () => standby.route(inject('databaseUrl'));

/**
 * An instance reading from the replica, a fresh fixture plot the replica already shows (by `seen`, anonymously),
 * and a planner's browser logged in on that instance.
 */
async function plannerOnReplica(
  replicas: Partial<ReplicaOptions> = {},
  seen: (app: FastifyInstance, id: string) => Promise<unknown> = anonymousStatus,
) {
  const app = await replicaApp({ urls: [replicaUrl()], ...replicas });
  const id = await fixturePlot();
  const browser = new Browser(app);
  await browser.login(planner);
  expect(await msWithin(() => seen(app, id).catch(() => null), 'not_planned', 10_000)).toBeLessThan(10_000);
  return { app, id, browser };
}

describe.runIf(postgis)('reads on a streaming replica, writes on the primary (issue #18)', () => {
  beforeAll(async () => {
    standby = await HotStandby.start(inject('ownerDatabaseUrl'), PORT);
    client = await testClient();
    planner = await createAccount(client, 'planner', 'Planner Replicas');
    const { rows } = await client.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p
         FROM site WHERE id = 'kn-01') s`,
    );
    TILE = lonLatToTile(rows[0]!.lon, rows[0]!.lat, 14);
    const box = await client.query<{ b: number[] }>(
      `SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] AS b
         FROM (SELECT ST_Transform(geom, 4326)::box2d AS b FROM site WHERE id = 'kn-01') s`,
    );
    KN01_BBOX = box.rows[0]!.b.join(',');
  }, 120_000);

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const proxy of proxies.splice(0)) await proxy.stop();
    await resumeReplay().catch(() => undefined);
  });

  afterAll(async () => {
    if (client) {
      await dropFixtures(client);
      await client.end();
    }
    await standby?.stop();
  }, 60_000);

  it('anonymous reads come from the replica; the planner who changed a tender never sees the older state', async () => {
    const app = await replicaApp({ urls: [replicaUrl()] });
    expect(app.readRouter!.status()).toEqual([expect.objectContaining({ inRotation: true })]);
    const id = await fixturePlot();
    const browser = new Browser(app);
    await browser.login(planner);
    // The fixture must be on the replica before replay stops, or "the old state" would be no state at all.
    expect(await msWithin(() => anonymousStatus(app, id).catch(() => null), 'not_planned', 10_000)).toBeLessThan(
      10_000,
    );
    await pauseReplay();

    const steps: [string, object][] = [
      ['planned', { planned_year: 2027 }],
      ['in_preparation', {}],
      ['open', { opens_on: '2027-03-01', closes_on: '2027-05-01', notice_url: 'https://udbud.example/koege/18' }],
    ];
    for (const [to, extra] of steps) {
      await browser.change(id, to, extra);
      // The writer: the tender, the list and the tile all show the new state at once, on any read.
      expect((await browser.tender(id)).status).toBe(to);
      expect(await listStatus(app, id, browser.cookie)).toBe(to);
      expect(await tileStatus(app, id, browser.cookie)).toBe(to);
      // Everyone else reads the replica, which has not replayed the change: the routing is real.
      expect(await anonymousStatus(app, id)).toBe('not_planned');
      expect(await listStatus(app, id)).toBe('not_planned');
    }

    await resumeReplay();
    expect(await msWithin(() => anonymousStatus(app, id), 'open', 10_000)).toBeLessThan(10_000);
    expect(await msWithin(() => listStatus(app, id), 'open', 10_000)).toBeLessThan(10_000);
  });

  it('another instance serves the writer from the primary too (the write position travels in a cookie)', async () => {
    const a = await replicaApp({ urls: [replicaUrl()] });
    const b = await replicaApp({ urls: [replicaUrl()] });
    const id = await fixturePlot();
    const browser = new Browser(a);
    await browser.login(planner);
    expect(await msWithin(() => anonymousStatus(b, id).catch(() => null), 'not_planned', 10_000)).toBeLessThan(10_000);
    await pauseReplay();
    await browser.change(id, 'planned', { planned_year: 2028 });
    const cookie = browser.cookie;
    expect(cookie).toContain(`${WRITE_LSN_COOKIE}=`);
    const res = await b.inject({ url: `/api/plots/${id}/tender`, headers: { cookie } });
    expect(res.json<{ status: string }>().status).toBe('planned');
    expect(await tileStatus(b, id, cookie)).toBe('planned');
    expect(await anonymousStatus(b, id)).toBe('not_planned');
  });

  it('a replica lagging past the limit leaves the rotation, its reads go to the primary, and it comes back', async () => {
    const { app, id, browser } = await plannerOnReplica({ maxLagMs: 500 });
    await pauseReplay();
    await browser.change(id, 'planned', { planned_year: 2029 });
    // Replay is still paused: an anonymous read that shows the change was served by the primary.
    const ms = await msWithin(() => anonymousStatus(app, id), 'planned', 5000);
    expect(ms).toBeLessThan(5000);
    expect(app.readRouter!.status()).toEqual([expect.objectContaining({ inRotation: false, reason: 'lagging' })]);

    await resumeReplay();
    const back = await msWithin(async () => app.readRouter!.status()[0]!.inRotation, true, 10_000);
    expect(back).toBeLessThan(10_000);
  });

  it('a replica down at start: the app starts, reads and writes go to the primary', async () => {
    const app = await replicaApp({ urls: [standby.route(inject('databaseUrl')).replace(`:${PORT}/`, ':5459/')] });
    expect(app.readRouter!.status()).toEqual([expect.objectContaining({ inRotation: false, reason: 'down' })]);
    const id = await fixturePlot();
    const browser = new Browser(app);
    await browser.login(planner);
    await browser.change(id, 'planned', { planned_year: 2030 });
    expect(await anonymousStatus(app, id)).toBe('planned');
    expect(await listStatus(app, id)).toBe('planned');
  });

  it('a replica lost mid-run: no read fails, no write is lost, and it rejoins once back', async () => {
    const { app, id, browser } = await plannerOnReplica();
    expect(app.readRouter!.status()[0]!.inRotation).toBe(true);

    await standby.crash();
    try {
      // Straight after the crash, before any health check has noticed: every read still answers.
      for (let i = 0; i < 5; i++) {
        expect((await app.inject('/api/layers')).statusCode).toBe(200);
        expect((await app.inject(`/api/layers/${FIXTURE_LAYER}/features`)).statusCode).toBe(200);
        expect((await app.inject(`/tiles/${FIXTURE_LAYER}/14/${TILE.x}/${TILE.y}.mvt`)).statusCode).toBe(200);
      }
      expect(app.readRouter!.status()[0]!.inRotation).toBe(false);
      await browser.change(id, 'planned', { planned_year: 2031 });
      expect(await anonymousStatus(app, id)).toBe('planned');
    } finally {
      await standby.resume();
    }
    expect(await msWithin(async () => app.readRouter!.status()[0]!.inRotation, true, 15_000)).toBeLessThan(15_000);
    // The write made while the replica was gone reached it too.
    const database = new URL(inject('ownerDatabaseUrl')).pathname.slice(1);
    const onReplica = async () =>
      (
        await standby.admin<{ status: string }>(
          `SELECT status FROM tender WHERE site_id = '${id.replace(/'/g, '')}'`,
          database,
        )
      )[0]?.status;
    expect(await msWithin(onReplica, 'planned', 10_000)).toBeLessThan(10_000);
  });

  it('the primary down: writes answer 503 with Retry-After, anonymous reads and tiles go on from the replica', async () => {
    const url = new URL(inject('databaseUrl'));
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    proxies.push(proxy);
    const app = await replicaApp({ urls: [replicaUrl()] }, proxy.route(inject('databaseUrl')));
    const id = await fixturePlot();
    const browser = new Browser(app);
    await browser.login(planner);
    await browser.change(id, 'planned', { planned_year: 2032 });
    expect(await msWithin(() => anonymousStatus(app, id), 'planned', 10_000)).toBeLessThan(10_000);
    const { version } = await browser.tender(id);

    await proxy.cut();
    const write = await browser.send('POST', `/api/plots/${id}/tender`, { to: 'in_preparation', version });
    expectProblem(write, 503);
    expect(write.headers['retry-after']).toBeTruthy();
    expect(await anonymousStatus(app, id)).toBe('planned');
    expect(await listStatus(app, id)).toBe('planned');
    expect((await app.inject(`/tiles/${FIXTURE_LAYER}/14/${TILE.x}/${TILE.y}.mvt`)).statusCode).toBe(200);

    await proxy.restore();
    // Nothing was written while the primary was away.
    const { rows } = await client.query<{ status: string }>('SELECT status FROM tender WHERE site_id = $1', [id]);
    expect(rows[0]!.status).toBe('planned');
  });
  it('the flood model, OGC bbox pages, exports and feeds read from the replica; the writer’s from the primary', async () => {
    const app = await replicaApp({ urls: [replicaUrl()] });
    const id = await fixturePlot();
    const flooded = await floodedFixturePlot();
    const browser = new Browser(app);
    await browser.login(planner);
    const sketch = await browser.send('POST', '/api/sketches', {
      title: `Replika ${id}`,
      proposed_use: '31',
      geometry: square(QUIET_FIELD.lon, QUIET_FIELD.lat),
    });
    expect(sketch.statusCode, sketch.body).toBe(201);
    const { id: sketchId, properties } = sketch.json<{ id: string; properties: { version: number } }>();
    // Everything, the flood extent included, must be on the replica before replay stops.
    expect(await msWithin(() => floodStatus(app, flooded).catch(() => null), 'not_planned', 30_000)).toBeLessThan(
      30_000,
    );
    expect(await msWithin(() => ogcStatus(app, id).catch(() => null), 'not_planned', 10_000)).toBeLessThan(10_000);
    expect(
      await msWithin(async () => (await exportedSketchTitles(app)).includes(`Replika ${id}`), true, 10_000),
    ).toBeLessThan(10_000);
    await pauseReplay();

    await browser.change(id, 'planned', { planned_year: 2033 });
    await browser.change(flooded, 'planned', { planned_year: 2033 });
    const renamed = await browser.send('PUT', `/api/sketches/${sketchId}`, {
      title: `Omdøbt ${id}`,
      proposed_use: '31',
      geometry: square(QUIET_FIELD.lon, QUIET_FIELD.lat),
      version: properties.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const mine = browser.cookie;
    // The writer sees every change at once, whichever route reads it.
    expect(await floodStatus(app, flooded, mine)).toBe('planned');
    expect(await ogcStatus(app, id, mine)).toBe('planned');
    expect(await exportStatus(app, id, mine)).toBe('planned');
    expect(
      await exportStatus(app, id, mine, FLOODED.replace('level', 'outside_flood').replace('dike', 'flood_dike')),
    ).toBe('planned');
    expect(await inFeed(app, id, mine)).toBe(true);
    expect(await exportedSketchTitles(app, mine)).toContain(`Omdøbt ${id}`);
    // Everyone else reads the replica, which has not replayed the changes: the routing is real.
    expect(await floodStatus(app, flooded)).toBe('not_planned');
    expect(await ogcStatus(app, id)).toBe('not_planned');
    expect(await exportStatus(app, id)).toBe('not_planned');
    expect(await exportStatus(app, id, '', 'outside_flood=4&flood_dike=without')).toBe('not_planned');
    expect(await inFeed(app, id)).toBe(false);
    const titles = await exportedSketchTitles(app);
    expect(titles).toContain(`Replika ${id}`);
    expect(titles).not.toContain(`Omdøbt ${id}`);

    await resumeReplay();
    expect(await msWithin(() => floodStatus(app, flooded), 'planned', 10_000)).toBeLessThan(10_000);
    expect(await msWithin(() => inFeed(app, id), true, 10_000)).toBeLessThan(10_000);
  });

  it('a flood extent the replica has not replayed yet is read from the primary, and the replica serves it after', async () => {
    const app = await replicaApp({ urls: [replicaUrl()] });
    const database = new URL(inject('ownerDatabaseUrl')).pathname.slice(1);
    const { rows } = await client.query<{ level: number }>(
      `SELECT level FROM generate_series(5, 395) level
        WHERE NOT EXISTS (SELECT 1 FROM flood_extent WHERE level_cm = level AND NOT dike)
        ORDER BY random() LIMIT 1`,
    );
    const levelCm = rows[0]!.level;
    const query = `level=${(levelCm / 100).toFixed(2)}&dike=without`;
    const onReplica = async () =>
      Number(
        (
          await standby.admin<{ n: string }>(
            `SELECT count(*) AS n FROM flood_extent WHERE level_cm = ${levelCm} AND NOT dike`,
            database,
          )
        )[0]!.n,
      );
    await pauseReplay();

    const extent = await app.inject(`/api/flood?${query}`);
    expect(extent.statusCode, extent.body).toBe(200);
    expect(extent.json<{ geometry: { type: string } }>().geometry.type).toBe('MultiPolygon');
    const affected = await app.inject(`/api/flood/affected?${query}`);
    expect(affected.statusCode, affected.body).toBe(200);
    const outside = await app.inject(`/api/plots?outside_flood=${(levelCm / 100).toFixed(2)}&flood_dike=without`);
    expect(outside.statusCode, outside.body).toBe(200);
    // The replica has not got the extent: those reads went to the primary, which has it.
    expect(await onReplica()).toBe(0);

    await resumeReplay();
    expect(await msWithin(onReplica, 1, 10_000)).toBeLessThan(10_000);
    const again = await app.inject(`/api/flood/affected?${query}`);
    expect(again.json()).toEqual(affected.json());
  });

  it('the expensive reads on a replica lost mid-run go to the primary: none fails', async () => {
    const { app, id, browser } = await plannerOnReplica({}, ogcStatus);
    expect(app.readRouter!.status()[0]!.inRotation).toBe(true);

    await standby.crash();
    try {
      // Straight after the crash, before any health check has noticed: the sketch export's first read is on the
      // replica's expensive-read pool, which finds it gone.
      await exportedSketchTitles(app);
      expect(app.readRouter!.status()[0]!.inRotation).toBe(false);
      expect(await ogcStatus(app, id)).toBe('not_planned');
      expect(await exportStatus(app, id)).toBe('not_planned');
      expect(await floodStatus(app, id)).toBeUndefined();
      await browser.change(id, 'planned', { planned_year: 2034 });
      expect(await ogcStatus(app, id)).toBe('planned');
      expect(await inFeed(app, id)).toBe(true);
    } finally {
      await standby.resume();
    }
    expect(await msWithin(async () => app.readRouter!.status()[0]!.inRotation, true, 15_000)).toBeLessThan(15_000);
  });
});
