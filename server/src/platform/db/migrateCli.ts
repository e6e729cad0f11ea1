import { prepareDatabase } from './openDatabase';
import { withDatabase } from './withDatabase';

await withDatabase((connectionString, log) => prepareDatabase({ connectionString, seed: 'never', log })).catch(
  (err: unknown) => {
    console.error(`[køge] migrate failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
