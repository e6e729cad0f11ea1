import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../../server/src/platform/config';

describe('readConfig', () => {
  it('defaults to the embedded engine on port 3000', () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      databaseOwnerUrl: undefined,
      replicas: undefined,
      dataDir: '.data',
      poolSize: 10,
      logLevel: 'info',
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      tileCacheBanUrls: [],
      tiles: { encoder: 'auto', cacheBytes: 64 * 1024 * 1024, registryTtlMs: 250 },
      security: {
        corsOrigins: [],
        extraMapOrigins: [],
        writesPerMinute: 120,
        expensiveGetsPerMinute: 120,
        serveSourceMaps: false,
      },
      limits: {
        statementTimeoutMs: 5000,
        idleInTransactionTimeoutMs: 10_000,
        anonymousMs: 2000,
        userMs: 15_000,
        longMs: 120_000,
        concurrency: 2,
        // One core is left to the cheap routes (issue #19); this machine's count, whatever it is.
        totalConcurrency: Math.max(1, availableParallelism() - 1),
      },
      basemap: null,
    });
  });

  it('reads every setting', () => {
    const c = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db/x',
      DATABASE_OWNER_URL: 'postgres://owner@db/x',
      DATABASE_READ_URL: 'postgres://u:p@replica/x',
      TILE_CACHE_BAN_URLS: 'http://127.0.0.1:6081/',
      DATA_DIR: '/var/lib/k',
      PG_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
      TILE_ENCODER: 'js',
      TILE_CACHE_MB: '0',
      TILE_VERSION_TTL_MS: '250',
      PUBLIC_URL: 'https://kort.koege.dk/erhverv',
      TRUST_PROXY: '10.0.0.1, 10.0.0.2',
      CORS_ORIGINS: 'https://gis.koege.dk, http://localhost:5173',
      MAP_ORIGINS: 'https://tiles.example.dk',
      BASEMAP_URL: 'https://basemap.example.dk/{z}/{x}/{y}.png',
      BASEMAP_ATTRIBUTION: '© Example',
      WRITE_RATE_LIMIT: '30',
      SERVE_SOURCE_MAPS: 'true',
      EXPENSIVE_RATE_LIMIT: '20',
      DB_STATEMENT_TIMEOUT_MS: '4000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '9000',
      ANONYMOUS_STATEMENT_TIMEOUT_MS: '1500',
      USER_STATEMENT_TIMEOUT_MS: '12000',
      LONG_STATEMENT_TIMEOUT_MS: '60000',
      EXPENSIVE_CONCURRENCY: '3',
      EXPENSIVE_TOTAL_CONCURRENCY: '5',
    });
    expect(c).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db/x',
      databaseOwnerUrl: 'postgres://owner@db/x',
      replicas: { urls: ['postgres://u:p@replica/x'], maxLagMs: 5000, checkMs: 250, readYourWritesSeconds: 60 },
      dataDir: '/var/lib/k',
      poolSize: 4,
      logLevel: 'warn',
      publicUrl: 'https://kort.koege.dk/erhverv',
      trustProxy: '10.0.0.1, 10.0.0.2',
      tileCacheBanUrls: ['http://127.0.0.1:6081/'],
      tiles: { encoder: 'js', cacheBytes: 0, registryTtlMs: 250 },
      security: {
        corsOrigins: ['https://gis.koege.dk', 'http://localhost:5173'],
        extraMapOrigins: ['https://tiles.example.dk'],
        writesPerMinute: 30,
        expensiveGetsPerMinute: 20,
        serveSourceMaps: true,
      },
      limits: {
        statementTimeoutMs: 4000,
        idleInTransactionTimeoutMs: 9000,
        anonymousMs: 1500,
        userMs: 12_000,
        longMs: 60_000,
        concurrency: 3,
        totalConcurrency: 5,
      },
      basemap: {
        kind: 'raster',
        tiles: 'https://basemap.example.dk/{z}/{x}/{y}.png',
        tileSize: 256,
        maxZoom: 19,
        attribution: '© Example',
      },
    });
  });

  it('trusts every proxy with TRUST_PROXY=true', () => {
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('serves source maps only with SERVE_SOURCE_MAPS=true (issue #19)', () => {
    expect(readConfig({}).security.serveSourceMaps).toBe(false);
    expect(readConfig({ SERVE_SOURCE_MAPS: 'false' }).security.serveSourceMaps).toBe(false);
    expect(readConfig({ SERVE_SOURCE_MAPS: 'true' }).security.serveSourceMaps).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PG_POOL_SIZE: '0' }, /PG_POOL_SIZE/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://a@b/c', DATABASE_OWNER_URL: 'mysql://x' }, /DATABASE_OWNER_URL/],
    [{ DATABASE_OWNER_URL: 'postgres://a@b/c' }, /DATABASE_OWNER_URL needs DATABASE_URL/],
    [{ DB_STATEMENT_TIMEOUT_MS: '0' }, /DB_STATEMENT_TIMEOUT_MS/],
    [{ EXPENSIVE_CONCURRENCY: 'many' }, /EXPENSIVE_CONCURRENCY/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ TILE_ENCODER: 'mapnik' }, /TILE_ENCODER/],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://x.dk/?a=1' }, /PUBLIC_URL/],
    [{ TILE_CACHE_MB: '-1' }, /TILE_CACHE_MB/],
    [{ TILE_VERSION_TTL_MS: '1.5' }, /TILE_VERSION_TTL_MS/],
    [{ TRUST_PROXY: 'yes please' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.1; DROP' }, /TRUST_PROXY/],
    [{ SERVE_SOURCE_MAPS: 'yes' }, /SERVE_SOURCE_MAPS/],
    [{ BASEMAP_URL: 'tile.example.dk/{z}/{x}/{y}.png' }, /BASEMAP_URL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
