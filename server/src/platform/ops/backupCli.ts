import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readConfig } from '../config';
import { backupEmbedded, backupPostgres } from './backup';

// `npm run backup [-- <file>]`: PostgreSQL from DATABASE_URL with pg_dump, else the embedded engine's DATA_DIR.
const config = readConfig();
const stamp = new Date()
  .toISOString()
  .replaceAll(':', '-')
  .replace(/\.\d+Z$/, 'Z');
const engine = config.databaseUrl ? 'postgis' : 'embedded';
const file = resolve(process.argv[2] ?? `backups/koege-${engine}-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);

try {
  await mkdir(dirname(file), { recursive: true });
  const bytes = config.databaseUrl
    ? await backupPostgres({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl, file })
    : await backupEmbedded({ dataDir: config.dataDir, file });
  console.log(`[køge] backup of the ${engine} database written to ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
} catch (error) {
  console.error(`[køge] backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
