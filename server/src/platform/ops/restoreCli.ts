import { resolve } from 'node:path';
import { readConfig } from '../config';
import { restoreEmbedded, restorePostgres } from './backup';

// `npm run restore -- <file>`: replaces the database that DATABASE_URL (or DATA_DIR) names with a backup.
const config = readConfig();
const arg = process.argv[2];
if (!arg) {
  console.error('[køge] usage: npm run restore -- <backup file> (made by npm run backup)');
  process.exit(2);
}
const file = resolve(arg);

try {
  if (config.databaseUrl) {
    await restorePostgres({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl, file });
    console.log(`[køge] restored ${file} into PostgreSQL from DATABASE_URL`);
  } else {
    const aside = await restoreEmbedded({ dataDir: config.dataDir, file });
    console.log(
      `[køge] restored ${file} into ${config.dataDir}` + (aside ? `; the previous data is kept in ${aside}` : ''),
    );
  }
} catch (error) {
  console.error(`[køge] restore failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
