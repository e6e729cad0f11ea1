import { availableParallelism } from 'node:os';
import type { TileServiceOptions } from '../modules/tiles/tileService';
import type { Basemap } from '@shared/schemas/mapConfig';
import type { CostLimits } from './cost';
import { readBasemapConfig } from './basemap/readBasemapConfig';
import type { ReplicaOptions } from './db/readRouter';

/** Settings from the environment, checked once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * The schema owner's connection for migrations, seeds and the command-line tools (issue #19); the app itself
   * connects with DATABASE_URL, which should then be a role that owns nothing. Unset: DATABASE_URL does both.
   */
  databaseOwnerUrl: string | undefined;
  /** Streaming read replicas (DATABASE_READ_URL, issue #18); undefined: every read on DATABASE_URL. */
  replicas: ReplicaOptions | undefined;
  dataDir: string;
  poolSize: number;
  logLevel: string;
  /** The address users reach the app at; feeds and links use it, never the request's Host header. */
  publicUrl: string;
  /**
   * Fastify's trustProxy: true, or a comma-separated list of proxy addresses, when a proxy terminates TLS, so
   * that request.ip (the login rate limit's key) and request.protocol (Secure cookies) are the client's.
   */
  trustProxy: boolean | string;
  tiles: Omit<TileServiceOptions, 'namedStatements'>;
  /** Tile caches to send a BAN of the unversioned tile URLs after each write (TILE_CACHE_BAN_URLS; issue #18). */
  tileCacheBanUrls: string[];
  security: SecurityOptions;
  limits: CostLimits;
  /** The online basemap handed to the browser (issue #16); null: fully offline, the default. */
  basemap: Basemap | null;
}

/** Browser-facing protections (issue #8). */
export interface SecurityOptions {
  /** Origins allowed to call the API from other sites (CORS); empty = closed, the default. */
  corsOrigins: string[];
  /**
   * Origins besides the app's own and the basemap's that the page may load tiles and images from (MAP_ORIGINS),
   * e.g. where a basemap style's tiles live; buildApp adds the basemap's own origin.
   */
  extraMapOrigins: string[];
  /** Writes (POST, PUT, PATCH, DELETE) one client may make per minute, per instance. */
  writesPerMinute: number;
  /** Expensive GETs (routes with a cost budget) one client may make per minute, per instance (issue #19). */
  expensiveGetsPerMinute: number;
  /** Serve the built client's source maps (`*.map`), which hand out the whole source; off unless true (issue #19). */
  serveSourceMaps?: boolean;
}

/** `name` as a comma-separated list of http(s) origins (scheme, host, optional port; nothing after). */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((part) => {
    const origin = part.trim();
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) {
      throw new Error(`${name} must be a comma-separated list of origins like https://example.dk; got "${origin}"`);
    }
    return origin;
  });
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

/** `true` or `false` (unset or empty: false). */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** TILE_CACHE_BAN_URLS: comma-separated http(s) URLs. */
function banUrls(env: NodeJS.ProcessEnv): string[] {
  return (env.TILE_CACHE_BAN_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
    .map((u) => {
      if (!/^https?:\/\/[^\s]+$/.test(u)) {
        throw new Error(`TILE_CACHE_BAN_URLS must be a comma-separated list of http(s) URLs; got "${u}"`);
      }
      return u;
    });
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseOwnerUrl = env.DATABASE_OWNER_URL || undefined;
  if (databaseOwnerUrl && !/^postgres(ql)?:\/\//.test(databaseOwnerUrl)) {
    throw new Error('DATABASE_OWNER_URL must start with postgres:// or postgresql://');
  }
  if (databaseOwnerUrl && !databaseUrl) {
    throw new Error('DATABASE_OWNER_URL needs DATABASE_URL as well (the embedded engine has one role)');
  }
  const readUrls = (env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (readUrls.some((u) => !/^postgres(ql)?:\/\//.test(u))) {
    throw new Error('DATABASE_READ_URL must be a comma-separated list of postgres:// or postgresql:// URLs');
  }
  if (readUrls.length > 0 && !databaseUrl) {
    throw new Error('DATABASE_READ_URL needs DATABASE_URL as well (the embedded engine has no replicas)');
  }
  const replicas: ReplicaOptions | undefined =
    readUrls.length > 0
      ? {
          urls: readUrls,
          maxLagMs: integer(env, 'REPLICA_MAX_LAG_MS', 5000, 100, 3_600_000),
          checkMs: integer(env, 'REPLICA_CHECK_MS', 250, 50, 60_000),
          readYourWritesSeconds: integer(env, 'READ_YOUR_WRITES_SECONDS', 60, 1, 86_400),
        }
      : undefined;
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const encoder = env.TILE_ENCODER || 'auto';
  if (encoder !== 'auto' && encoder !== 'postgis' && encoder !== 'js') {
    throw new Error(`TILE_ENCODER must be auto, postgis or js; got "${encoder}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl)) {
    throw new Error(`PUBLIC_URL must be an http(s) URL without query or fragment; got "${publicUrl}"`);
  }
  const trustProxyRaw = env.TRUST_PROXY || 'false';
  if (!/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/.test(trustProxyRaw)) {
    throw new Error(
      `TRUST_PROXY must be true, false or a comma-separated list of proxy addresses; got "${trustProxyRaw}"`,
    );
  }
  const trustProxy = trustProxyRaw === 'true' ? true : trustProxyRaw === 'false' ? false : trustProxyRaw;
  return {
    port,
    trustProxy,
    host: env.HOST || 'localhost',
    databaseUrl,
    databaseOwnerUrl,
    replicas,
    dataDir: env.DATA_DIR || '.data',
    poolSize: integer(env, 'PG_POOL_SIZE', 10, 1, 200),
    logLevel,
    publicUrl,
    security: {
      corsOrigins: origins(env, 'CORS_ORIGINS'),
      extraMapOrigins: origins(env, 'MAP_ORIGINS'),
      writesPerMinute: integer(env, 'WRITE_RATE_LIMIT', 120, 1, 100_000),
      expensiveGetsPerMinute: integer(env, 'EXPENSIVE_RATE_LIMIT', 120, 1, 100_000),
      serveSourceMaps: flag(env, 'SERVE_SOURCE_MAPS'),
    },
    limits: {
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000),
      idleInTransactionTimeoutMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 3_600_000),
      anonymousMs: integer(env, 'ANONYMOUS_STATEMENT_TIMEOUT_MS', 2000, 100, 3_600_000),
      userMs: integer(env, 'USER_STATEMENT_TIMEOUT_MS', 15_000, 100, 3_600_000),
      longMs: integer(env, 'LONG_STATEMENT_TIMEOUT_MS', 120_000, 100, 3_600_000),
      concurrency: integer(env, 'EXPENSIVE_CONCURRENCY', 2, 1, 100),
      totalConcurrency: integer(env, 'EXPENSIVE_TOTAL_CONCURRENCY', Math.max(1, availableParallelism() - 1), 1, 400),
    },
    basemap: readBasemapConfig(env),
    tileCacheBanUrls: banUrls(env),
    tiles: {
      encoder,
      cacheBytes: integer(env, 'TILE_CACHE_MB', 64, 0, 65_536) * 1024 * 1024,
      registryTtlMs: integer(env, 'TILE_VERSION_TTL_MS', 250, 0, 3_600_000),
    },
  };
}
