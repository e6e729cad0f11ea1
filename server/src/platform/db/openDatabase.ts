import pg from 'pg';
import type { DbOptions } from './dbPlugin';
import type { ReplicaOptions } from './readRouter';
import { startEmbeddedEngine } from './embeddedEngine';
import { migrate } from './migrate';
import { readSeedData } from '../seed/readSeedData';
import { seedDatabase, seededHash } from '../seed/seedDatabase';

export interface OpenedDatabase {
  /** The app's connection. */
  db: DbOptions;
  /** The schema owner's connection, for migrations and seeds: DATABASE_OWNER_URL, else the app's. */
  ownerConnectionString: string;
  close(): Promise<void>;
}

/**
 * `databaseUrl` set → a real PostgreSQL/PostGIS; unset → the embedded PGlite engine in `dataDir`.
 * Either way the caller gets a connection string for the same `pg` pool.
 */
export async function openDatabase({
  databaseUrl,
  databaseOwnerUrl,
  replicas,
  dataDir,
  poolSize,
  log,
}: {
  databaseUrl: string | undefined;
  databaseOwnerUrl?: string | undefined;
  replicas?: ReplicaOptions | undefined;
  dataDir: string;
  poolSize: number;
  log: (message: string) => void;
}): Promise<OpenedDatabase> {
  if (databaseUrl) {
    return {
      db: { connectionString: databaseUrl, engine: 'postgis', poolSize, ...(replicas ? { replicas } : {}) },
      ownerConnectionString: databaseOwnerUrl ?? databaseUrl,
      close: async () => {},
    };
  }
  const engine = await startEmbeddedEngine({ dataDir, onProgress: log });
  return {
    db: { connectionString: engine.connectionString, engine: 'pglite', poolSize: 1 },
    ownerConnectionString: engine.connectionString,
    close: () => engine.close(),
  };
}

/**
 * Migrates, then seeds when `seed` says so: 'if-empty' seeds only a database never seeded, so a restart
 * never overwrites users' edits; 'always' reloads the seed (it still keeps workflow state, see seedDatabase).
 */
export async function prepareDatabase({
  connectionString,
  seed,
  log,
}: {
  connectionString: string;
  seed: 'if-empty' | 'always' | 'never';
  log: (message: string) => void;
}): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { applied, total } = await migrate({ client, onProgress: log });
    log(
      applied.length ? `applied ${applied.length} of ${total} migrations` : `schema up to date (${total} migrations)`,
    );
    if (seed === 'never') return;
    const data = await readSeedData();
    const previous = await seededHash(client);
    if (seed === 'if-empty' && previous !== null) {
      if (previous !== data.hash) log('data/ has changed since the last seed: run `npm run seed` to load it');
      return;
    }
    const started = Date.now();
    const r = await seedDatabase({ client, data, onProgress: log });
    log(
      `seeded ${r.initiatives} initiatives, ${r.actions} actions, ${r.layers} layers, ${r.sites} sites, ` +
        `${r.tendersCreated} new tenders in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}
