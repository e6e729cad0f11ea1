import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { lonLatToTile } from '../tileMath';
import { createAccount, createFixturePlot, dropFixtures, testClient, type TestAccount } from '../workflowFixtures';
import { EdgeStack, NGINX } from '../scale/edgeStack';
import { msUntil } from '../scale/msUntil';
import { tenderStatusInTile } from '../scale/tenderStatusInTile';

/**
 * Issue #8: two app instances behind nginx on loopback, one PostgreSQL. A session made through one instance works
 * through the other, and a write through one is seen (lists and tiles) through the other within a second.
 * Needs nginx (Debian package) and a real PostgreSQL: the embedded engine is one process's by design.
 */
const postgis = inject('engine') === 'postgis';
if (process.env.CI === 'true' && !NGINX) throw new Error('CI=true but nginx is not installed');
if (!NGINX || !postgis) {
  console.warn(
    `!!! scale-out test NOT RUN: ${!NGINX ? 'nginx is not installed (apt-get install nginx)' : 'it needs DATABASE_URL (PostgreSQL)'}`,
  );
}

const LAYER = 'test-scaleout';
const PLOT = 'test-scaleout-1';
const TILE_ZOOM = 14;
let dir: string;
let stack: EdgeStack;
let client: pg.Client;
let planner: TestAccount;
let instances: string[] = [];
let balancer = '';

/** One instance (server/src/server.ts) on the test database. */
const startInstance = async () =>
  (
    await stack.instance({
      DATABASE_URL: inject('databaseUrl'),
      DATABASE_OWNER_URL: inject('ownerDatabaseUrl'),
    })
  ).origin;

/** The fixture plot's tender status as a tile of `origin` draws it. */
async function tileStatus(origin: string, lon: number, lat: number): Promise<unknown> {
  const { x, y } = lonLatToTile(lon, lat, TILE_ZOOM);
  const res = await fetch(`${origin}/tiles/${LAYER}/${TILE_ZOOM}/${x}/${y}.mvt`);
  if (res.status !== 200) return `HTTP ${res.status}`;
  return tenderStatusInTile(new Uint8Array(await res.arrayBuffer()), LAYER, PLOT);
}

async function listStatus(origin: string): Promise<unknown> {
  const res = await fetch(`${origin}/api/layers/${LAYER}/features`);
  const body = (await res.json()) as { features: { properties: { id: string; tender_status?: string } }[] };
  return body.features.find((f) => f.properties.id === PLOT)?.properties.tender_status;
}

describe.runIf(NGINX && postgis)('two instances behind nginx (issue #8)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koege-scaleout-'));
    stack = new EdgeStack(dir);
    client = await testClient();
    await createFixturePlot(client, PLOT, LAYER);
    planner = await createAccount(client, 'planner', 'Planner Scale-out');
    instances = [await startInstance(), await startInstance()];
    balancer = await stack.balancer(instances);
  }, 240_000);

  afterAll(async () => {
    await stack?.stopAll();
    if (client) {
      await dropFixtures(client, LAYER);
      await client.end();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('a session made through one instance works through the other and through nginx', async () => {
    const [a, b] = instances as [string, string];
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: planner.email, password: planner.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (const origin of [a, b, balancer]) {
      const me = await fetch(`${origin}/api/auth/me`, { headers: { cookie } });
      expect((await me.json()) as object, origin).toMatchObject({
        user: { display_name: planner.displayName, role: 'planner' },
      });
    }
  });

  it('nginx’s request id reaches the app and comes back in the answer', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${balancer}/api/health/live`);
      ids.add(res.headers.get('x-request-id') ?? '');
      expect(res.status).toBe(200);
    }
    // nginx's $request_id is 32 hex digits; the app keeps it rather than making its own UUID.
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a tender change through one instance shows in the other’s list and tiles within a second', async () => {
    const [a, b] = instances as [string, string];
    const { rows } = await client.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p FROM site WHERE id = $1) s`,
      [PLOT],
    );
    const { lon, lat } = rows[0]!;
    // B has the tile and the list in its caches before the change.
    expect(await tileStatus(b, lon, lat)).toBe('not_planned');
    expect(await listStatus(b)).toBe('not_planned');

    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: planner.email, password: planner.password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
    const change = await fetch(`${a}/api/plots/${PLOT}/tender`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ to: 'planned', version: 1, planned_year: 2028 }),
    });
    expect(change.status, await change.clone().text()).toBe(200);
    const written = performance.now();

    const listMs = await msUntil(() => listStatus(b), 'planned', written);
    const tileMs = await msUntil(() => tileStatus(b, lon, lat), 'planned', written);
    console.log(
      `[scale-out] the other instance shows the change: list after ${listMs.toFixed(0)} ms, tile after ${tileMs.toFixed(0)} ms`,
    );
    expect(listMs).toBeLessThan(1000);
    expect(tileMs).toBeLessThan(1000);
  });
});
