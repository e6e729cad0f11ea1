import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/src/app';

/** A fresh app on the run's test database; close it in afterAll/afterEach. */
export async function testApp(options: Pick<AppOptions, 'tiles'> = {}): Promise<FastifyInstance> {
  const engine = inject('engine');
  return buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 4 },
    clientRoot: '/nonexistent',
    ...options,
  });
}
