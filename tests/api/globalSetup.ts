import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedEngine } from '../../server/src/platform/db/embeddedEngine';
import { prepareDatabase } from '../../server/src/platform/db/openDatabase';
import type { EngineKind } from '../../server/src/platform/db/dbPlugin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's connection: on PostgreSQL, the unprivileged role when DATABASE_OWNER_URL is set (CI). */
    databaseUrl: string;
    /** The schema owner's connection, for migrations and test fixtures (DATABASE_OWNER_URL, else DATABASE_URL). */
    ownerDatabaseUrl: string;
    engine: EngineKind;
  }
}

/**
 * One migrated, seeded database for the API tests: real PostGIS from DATABASE_URL, or (only outside CI)
 * the embedded engine in a temporary folder. With DATABASE_OWNER_URL as well (CI), migrations and fixtures use
 * the owner and every app under test the unprivileged DATABASE_URL, as in production (issue #19).
 */
export default async function setup(project: TestProject) {
  const log = (m: string) => console.log(`[api-tests] ${m}`);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl && process.env.CI === 'true') {
    throw new Error('CI=true but DATABASE_URL is not set: the API tests must run on real PostGIS in CI.');
  }
  let teardown = async () => {};
  let connectionString = databaseUrl;
  if (!connectionString) {
    log('DATABASE_URL not set: API tests run on the embedded engine (PGlite + PostGIS)');
    const dir = await mkdtemp(join(tmpdir(), 'koege-api-'));
    const engine = await startEmbeddedEngine({ dataDir: dir, onProgress: log });
    connectionString = engine.connectionString;
    teardown = async () => {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    };
  } else {
    log('API tests run on PostgreSQL from DATABASE_URL');
  }
  const ownerUrl = (databaseUrl && process.env.DATABASE_OWNER_URL) || connectionString;
  if (ownerUrl !== connectionString) log('migrations and fixtures run as DATABASE_OWNER_URL, the apps as DATABASE_URL');
  await prepareDatabase({ connectionString: ownerUrl, seed: 'always', log });
  if (databaseUrl) {
    // Rate limits are counted in the database (issue #18): a run straight after another must not inherit the
    // last minute's hits of the fixed client addresses that the limit tests use.
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query('TRUNCATE rate_limit_hit').finally(() => owner.end());
  }
  project.provide('databaseUrl', connectionString);
  project.provide('ownerDatabaseUrl', ownerUrl);
  project.provide('engine', databaseUrl ? 'postgis' : 'pglite');
  return teardown;
}
