import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { dbPlugin, type DbOptions } from './plugins/db';
import { errorsPlugin } from './plugins/errors';
import { docsPlugin } from './plugins/docs';
import { clientPlugin } from './plugins/client';
import { apiRoutes } from './routes/apiRoutes';

export interface AppOptions {
  db: DbOptions;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built client; defaults to client/dist. */
  clientRoot?: string;
}

/** Builds the whole app without listening: tests call `app.inject`, server.ts calls `listen`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    // Fastify's default ajv settings coerce and strip; keep types strict and report every fault.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(errorsPlugin);
  await app.register(dbPlugin, options.db);
  await app.register(docsPlugin);
  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(clientPlugin, { ...(options.clientRoot ? { root: options.clientRoot } : {}) });
  return app;
}
