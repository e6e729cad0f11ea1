/**
 * Our server for bench:map, as server/src/server.ts starts it (same openDatabase, prepareDatabase and
 * buildApp) but serving the client build bench:map made in its own folder (BENCH_CLIENT_ROOT), so that a
 * `vite build` someone else runs meanwhile (it empties client/dist) cannot break a measurement.
 */
import { buildApp } from '../server/src/app';
import { readConfig } from '../server/src/platform/config';
import { openDatabase, prepareDatabase } from '../server/src/platform/db/openDatabase';

const log = (message: string) => console.log(`[bench server] ${message}`);
const clientRoot = process.env.BENCH_CLIENT_ROOT;
if (!clientRoot) {
  console.error('BENCH_CLIENT_ROOT must name the built client folder');
  process.exit(2);
}
const config = readConfig();
const database = await openDatabase({ ...config, log });
await prepareDatabase({ connectionString: database.ownerConnectionString, seed: 'if-empty', log });
const app = await buildApp({ db: database.db, logger: { level: config.logLevel }, tiles: config.tiles, clientRoot });
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
await app.listen({ port: config.port, host: config.host });
log(`ready on http://${config.host}:${config.port} (${database.db.engine})`);
