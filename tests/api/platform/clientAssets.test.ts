import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { clientPlugin, withPreloads } from '../../../server/src/platform/client';
import type { LayerList } from '@shared/schemas/layer';
import { errorsPlugin } from '../../../server/src/platform/errors';
import { testApp } from '../testApp';

/** The built client's caching: hashed assets for good, the page revalidated on every visit. */
let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-client-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><head><title>t</title></head><script src="/assets/index-AbC123.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  // A build made with VITE_SOURCEMAP=true (or an old one) leaves maps beside the scripts.
  await writeFile(join(dir, 'assets', 'index-AbC123.js.map'), '{"version":3,"sources":["secret.ts"],"mappings":""}');
  await writeFile(join(dir, 'robots.txt'), 'User-agent: *');
  app = await testApp({ clientRoot: dir });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the built client', () => {
  it('serves content-named assets as immutable for a year', async () => {
    const res = await app.inject('/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the page and other files revalidated on every visit, with an ETag for a cheap 304', async () => {
    for (const path of ['/', '/index.html', '/robots.txt']) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      const etag = String(res.headers.etag);
      expect((await app.inject({ url: path, headers: { 'if-none-match': etag } })).statusCode, path).toBe(304);
    }
  });

  it('names the point layers’ features as preloads in the page, so they load beside the script (issue #16)', async () => {
    const { layers } = (await app.inject('/api/layers')).json<LayerList>();
    const points = layers.filter((layer) => layer.delivery === 'geojson');
    expect(points.length).toBeGreaterThan(0);
    const page = (await app.inject('/')).body;
    const preloaded = [...page.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin \/>/g)].map(
      (m) => m[1],
    );
    expect(preloaded).toEqual(points.map((layer) => `/api/layers/${layer.id}/features`));
    // Each is a real answer of the API, the one the map asks for.
    for (const path of preloaded) expect((await app.inject(path!)).statusCode, path).toBe(200);
    // Before the script, inside the head; the file itself is served as built.
    expect(page.indexOf('rel="preload"')).toBeLessThan(page.indexOf('</head>'));
    expect((await app.inject('/index.html')).body).not.toContain('rel="preload"');
  });

  it('serves the page without preloads when they cannot be worked out, and escapes what it writes', async () => {
    const failing = Fastify();
    await failing.register(errorsPlugin);
    await failing.register(clientPlugin, { root: dir, preloads: () => Promise.reject(new Error('database down')) });
    try {
      const res = await failing.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('/assets/index-AbC123.js');
      expect(res.body).not.toContain('rel="preload"');
    } finally {
      await failing.close();
    }
    // A database that does not answer holds the page up for at most the deadline (300 ms).
    const hanging = Fastify();
    await hanging.register(errorsPlugin);
    await hanging.register(clientPlugin, { root: dir, preloads: () => new Promise<string[]>(() => undefined) });
    try {
      const started = performance.now();
      const res = await hanging.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('rel="preload"');
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await hanging.close();
    }
    const page = withPreloads('<head></head>', ['/api/layers/a"b<c>&/features']);
    expect(page).toBe(
      '<head><link rel="preload" href="/api/layers/a&quot;b&lt;c&gt;&amp;/features" as="fetch" crossorigin /></head>',
    );
    expect(withPreloads('<p>no head</p>', ['/x'])).toBe('<p>no head</p>');
  });

  it('answers 404 for a missing asset, not the page', async () => {
    expect((await app.inject('/assets/index-Missing.js')).statusCode).toBe(404);
  });

  it('does not serve source maps found in the client folder (issue #19)', async () => {
    const res = await app.inject('/assets/index-AbC123.js.map');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
  });

  it('serves them when the switch allows (SERVE_SOURCE_MAPS=true)', async () => {
    const withMaps = Fastify();
    await withMaps.register(errorsPlugin);
    await withMaps.register(clientPlugin, { root: dir, sourceMaps: true });
    try {
      const res = await withMaps.inject('/assets/index-AbC123.js.map');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('secret.ts');
    } finally {
      await withMaps.close();
    }
  });
});
