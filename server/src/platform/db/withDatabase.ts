import { readConfig } from '../config';
import { openDatabase } from './openDatabase';

/**
 * Runs a command-line task against the configured database (DATABASE_URL, or the embedded engine in DATA_DIR),
 * connected as the schema owner (DATABASE_OWNER_URL when set): the tasks migrate, seed and load data.
 */
export async function withDatabase(task: (connectionString: string, log: (m: string) => void) => Promise<void>) {
  const log = (message: string) => console.log(`[køge] ${message}`);
  const config = readConfig();
  const database = await openDatabase({ ...config, log });
  try {
    await task(database.ownerConnectionString, log);
  } finally {
    await database.close();
  }
}
