import { prepareDatabase } from '../server/src/platform/db/openDatabase';
import { withDatabase } from '../server/src/platform/db/withDatabase';

// `npm run seed`: migrate, then (re)load data/ in one transaction; workflow state (tenders, progress) is kept.
await withDatabase((connectionString, log) => prepareDatabase({ connectionString, seed: 'always', log })).catch(
  (err: unknown) => {
    console.error(`[køge] seed failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
