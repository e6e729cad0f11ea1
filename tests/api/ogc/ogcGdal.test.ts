import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import { SHIPPED_TERRAIN } from '../testApp';
import { seedData } from '../seedFixtures';

/** A free loopback port: the app's links are absolute, so its PUBLIC_URL must name the port before it listens. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// GDAL is the independent client (QGIS reads the API through the same driver). It runs as a child process
// while this process serves it, so it must not block the event loop: execFile, not execFileSync.
describe('OGC API – Features read by GDAL (OAPIF driver)', () => {
  const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find((p) => existsSync(p));
  const ogr2ogr = ['/usr/bin/ogr2ogr', '/usr/local/bin/ogr2ogr'].find((p) => existsSync(p));
  if ((!ogrinfo || !ogr2ogr) && process.env.CI === 'true') {
    throw new Error('CI=true but GDAL (ogrinfo, ogr2ogr) is not installed');
  }
  const run = promisify(execFile);
  let served: FastifyInstance;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    if (!ogrinfo) return;
    const port = await freePort();
    const engine = inject('engine');
    served = await buildApp({
      db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 4 },
      clientRoot: '/nonexistent',
      elevation: SHIPPED_TERRAIN,
      publicUrl: `http://127.0.0.1:${port}`,
    });
    await served.listen({ port, host: '127.0.0.1' });
    url = `OAPIF:http://127.0.0.1:${port}/ogc`;
    dir = await mkdtemp(join(tmpdir(), 'koege-oapif-'));
  });
  afterAll(async () => {
    await served?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // GDAL must not try the network beyond loopback, nor wait long on anything.
  const env = { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_CURL_VERBOSE: 'NO', GDAL_HTTP_MAX_RETRY: '0' };

  it.runIf(ogrinfo)('ogrinfo lists every collection as a layer', async () => {
    const data = await seedData();
    const { stdout } = await run(ogrinfo!, ['-ro', '-q', url], { env });
    for (const id of [...data.layers.map((l) => l.id), 'sketches']) {
      expect(stdout).toMatch(new RegExp(`^\\d+: ${id}\\b`, 'm'));
    }
  });

  it.runIf(ogrinfo)('ogrinfo reads a layer’s feature count and CRS', async () => {
    const plots = (await seedData()).features.get('koege-nord-plots')!.features.length;
    const { stdout } = await run(ogrinfo!, ['-ro', '-so', url, 'koege-nord-plots'], { env });
    expect(stdout).toMatch(new RegExp(`Feature Count: ${plots}\\b`));
    expect(stdout).toMatch(/WGS 84/);
  });

  it.runIf(ogr2ogr)('ogr2ogr copies a layer to a GeoPackage, following the next links', async () => {
    const plots = (await seedData()).features.get('koege-nord-plots')!.features.length;
    const out = join(dir, 'plots.gpkg');
    await run(ogr2ogr!, ['-f', 'GPKG', out, url, 'koege-nord-plots'], { env });
    const { stdout } = await run(ogrinfo!, ['-ro', '-so', '-al', out], { env });
    expect(stdout).toMatch(new RegExp(`Feature Count: ${plots}\\b`));
    expect(stdout).toMatch(/name: String/);
  });
});
