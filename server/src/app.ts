import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Basemap } from '@shared/schemas/mapConfig';
import { readConfig, type SecurityOptions } from './platform/config';
import { dbPlugin, type DbOptions } from './platform/db/dbPlugin';
import { readRoutingPlugin } from './platform/db/readRoutingPlugin';
import { MAX_LSN, parseLsn } from './platform/db/lsn';
import { tileCacheBanPlugin } from './platform/http/tileCacheBan';
import { BUDGET_KINDS, costPlugin, withDeadline, type CostLimits } from './platform/cost';
import { errorsPlugin, HttpProblem, sendProblem } from './platform/errors';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from './platform/jsonNesting';
import { requestIdOf } from './platform/requestId';
import { securityPlugin } from './platform/security';
import { docsPlugin } from './platform/docs';
import { clientPlugin } from './platform/client';
import { basemapOrigins } from './platform/basemap/readBasemapConfig';
import { mapConfigRoutes } from './platform/basemap/mapConfigRoutes';
import { layerRoutes, pointFeaturePaths } from './modules/layers';
import { siteRoutes } from './modules/sites';
import { policyRoutes } from './modules/policy';
import { plotRoutes } from './modules/plots';
import { searchRoutes } from './modules/search';
import { healthRoutes } from './platform/health/healthRoutes';
import { tileRoutes } from './modules/tiles';
import { glyphRoutes } from './modules/glyphs';
import { feedRoutes } from './modules/timeline';
import { exposeRoutes } from './modules/exports';
import { TileService, type TileServiceOptions } from './modules/tiles';
import { floodRoutes } from './modules/flood';
import { FloodService } from './modules/flood';
import { elevationFilePath, type ElevationFileChoice } from './modules/flood';
import { authPlugin } from './platform/auth/authPlugin';
import { withSecretsRedacted } from './platform/auth/withSecretsRedacted';
import { authRoutes } from './platform/auth/authRoutes';
import { adminRoutes } from './platform/auth/adminRoutes';
import { tenderRoutes } from './modules/tenders';
import { progressRoutes } from './modules/progress';
import { timelineRoutes } from './modules/timeline';
import { changeFeedRoutes } from './modules/timeline';
import { sketchCheckRoutes, sketchRoutes } from './modules/sketches';
import { ogcRoutes } from './modules/ogc';
import { sketchExchangeRoutes } from './modules/imports';

declare module 'fastify' {
  interface FastifyInstance {
    tiles: TileService;
    flood: FloodService;
    /**
     * After a write by this process: the tile layer lists (the replicas' and the primary's) are read again, so the
     * writer's next tile is drawn at the new version (issue #18).
     */
    invalidateTiles(): void;
  }
}

export interface AppOptions {
  db: DbOptions;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built client; defaults to client/dist. */
  clientRoot?: string;
  tiles?: Partial<TileServiceOptions>;
  /** Public address for feeds and links (config PUBLIC_URL). */
  publicUrl?: string;
  /** The terrain model of the flood model; defaults to the one imported into DATA_DIR, else the shipped grid. */
  elevation?: ElevationFileChoice;
  /** Headers, CORS and write limits (config CORS_ORIGINS, MAP_ORIGINS, WRITE_RATE_LIMIT); closed by default. */
  security?: SecurityOptions;
  /** Fastify's trustProxy (config TRUST_PROXY); false by default. */
  trustProxy?: boolean | string;
  /** Deadlines and budgets of database work (config DB_STATEMENT_TIMEOUT_MS, EXPENSIVE_CONCURRENCY, …). */
  limits?: Partial<CostLimits>;
  /** The online basemap (config BASEMAP_URL or BASEMAP_STYLE_URL); null or unset: fully offline. */
  basemap?: Basemap | null;
  /** Tile caches told to drop unversioned tile URLs after a write (config TILE_CACHE_BAN_URLS). */
  tileCacheBanUrls?: string[];
}

/** Tiles as an empty environment configures them; tests and benchmarks override parts. */
export const DEFAULT_TILE_OPTIONS: Omit<TileServiceOptions, 'namedStatements'> = readConfig({}).tiles;

/** Builds the whole app without listening: tests call `app.inject`, server.ts calls `listen`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withSecretsRedacted(options.logger ?? false),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
    genReqId: requestIdOf,
    // Long ids should reach schema validation (a 400 naming the parameter), not die in the router.
    routerOptions: { maxParamLength: 500 },
    // Errors raised by the router before any route runs (bad percent-encoding, over-long path segments).
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const reason = tooLong ? 'a path segment is too long' : 'the path is not valid percent-encoded UTF-8';
      void sendProblem(reply, request, {
        type: '',
        title: tooLong ? 'URI too long' : 'Invalid request path',
        status: tooLong ? 414 : 400,
        detail: reason,
        'invalid-params': [{ name: 'path', reason }],
      });
    },
    // Fastify's default ajv settings coerce and strip; keep types strict and report every fault.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // JSON bodies nested past any route's need are refused before JSON.parse spends the event loop on them.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonNestsDeeperThan(text, MAX_JSON_NESTING)) {
      return done(HttpProblem.badRequest('body', `nests deeper than ${MAX_JSON_NESTING} levels`));
    }
    parseJson(request, text, done);
  });
  await app.register(errorsPlugin);
  const security = options.security ?? readConfig({}).security;
  const basemap = options.basemap ?? null;
  // The CSP lets the page fetch from the basemap's origin only when one is configured (issue #16).
  await app.register(securityPlugin, {
    ...security,
    // On PostgreSQL the instances share their rate limits through the primary (issue #18); its pool comes later.
    ...(options.db.engine === 'postgis' ? { sharedRateLimits: () => app.pg.pool } : {}),
    extraMapOrigins: [...new Set([...basemapOrigins(basemap), ...security.extraMapOrigins])],
  });
  const limits: CostLimits = { ...readConfig({}).limits, ...options.limits };
  await app.register(dbPlugin, { ...options.db, limits, heavyPoolSize: limits.concurrency * BUDGET_KINDS.length });
  await app.register(costPlugin, {
    limits,
    heavy: app.heavyPg,
    expensiveGetsPerMinute: security.expensiveGetsPerMinute,
  });
  await app.register(docsPlugin);
  const publicUrl = options.publicUrl ?? readConfig({}).publicUrl;
  await app.register(authPlugin, { publicUrl });
  await app.register(readRoutingPlugin);
  await app.register(tileCacheBanPlugin, { urls: options.tileCacheBanUrls ?? [] });
  // With read replicas the flood model notes where each extent is visible, so reads that join it can go there.
  const position = async () => {
    const { rows } = await app.pg.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return parseLsn(rows[0]?.lsn) ?? MAX_LSN;
  };
  const flood = new FloodService(
    app.pg,
    options.elevation ?? elevationFilePath(readConfig({}).dataDir),
    (work) => withDeadline(app.heavyPg, limits.longMs, work),
    app.readRouter ? position : undefined,
  );
  app.decorate('flood', flood);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(mapConfigRoutes, { prefix: '/api', basemap });
  for (const routes of [layerRoutes, siteRoutes, policyRoutes, plotRoutes])
    await app.register(routes, { prefix: '/api' });
  await app.register(searchRoutes, { prefix: '/api', namedStatements: options.db.engine === 'postgis' });
  await app.register(floodRoutes, { prefix: '/api', flood });
  await app.register(exposeRoutes, { prefix: '/api' });
  // The embedded engine is one session behind every pooled connection: a statement named on one connection
  // already exists for the next, so it gets unnamed statements (its planning costs nothing worth saving).
  const tileOptions = { ...DEFAULT_TILE_OPTIONS, namedStatements: options.db.engine === 'postgis', ...options.tiles };
  // With read replicas (issue #18) tiles come from them, and from the primary only for a version they lack yet.
  const tiles = new TileService(app.reads, tileOptions);
  const primaryTiles = app.readRouter
    ? new TileService(app.pg, { ...tileOptions, cacheBytes: Math.floor(tileOptions.cacheBytes / 4) })
    : undefined;
  app.decorate('tiles', tiles);
  app.decorate('invalidateTiles', () => {
    tiles.registry.invalidate();
    primaryTiles?.registry.invalidate();
  });
  await app.register(tileRoutes, { prefix: '/tiles', tiles, ...(primaryTiles ? { primaryTiles } : {}) });
  await app.register(glyphRoutes, { prefix: '/glyphs' });
  await app.register(feedRoutes, { prefix: '/feeds', publicUrl });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(adminRoutes, { prefix: '/api' });
  await app.register(tenderRoutes, { prefix: '/api' });
  await app.register(progressRoutes, { prefix: '/api' });
  await app.register(timelineRoutes, { prefix: '/api' });
  await app.register(sketchRoutes, { prefix: '/api' });
  await app.register(sketchCheckRoutes, { prefix: '/api' });
  await app.register(changeFeedRoutes, { prefix: '/feeds', publicUrl });
  await app.register(ogcRoutes, { prefix: '/ogc', publicUrl });
  await app.register(sketchExchangeRoutes, { prefix: '/api' });
  await app.register(clientPlugin, {
    ...(options.clientRoot ? { root: options.clientRoot } : {}),
    sourceMaps: security.serveSourceMaps ?? false,
    preloads: (request) => pointFeaturePaths(request.reads),
  });
  return app;
}
