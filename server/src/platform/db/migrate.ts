import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_259_001;

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Applies the numbered SQL files in server/migrations that are not yet recorded in schema_migrations,
 * each in its own transaction. An advisory lock keeps two instances from migrating at once.
 */
export async function migrate({
  client,
  dir = MIGRATIONS_DIR,
  onProgress = () => {},
}: {
  client: pg.ClientBase;
  dir?: string;
  onProgress?: (message: string) => void;
}): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    // Looked up first: the app's own role (issue #19) may start on a migrated database but may create nothing.
    const { rows: known } = await client.query<{ exists: boolean }>(
      `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
    );
    if (!known[0]!.exists) {
      await client.query(
        'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      onProgress(`applying migration ${file}`);
      const sql = await readFile(`${dir}/${file}`, 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        const code = (err as { code?: unknown }).code;
        // 42501: the role may not change the schema (the app's unprivileged role; issue #19).
        const hint = code === '42501' ? ' (run migrations as the schema owner: set DATABASE_OWNER_URL)' : '';
        throw new Error(`migration ${file} failed: ${(err as Error).message}${hint}`, { cause: err });
      }
      applied.push(file);
    }
    return { applied, total: files.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
