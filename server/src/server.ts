import { buildApp } from './app';
import { readConfig } from './platform/config';
import { basemapOrigins } from './platform/basemap/readBasemapConfig';
import { elevationFilePath } from './modules/flood/elevationSource';
import { openDatabase, prepareDatabase } from './platform/db/openDatabase';

const log = (message: string) => console.log(`[køge] ${message}`);

async function main() {
  const config = readConfig();
  const database = await openDatabase({ ...config, log });
  try {
    await prepareDatabase({ connectionString: database.ownerConnectionString, seed: 'if-empty', log });
    const app = await buildApp({
      db: database.db,
      logger: { level: config.logLevel },
      tiles: config.tiles,
      publicUrl: config.publicUrl,
      elevation: elevationFilePath(config.dataDir),
      trustProxy: config.trustProxy,
      security: config.security,
      basemap: config.basemap,
      tileCacheBanUrls: config.tileCacheBanUrls,
    });
    const shutdown = async (signal: string) => {
      log(`${signal}: finishing requests in flight, then closing the database`);
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
    await app.listen({ port: config.port, host: config.host });
    log(
      `ready on http://${config.host}:${config.port} (${database.db.engine === 'pglite' ? `embedded engine in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL'})`,
    );
    // The origin only: the rest of a basemap URL may hold a token.
    const [basemapOrigin] = basemapOrigins(config.basemap);
    log(basemapOrigin === undefined ? 'map: offline, no online basemap' : `map: online basemap from ${basemapOrigin}`);
  } catch (err) {
    await database.close();
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(`[køge] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
