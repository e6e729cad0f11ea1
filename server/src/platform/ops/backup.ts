import { execFile } from 'node:child_process';
import { rename, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { lockDataDir, pgDataDir } from '../db/embeddedEngine';

const run = promisify(execFile);

/** Runs a PostgreSQL client tool, turning its failure into an error that carries its own message. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number };
    if (code === 'ENOENT') throw new Error(`${tool} is not installed (Debian: apt-get install postgresql-client)`);
    throw new Error(`${tool} failed: ${(stderr ?? String(error)).trim()}`);
  }
}

/** Writes a consistent snapshot of a PostgreSQL database to `file` (pg_dump's custom format). */
export async function backupPostgres({ connectionString, file }: { connectionString: string; file: string }) {
  await pgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, connectionString]);
  return (await stat(file)).size;
}

/**
 * Replaces the contents of a PostgreSQL database with `file`, in one transaction: either the whole backup is in
 * place afterwards or nothing changed.
 */
export async function restorePostgres({ connectionString, file }: { connectionString: string; file: string }) {
  await pgTool('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    '--dbname',
    connectionString,
    file,
  ]);
}

/** Writes the embedded engine's data folder to `file` (a gzipped tar from PGlite), while no server holds it. */
export async function backupEmbedded({ dataDir, file }: { dataDir: string; file: string }) {
  const release = await lockDataDir(dataDir);
  try {
    const db = await PGlite.create({ dataDir: pgDataDir(dataDir), extensions: { postgis } });
    try {
      const archive = await db.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await db.close();
    }
    return (await stat(file)).size;
  } finally {
    await release();
  }
}

/**
 * Replaces the embedded engine's data with `file`, while no server holds the folder. The current data is kept
 * beside it (`pgdata.before-restore-<time>`) until the restored copy has opened, and put back if it does not.
 */
export async function restoreEmbedded({ dataDir, file }: { dataDir: string; file: string }) {
  const release = await lockDataDir(dataDir);
  const target = pgDataDir(dataDir);
  const aside = `${target}.before-restore-${new Date().toISOString().replaceAll(':', '-')}`;
  try {
    const archive = new Blob([await readFile(file)]);
    const hadData = await stat(target).then(
      () => true,
      () => false,
    );
    if (hadData) await rename(target, aside);
    try {
      const db = await PGlite.create({ dataDir: target, loadDataDir: archive, extensions: { postgis } });
      await db.query('SELECT 1');
      await db.close();
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      if (hadData) await rename(aside, target);
      throw error;
    }
    return hadData ? aside : null;
  } finally {
    await release();
  }
}
