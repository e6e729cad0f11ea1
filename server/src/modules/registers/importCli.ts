import pg from 'pg';
import { prepareDatabase } from '../../platform/db/openDatabase';
import { withDatabase } from '../../platform/db/withDatabase';
import { formatImportReport } from './formatImportReport';
import { parseImportArgs, IMPORT_USAGE, ADDRESS_KIND } from './parseImportArgs';
import { formatAddressReport, importAddresses } from './adresser/importAddresses';
import { openAddressFile } from './adresser/openAddressFile';
import { openRegisterSource } from './openRegisterSource';
import { importOsm } from './osm/importOsm';
import { openOsmSource } from './osm/openOsmSource';
import { runImport } from './runImport';

// `npm run import -- <kind> <file or URL>`: one official register into the configured database (DATABASE_URL, or
// the embedded engine in DATA_DIR, migrated and seeded first as `npm start` would). Arguments are checked first.
const parsed = parseImportArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`[køge] import: ${parsed.error}\n${IMPORT_USAGE}`);
  process.exit(2);
}
const { kind, location, restart } = parsed;

await withDatabase(async (connectionString, log) => {
  await prepareDatabase({ connectionString, seed: 'if-empty', log });
  const client = new pg.Client({ connectionString });
  // After a failed statement the embedded engine sends one ReadyForQuery too many (electric-sql/pglite#958).
  client.on('error', () => {});
  await client.connect();
  try {
    if (kind === ADDRESS_KIND) {
      log(`importing ${ADDRESS_KIND} from ${location}`);
      const report = await importAddresses({ client, location, records: openAddressFile(location), onProgress: log });
      for (const line of formatAddressReport(report)) log(line);
      return;
    }
    log(`importing ${kind.id} from ${location}`);
    if (!('map' in kind)) {
      const report = await importOsm({ client, chunks: await openOsmSource(location), location, onProgress: log });
      for (const line of formatImportReport(report)) log(line);
      const { unclassified, incomplete } = report.skips;
      log(
        `skipped ${unclassified.toLocaleString('en')} ways of no drawn class and ${incomplete.toLocaleString('en')} with nodes or ways outside the file`,
      );
      return;
    }
    const source = await openRegisterSource({ location, restart, log });
    const report = await runImport({ client, kind, location, features: source.features, onProgress: log });
    await source.done();
    for (const line of formatImportReport(report)) log(line);
  } finally {
    await client.end().catch(() => {});
  }
}).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[køge] import failed: ${message.split('\n')[0]}`);
  process.exit(1);
});
