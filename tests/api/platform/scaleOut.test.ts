import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { lonLatToTile } from '../tileMath';
import { createAccount, testClient, type TestAccount } from '../workflowFixtures';

/**
 * Issue #8: two app instances behind nginx on loopback, one PostgreSQL. A session made through one instance works
 * through the other, and a write through one is seen (lists and tiles) through the other within a second.
 * Needs nginx (Debian package) and a real PostgreSQL: the embedded engine is one process's by design.
 */
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
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
let client: pg.Client;
let planner: TestAccount;
const children: ChildProcess[] = [];
let instances: string[] = [];
let balancer = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up\n${output()}`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function startInstance(): Promise<string> {
  const port = await freePort();
  const { child, output } = start(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    ...process.env,
    DATABASE_URL: inject('databaseUrl'),
    DATABASE_OWNER_URL: inject('ownerDatabaseUrl'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '127.0.0.1',
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/health/ready`, child, output);
  return origin;
}

async function startNginx(upstreams: string[]): Promise<string> {
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  await writeFile(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream koege { ${upstreams.map((u) => `server ${u.replace('http://', '')};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://koege;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
    }
  }
}
`,
  );
  const { child, output } = start(NGINX!, ['-c', conf, '-p', dir], process.env);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/health/live`, child, output);
  return origin;
}

/** The fixture plot's tender status as a tile of `origin` draws it. */
async function tileStatus(origin: string, lon: number, lat: number): Promise<unknown> {
  const { x, y } = lonLatToTile(lon, lat, TILE_ZOOM);
  const res = await fetch(`${origin}/tiles/${LAYER}/${TILE_ZOOM}/${x}/${y}.mvt`);
  if (res.status !== 200) return `HTTP ${res.status}`;
  const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
  const layer = tile.layers[LAYER];
  for (let i = 0; layer && i < layer.length; i++) {
    const f = layer.feature(i);
    if (f.properties.id === PLOT) return f.properties.tender_status;
  }
  return 'missing';
}

async function listStatus(origin: string): Promise<unknown> {
  const res = await fetch(`${origin}/api/layers/${LAYER}/features`);
  const body = (await res.json()) as { features: { properties: { id: string; tender_status?: string } }[] };
  return body.features.find((f) => f.properties.id === PLOT)?.properties.tender_status;
}

/** Polls `read` until it gives `expected`; returns the milliseconds that took, or Infinity after 3 s. */
async function msUntil(read: () => Promise<unknown>, expected: unknown, since: number): Promise<number> {
  while (performance.now() - since < 3000) {
    if ((await read()) === expected) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Number.POSITIVE_INFINITY;
}

describe.runIf(NGINX && postgis)('two instances behind nginx (issue #8)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koege-scaleout-'));
    client = await testClient();
    await client.query(
      `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, sort_order)
       VALUES ($1, 'Skaleringstest', 'Scale-out test', 'erhverv', 'polygon', 9998) ON CONFLICT (id) DO NOTHING`,
      [LAYER],
    );
    await client.query(
      `INSERT INTO site (id, layer_id, name, kind, geom, plan_use, source, accuracy)
       SELECT $1, $2, 'Skaleringsgrund', 'plot', geom, 'production', 'API test fixture', 'illustrative'
         FROM site WHERE id = 'kn-01' ON CONFLICT (id) DO NOTHING`,
      [PLOT, LAYER],
    );
    await client.query(`INSERT INTO tender (site_id, status) VALUES ($1, 'not_planned')`, [PLOT]);
    planner = await createAccount(client, 'planner', 'Planner Scale-out');
    instances = [await startInstance(), await startInstance()];
    balancer = await startNginx(instances);
  }, 240_000);

  afterAll(async () => {
    for (const child of children.reverse()) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    }
    if (client) {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('DELETE FROM tender_event WHERE tender_id IN (SELECT id FROM tender WHERE site_id = $1)', [
        PLOT,
      ]);
      await client.query('DELETE FROM tender WHERE site_id = $1', [PLOT]);
      await client.query('DELETE FROM site WHERE id = $1', [PLOT]);
      await client.query('DELETE FROM layer WHERE id = $1', [LAYER]);
      await client.query('COMMIT');
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
