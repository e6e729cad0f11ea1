import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readConfig, type SecurityOptions } from './config';
import { dbPlugin, type DbOptions } from './plugins/db';
import { BUDGET_KINDS, costPlugin, withDeadline, type CostLimits } from './plugins/cost';
import { errorsPlugin, HttpProblem, sendProblem } from './plugins/errors';
import { jsonNestsDeeperThan, MAX_JSON_NESTING } from './plugins/jsonNesting';
import { requestIdOf } from './plugins/requestId';
import { securityPlugin } from './plugins/security';
import { docsPlugin } from './plugins/docs';
import { clientPlugin } from './plugins/client';
import { apiRoutes } from './routes/apiRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { tileRoutes } from './routes/tileRoutes';
import { feedRoutes } from './routes/feedRoutes';
import { exposeRoutes } from './routes/exposeRoutes';
import { TileService, type TileServiceOptions } from './tiles/tileService';
import { floodRoutes } from './routes/floodRoutes';
import { FloodService } from './flood/floodService';
import { elevationFilePath, type ElevationFileChoice } from './flood/elevationSource';
import { authPlugin } from './auth/authPlugin';
import { withSecretsRedacted } from './auth/withSecretsRedacted';
import { authRoutes } from './routes/authRoutes';
import { adminRoutes } from './routes/adminRoutes';
import { tenderRoutes } from './routes/tenderRoutes';
import { progressRoutes } from './routes/progressRoutes';
import { timelineRoutes } from './routes/timelineRoutes';
import { changeFeedRoutes } from './routes/changeFeedRoutes';
import { sketchRoutes } from './routes/sketchRoutes';
import { ogcRoutes } from './routes/ogcRoutes';
import { sketchExchangeRoutes } from './routes/sketchExchangeRoutes';

declare module 'fastify' {
  interface FastifyInstance {
    tiles: TileService;
    flood: FloodService;
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
  await app.register(securityPlugin, security);
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
  const flood = new FloodService(app.pg, options.elevation ?? elevationFilePath(readConfig({}).dataDir), (work) =>
    withDeadline(app.heavyPg, limits.longMs, work),
  );
  app.decorate('flood', flood);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(floodRoutes, { prefix: '/api', flood });
  await app.register(exposeRoutes, { prefix: '/api' });
  // The embedded engine is one session behind every pooled connection: a statement named on one connection
  // already exists for the next, so it gets unnamed statements (its planning costs nothing worth saving).
  const tiles = new TileService(app.pg, {
    ...DEFAULT_TILE_OPTIONS,
    namedStatements: options.db.engine === 'postgis',
    ...options.tiles,
  });
  app.decorate('tiles', tiles);
  await app.register(tileRoutes, { prefix: '/tiles', tiles });
  await app.register(feedRoutes, { prefix: '/feeds', publicUrl });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(adminRoutes, { prefix: '/api' });
  await app.register(tenderRoutes, { prefix: '/api' });
  await app.register(progressRoutes, { prefix: '/api' });
  await app.register(timelineRoutes, { prefix: '/api' });
  await app.register(sketchRoutes, { prefix: '/api' });
  await app.register(changeFeedRoutes, { prefix: '/feeds', publicUrl });
  await app.register(ogcRoutes, { prefix: '/ogc', publicUrl });
  await app.register(sketchExchangeRoutes, { prefix: '/api' });
  await app.register(clientPlugin, {
    ...(options.clientRoot ? { root: options.clientRoot } : {}),
    sourceMaps: security.serveSourceMaps ?? false,
  });
  return app;
}
