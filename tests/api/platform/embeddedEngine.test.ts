import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DataDirLockedError, startEmbeddedEngine } from '../../../server/src/platform/db/embeddedEngine';
import { prepareDatabase } from '../../../server/src/platform/db/openDatabase';

// The embedded engine is the zero-setup default, so it is tested in every run, also when DATABASE_URL is set.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-engine-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const log = () => {};

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded engine', () => {
  it('is created, migrated and seeded on first start; a second start neither reseeds nor loses edits', async () => {
    const first = await startEmbeddedEngine({ dataDir: dir });
    try {
      await prepareDatabase({ connectionString: first.connectionString, seed: 'if-empty', log });
      const [plot] = await query<{ id: number }>(first.connectionString, 'SELECT id FROM tender ORDER BY id LIMIT 1');
      await query(first.connectionString, "UPDATE tender SET status = 'withdrawn' WHERE id = $1", [plot!.id]);
      await query(first.connectionString, "UPDATE action SET progress = 'done' WHERE number = '3.6'");
    } finally {
      await first.close();
    }

    const messages: string[] = [];
    const second = await startEmbeddedEngine({ dataDir: dir });
    try {
      await prepareDatabase({
        connectionString: second.connectionString,
        seed: 'if-empty',
        log: (m) => messages.push(m),
      });
      expect(messages.some((m) => m.startsWith('seeded'))).toBe(false);
      const statuses = await query<{ status: string }>(
        second.connectionString,
        "SELECT status FROM tender WHERE status = 'withdrawn'",
      );
      expect(statuses).toHaveLength(1);
      const [progress] = await query<{ progress: string }>(
        second.connectionString,
        "SELECT progress FROM action WHERE number = '3.6'",
      );
      expect(progress?.progress).toBe('done');
    } finally {
      await second.close();
    }
  });

  it('refuses to open a data folder that a live process holds', async () => {
    const first = await startEmbeddedEngine({ dataDir: dir });
    try {
      await expect(startEmbeddedEngine({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
    // Released on close: the folder opens again.
    const again = await startEmbeddedEngine({ dataDir: dir });
    await again.close();
  });
});
