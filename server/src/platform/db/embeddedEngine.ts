import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedEngine {
  /** A `postgres://` URL of the loopback socket in front of PGlite. */
  connectionString: string;
  dataDir: string;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}. ` +
        'Stop that process first, or point DATA_DIR at another folder (or set DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process, or throws if a live process holds it. */
async function acquireLock(lockFile: string, dataDir: string): Promise<void> {
  try {
    const pid = Number.parseInt(await readFile(lockFile, 'utf8'), 10);
    if (Number.isInteger(pid) && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await writeFile(lockFile, String(process.pid));
}

/** The folder of PGlite's own files inside DATA_DIR. */
export const pgDataDir = (dataDir: string) => join(resolve(dataDir), 'pgdata');

/**
 * Takes `dataDir` for this process (backup, restore) as the server does, so neither runs while a server has the
 * folder open; returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lockFile = join(dir, 'owner.pid');
  await acquireLock(lockFile, dir);
  return () => rm(lockFile, { force: true });
}

/**
 * Opens (or creates) PGlite with PostGIS in `dataDir` and exposes it on a loopback port over the
 * Postgres wire protocol, so the app talks to it through the same `pg` pool as to a real server.
 * PGlite is a single session: use a pool of size 1.
 */
export async function startEmbeddedEngine({
  dataDir,
  onProgress = () => {},
}: {
  dataDir: string;
  onProgress?: (message: string) => void;
}): Promise<EmbeddedEngine> {
  const dir = resolve(dataDir);
  const releaseLock = await lockDataDir(dir);
  try {
    onProgress(`opening embedded PostgreSQL + PostGIS in ${dir}`);
    // pg_trgm: the search's trigram indexes (migration 012, issue #21).
    const db = await PGlite.create({ dataDir: pgDataDir(dir), extensions: { postgis, pg_trgm } });
    onProgress('loading PostGIS');
    await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    // The app's pool holds one connection; a few more let command-line tools and tests connect beside it.
    // The socket server multiplexes them onto the one session, keeping each transaction on its own connection.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    return {
      // getServerConn() gives "host:port" of the bound loopback socket.
      connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
      dataDir: dir,
      async close() {
        await server.stop();
        await db.close();
        await releaseLock();
      },
    };
  } catch (err) {
    await releaseLock();
    throw err;
  }
}
