import pg from 'pg';
import { readConfig } from '../server/src/platform/config';
import { prepareDatabase } from '../server/src/platform/db/openDatabase';
import { withDatabase } from '../server/src/platform/db/withDatabase';
import { parseSynthArgs, SYNTH_USAGE } from './synth/parseSynthArgs';
import { removeSynthParcels } from './synth/removeSynthParcels';
import { writeSynthParcels } from './synth/writeSynthParcels';

// `npm run synth -- --parcels N [--seed S]` / `-- --remove`: synthetic parcels for benchmarks, on the configured
// database (DATABASE_URL, or the embedded engine in DATA_DIR). Arguments are checked before anything is opened.
const parsed = parseSynthArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`[køge] synth: ${parsed.error}\n${SYNTH_USAGE}`);
  process.exit(2);
}
const { command } = parsed;

await withDatabase(async (connectionString, log) => {
  await prepareDatabase({ connectionString, seed: 'never', log });
  const client = new pg.Client({ connectionString });
  // After a failed statement the embedded engine sends one ReadyForQuery too many (electric-sql/pglite#958);
  // the stray replies that follow must not crash the process before the real error is reported.
  client.on('error', () => {});
  await client.connect();
  try {
    if (command.action === 'remove') {
      const { parcels, layerRemoved } = await removeSynthParcels({ client });
      log(
        layerRemoved
          ? `removed ${parcels.toLocaleString('en')} synthetic parcels and their layer`
          : 'no synthetic parcels to remove',
      );
      return;
    }
    const engine = readConfig().databaseUrl ? 'postgis' : 'pglite';
    const r = await writeSynthParcels({ client, engine, count: command.parcels, seed: command.seed, onProgress: log });
    log(
      `wrote ${r.parcels.toLocaleString('en')} synthetic parcels in ${r.seconds.toFixed(1)} s ` +
        `(${Math.round(r.parcels / r.seconds).toLocaleString('en')} rows/s); layer synth-parcels is now version ${r.version}`,
    );
  } finally {
    await client.end();
  }
}).catch((err: unknown) => {
  console.error(`[køge] synth failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
