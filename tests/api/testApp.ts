import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/src/app';
import { elevationFilePath } from '../../server/src/modules/flood/elevationSource';
import { readConfig } from '../../server/src/platform/config';

/** The shipped illustrative terrain, whatever a developer imported into their own .data folder. */
export const SHIPPED_TERRAIN = elevationFilePath('/nonexistent-data-dir');

/** A fresh app on the run's test database; close it in afterAll/afterEach. */
export async function testApp(
  options: Pick<AppOptions, 'tiles' | 'elevation' | 'clientRoot' | 'limits'> = {},
): Promise<FastifyInstance> {
  const engine = inject('engine');
  return buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 4 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
    // Files that write a lot in a minute must not trip the write limit; security.test.ts tests the limit itself.
    security: { ...readConfig({}).security, writesPerMinute: 100_000, expensiveGetsPerMinute: 100_000 },
    ...options,
  });
}
