import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { startEmbeddedEngine } from '../../server/src/platform/db/embeddedEngine';

export interface ScratchDatabase {
  connectionString: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty database with PostGIS that only the calling test uses, so it can compare whole tables without other
 * test files writing beside it: a new database on the run's PostgreSQL, or a new embedded engine in a temporary
 * folder when the run has no PostgreSQL. The name is made here, never from input.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (inject('engine') === 'postgis') {
    const name = `koege_scratch_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const url = new URL(inject('ownerDatabaseUrl'));
    url.pathname = `/${name}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('CREATE EXTENSION postgis').finally(() => client.end());
    return {
      connectionString: url.toString(),
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'koege-scratch-'));
  const engine = await startEmbeddedEngine({ dataDir: dir });
  return {
    connectionString: engine.connectionString,
    async drop() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
