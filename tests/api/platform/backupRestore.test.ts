import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedEngine } from '../../../server/src/platform/db/embeddedEngine';
import { prepareDatabase } from '../../../server/src/platform/db/openDatabase';
import {
  backupEmbedded,
  backupPostgres,
  restoreEmbedded,
  restorePostgres,
} from '../../../server/src/platform/ops/backup';
import { tableChecksums } from '../tableChecksums';
import { scratchDatabase } from '../scratchDatabase';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-backup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quiet = () => {};

/** Changes that a restore must undo: a new account, an edited site, a removed tender event's sibling table row. */
async function change(client: pg.Client) {
  await client.query(
    `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('after-backup@example.org', 'After', 'planner', 'x')`,
  );
  await client.query(`UPDATE site SET name = name || ' (changed)' WHERE id = (SELECT min(id) FROM site)`);
  await client.query(`DELETE FROM login_attempt`);
}

async function withClient<T>(connectionString: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

describe('backup and restore (issue #8)', () => {
  it('embedded engine: a restore brings back exactly the tables as backed up', async () => {
    const dataDir = join(dir, 'embedded');
    const file = join(dir, 'embedded.tar.gz');
    let engine = await startEmbeddedEngine({ dataDir });
    await prepareDatabase({ connectionString: engine.connectionString, seed: 'always', log: quiet });
    const before = await withClient(engine.connectionString, tableChecksums);
    await engine.close();

    expect(await backupEmbedded({ dataDir, file })).toBeGreaterThan(100_000);

    engine = await startEmbeddedEngine({ dataDir });
    await withClient(engine.connectionString, change);
    expect(await withClient(engine.connectionString, tableChecksums)).not.toEqual(before);
    // A restore while the server holds the folder is refused, and changes nothing.
    await expect(restoreEmbedded({ dataDir, file })).rejects.toThrow(/in use by process/);
    await engine.close();

    expect(await restoreEmbedded({ dataDir, file })).toMatch(/pgdata\.before-restore-/);
    engine = await startEmbeddedEngine({ dataDir });
    expect(await withClient(engine.connectionString, tableChecksums)).toEqual(before);
    await engine.close();
  }, 180_000);

  it.runIf(inject('engine') === 'postgis')(
    'PostgreSQL: pg_dump and pg_restore round-trip every table of a scratch database',
    async () => {
      const scratch = await scratchDatabase();
      try {
        const url = scratch.connectionString;
        await prepareDatabase({ connectionString: url, seed: 'always', log: quiet });
        const before = await withClient(url, tableChecksums);
        const file = join(dir, 'postgis.dump');
        expect(await backupPostgres({ connectionString: url, file })).toBeGreaterThan(10_000);

        await withClient(url, change);
        expect(await withClient(url, tableChecksums)).not.toEqual(before);
        await restorePostgres({ connectionString: url, file });
        expect(await withClient(url, tableChecksums)).toEqual(before);
      } finally {
        await scratch.drop();
      }
    },
    120_000,
  );
});
