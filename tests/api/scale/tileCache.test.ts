import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { lonLatToTile } from '../tileMath';
import { createAccount, createFixturePlot, dropFixtures, testClient, type TestAccount } from '../workflowFixtures';
import { msUntil } from './msUntil';
import { tenderStatusInTile } from './tenderStatusInTile';
import { EdgeStack, freePort, NGINX, VARNISHD, type Started } from './edgeStack';
import { HotStandby } from './hotStandby';

/**
 * Issue #18: three app instances on one primary and one streaming replica, behind nginx (ops/nginx/koege.conf)
 * with Varnish (ops/varnish/default.vcl) in front of the tiles, all on loopback. Needs nginx, Varnish and a real
 * PostgreSQL; CI installs both and runs it.
 */
const postgis = inject('engine') === 'postgis';
if (process.env.CI === 'true' && (!NGINX || !VARNISHD)) throw new Error('CI=true but nginx or varnish is missing');
const missing = !postgis
  ? 'it needs DATABASE_URL (PostgreSQL)'
  : !NGINX || !VARNISHD
    ? 'nginx or varnish is not installed'
    : null;
if (missing) console.warn(`!!! tile-cache test NOT RUN: ${missing}`);

const LAYER = 'test-tilecache';
const PLOT = 'test-tilecache-1';
const ALLOWED_ORIGIN = 'http://a.example';
let dir: string;
let stack: EdgeStack;
let standby: HotStandby;
let client: pg.Client;
let planner: TestAccount;
const instances: string[] = [];
let front = '';
let cache = '';
let varnish: Started;
let tile: { x: number; y: number };
let point: { lon: number; lat: number };

async function layerVersion(origin: string, cookie = ''): Promise<number> {
  const res = await fetch(`${origin}/api/layers`, { headers: { cookie } });
  return (await res.json()).layers.find((l: { id: string }) => l.id === LAYER).version as number;
}

const tileUrl = (origin: string, version?: number) =>
  `${origin}/tiles/${LAYER}/14/${tile.x}/${tile.y}.mvt${version === undefined ? '' : `?v=${version}`}`;

async function statusIn(res: Response): Promise<unknown> {
  if (res.status !== 200) return `HTTP ${res.status}`;
  return tenderStatusInTile(new Uint8Array(await res.arrayBuffer()), LAYER, PLOT);
}

async function listStatus(origin: string): Promise<unknown> {
  const body = (await (await fetch(`${origin}/api/layers/${LAYER}/features`)).json()) as {
    features: { properties: { id: string; tender_status?: string } }[];
  };
  return body.features.find((f) => f.properties.id === PLOT)?.properties.tender_status;
}

/** Logs in through `origin`: the session cookie and the CSRF token. */
async function logIn(origin: string): Promise<{ session: string; csrf: string }> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: planner.email, password: planner.password }),
  });
  expect(login.status).toBe(200);
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { session, csrf: ((await login.json()) as { csrf_token: string }).csrf_token };
}

/** Moves the plot's tender to `to` through `origin`; the cookies the browser then holds. */
async function changeTender(
  origin: string,
  { session, csrf }: { session: string; csrf: string },
  to: string,
  extra: object,
): Promise<string> {
  const { version } = (await (
    await fetch(`${origin}/api/plots/${PLOT}/tender`, { headers: { cookie: session } })
  ).json()) as {
    version: number;
  };
  const res = await fetch(`${origin}/api/plots/${PLOT}/tender`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': csrf },
    body: JSON.stringify({ to, version, ...extra }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return [session, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

describe.runIf(!missing)('three instances behind nginx, Varnish in front of the tiles, one replica (issue #18)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koege-tilecache-'));
    stack = new EdgeStack(dir);
    client = await testClient();
    await createFixturePlot(client, PLOT, LAYER);
    planner = await createAccount(client, 'planner', 'Planner Tile cache');
    const { rows } = await client.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p
         FROM site WHERE id = 'kn-01') s`,
    );
    point = rows[0]!;
    tile = lonLatToTile(point.lon, point.lat, 14);

    standby = await HotStandby.start(inject('ownerDatabaseUrl'), Number(process.env.REPLICA_PORT ?? 5442));
    const ports = { front: await freePort(), internal: await freePort(), varnish: await freePort() };
    cache = `http://127.0.0.1:${ports.varnish}`;
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      DATABASE_OWNER_URL: inject('ownerDatabaseUrl'),
      DATABASE_READ_URL: standby.route(inject('databaseUrl')),
      REPLICA_CHECK_MS: '100',
      TILE_CACHE_BAN_URLS: `${cache}/`,
      CORS_ORIGINS: `${ALLOWED_ORIGIN},http://b.example`,
    };
    // One after the other: three cold starts at once on two cores take longer than in turn.
    for (let i = 0; i < 3; i++) instances.push((await stack.instance(env)).origin);
    await stack.nginx(ports, instances);
    varnish = await stack.varnish(ports.varnish, ports.internal, ALLOWED_ORIGIN);
    front = `http://127.0.0.1:${ports.front}`;
  }, 300_000);

  afterAll(async () => {
    await stack?.stopAll();
    if (client) {
      await dropFixtures(client, LAYER);
      await client.end();
    }
    await standby?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('the second request for a versioned tile is a hit, and If-None-Match gets a 304 from the cache', async () => {
    const url = tileUrl(front, await layerVersion(front));
    const first = await fetch(url);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(await statusIn(first)).toBe('not_planned');
    const second = await fetch(url);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await statusIn(second)).toBe('not_planned');
    const etag = second.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const revalidated = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-cache')).toBe('hit');
  });

  it('one object for every site and visitor: no Vary: Origin fragments, cookies ignored, CORS only where allowed', async () => {
    // A tile no other case asks for (zoom 15), so its first request is the cache's first.
    const deeper = lonLatToTile(point.lon, point.lat, 15);
    const url = `${front}/tiles/${LAYER}/15/${deeper.x}/${deeper.y}.mvt?v=${await layerVersion(front)}`;
    const a = await fetch(url, { headers: { origin: ALLOWED_ORIGIN, cookie: 'koege_session=x'.padEnd(57, 'x') } });
    expect(a.headers.get('x-cache')).toBe('miss');
    expect(a.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(a.headers.get('vary') ?? '').not.toMatch(/origin/i);
    const b = await fetch(url, { headers: { origin: 'http://b.example' } });
    expect(b.headers.get('x-cache')).toBe('hit');
    expect(b.headers.get('access-control-allow-origin')).toBeNull();
    const c = await fetch(url);
    expect(c.headers.get('x-cache')).toBe('hit');
  });

  it('passes the written and the personalised API, and stores no answer without Cache-Control', async () => {
    const session = `koege_session=${'s'.repeat(43)}`;
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${cache}/api/layers`, { headers: { cookie: session } })).headers.get('x-cache')).toBe(
        'miss',
      );
      expect((await fetch(`${cache}/api/layers`)).headers.get('x-cache')).toBe('miss');
    }
    const login = await fetch(`${cache}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: planner.email, password: planner.password }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('x-cache')).toBe('miss');
    expect(login.headers.getSetCookie().join()).toMatch(/koege_session=/);
  });

  it('a write through one instance: the next tile request returns the new data, and every instance shows it within 1 s', async () => {
    const versioned = tileUrl(front, await layerVersion(front));
    const unversioned = tileUrl(front);
    await fetch(versioned);
    await fetch(unversioned);
    expect((await fetch(unversioned)).headers.get('x-cache')).toBe('hit');

    const browser = await logIn(instances[0]!);
    const posted = performance.now();
    const cookie = await changeTender(instances[0]!, browser, 'planned', { planned_year: 2027 });
    // From the answer to the write (it is committed then), every other instance's list and tile show it.
    const since = performance.now();
    const others = Promise.all(
      instances.slice(1).flatMap((origin) => [
        msUntil(() => listStatus(origin), 'planned', since),
        // An anonymous browser there: its own list of layers, then the tile that list names.
        msUntil(async () => statusIn(await fetch(tileUrl(origin, await layerVersion(origin)))), 'planned', since),
      ]),
    );
    // The writer's browser: its list of layers names a new version, whose tile is drawn with the change at once.
    const next = await layerVersion(front, cookie);
    expect(await statusIn(await fetch(tileUrl(front, next)))).toBe('planned');
    // The old versioned URL stays what it named; the unversioned alias is banned once the replica has the write.
    expect(await statusIn(await fetch(versioned))).toBe('not_planned');
    const alias = await msUntil(async () => statusIn(await fetch(unversioned)), 'planned', since);
    const seen = await others;
    console.log(
      `[tile-cache] write answered in ${(since - posted).toFixed(0)} ms; then the alias was fresh after ` +
        `${alias.toFixed(0)} ms, the other instances' lists and tiles after ${seen.map((m) => m.toFixed(0)).join(', ')} ms`,
    );
    expect(alias).toBeLessThan(1000);
    for (const ms of seen) expect(ms).toBeLessThan(1000);
  });

  it('Varnish down: nginx sends the tiles straight to the instances', async () => {
    const url = tileUrl(front, await layerVersion(front));
    await stack.stop(varnish);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBeNull();
    expect(await statusIn(res)).toBe('planned');
  });
});
