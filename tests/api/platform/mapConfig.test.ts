import { afterEach, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Basemap, MapConfig } from '@shared/schemas/mapConfig';
import { buildApp } from '../../../server/src/app';
import { readConfig } from '../../../server/src/platform/config';
import { SHIPPED_TERRAIN } from '../testApp';
import { expectProblem } from '../expectProblem';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app configured from `env` as server.ts configures it: the basemap and MAP_ORIGINS from the environment. */
async function appWith(env: NodeJS.ProcessEnv = {}): Promise<FastifyInstance> {
  const engine = inject('engine');
  const config = readConfig(env);
  app = await buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 2 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
    security: config.security,
    basemap: config.basemap,
  });
  return app;
}

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

describe('GET /api/map-config (issue #16)', () => {
  it('hands out no basemap by default: the map stays offline', async () => {
    const res = await (await appWith()).inject('/api/map-config');
    expect(res.statusCode).toBe(200);
    expect(res.json<MapConfig>()).toEqual({ basemap: null });
  });

  it('hands out the raster basemap read from the environment, token and all, and keeps it out of shared caches', async () => {
    const tiles = 'https://tiles.example.dk/{z}/{x}/{y}.png?token=t0k3n';
    const res = await (
      await appWith({ BASEMAP_URL: tiles, BASEMAP_ATTRIBUTION: '© Example' })
    ).inject('/api/map-config');
    expect(res.json<MapConfig>()).toEqual({
      basemap: { kind: 'raster', tiles, tileSize: 256, maxZoom: 19, attribution: '© Example' },
    });
    expect(res.headers['cache-control']).toBe('private, no-cache');
  });

  it('hands out a style basemap', async () => {
    const url = 'https://maps.example.dk/styles/basis/style.json';
    const res = await (await appWith({ BASEMAP_STYLE_URL: url })).inject('/api/map-config');
    expect(res.json<MapConfig>().basemap).toEqual<Basemap>({ kind: 'style', url, attribution: null });
  });

  it('refuses a query parameter with problem+json naming it', async () => {
    const res = await (await appWith()).inject('/api/map-config?basemap=https://evil.example');
    expectProblem(res, 400, 'basemap');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await appWith()).inject('/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/map-config');
  });
});

describe('the CSP and the basemap (issue #16)', () => {
  const cspOf = async (env: NodeJS.ProcessEnv) =>
    String((await (await appWith(env)).inject('/api/layers')).headers['content-security-policy']);

  it('names no other origin when no basemap is configured', async () => {
    const csp = await cspOf({});
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/img-src 'self' data: blob:(;|$)/);
    expect(csp).not.toMatch(/https?:\/\//);
  });

  it('names the basemap’s origin in connect-src and img-src when one is configured, and only it', async () => {
    const csp = await cspOf({ BASEMAP_URL: OSM });
    expect(csp).toMatch(/connect-src 'self' https:\/\/tile\.openstreetmap\.org(;|$)/);
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org(;|$)/);
    expect(csp.match(/https?:\/\/[^\s;]+/g)).toEqual([
      'https://tile.openstreetmap.org',
      'https://tile.openstreetmap.org',
    ]);
  });

  it('names a style basemap’s origin', async () => {
    const csp = await cspOf({ BASEMAP_STYLE_URL: 'https://maps.example.dk/style.json?key=k' });
    expect(csp).toMatch(/connect-src 'self' https:\/\/maps\.example\.dk(;|$)/);
    expect(csp).not.toContain('key=k');
  });
});
