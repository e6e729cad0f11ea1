import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { prepareDatabase } from '../../../server/src/platform/db/openDatabase';

let client: pg.Client;
beforeEach(async () => {
  client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
});
afterEach(() => client.end());

const count = async (table: 'site' | 'tender' | 'tender_event' | 'action' | 'site_action') =>
  Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe('database', () => {
  it('stores geometry in EPSG:25832 with GiST indexes and a 3857 copy', async () => {
    const { rows } = await client.query<{ srid: number; srid3857: number }>(
      'SELECT DISTINCT ST_SRID(geom) AS srid, ST_SRID(geom_3857) AS srid3857 FROM site',
    );
    expect(rows).toEqual([{ srid: 25832, srid3857: 3857 }]);
    const idx = await client.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'site' AND indexdef ILIKE '%USING gist%' ORDER BY indexname",
    );
    expect(idx.rows.map((r) => r.indexname)).toEqual(['site_geom_3857_idx', 'site_geom_idx']);
  });

  it('refuses invalid geometry', async () => {
    await expect(
      client.query(
        `INSERT INTO site (id, layer_id, name, kind, geom, source, accuracy)
         VALUES ('bowtie', 'koege-nord-plots', 'x', 'plot',
                 ST_GeomFromText('POLYGON((700000 6150000, 700100 6150100, 700100 6150000, 700000 6150100, 700000 6150000))', 25832),
                 'test', 'illustrative')`,
      ),
    ).rejects.toThrow(/check constraint/);
    expect((await client.query("SELECT 1 FROM site WHERE id = 'bowtie'")).rowCount).toBe(0);
  });

  it('keeps tender events append-only', async () => {
    const before = await count('tender_event');
    expect(before).toBeGreaterThan(0);
    await expect(client.query("UPDATE tender_event SET note = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM tender_event')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE tender_event CASCADE')).rejects.toThrow(/append-only/);
    expect(await count('tender_event')).toBe(before);
  });

  it('reseeding is idempotent and keeps workflow state', async () => {
    const log = () => {};
    const tenders = await count('tender');
    const events = await count('tender_event');
    const sites = await count('site');
    const links = await count('site_action');
    const { rows } = await client.query<{ id: number; status: string; version: number }>(
      'SELECT id, status, version FROM tender ORDER BY id LIMIT 1',
    );
    const edited = rows[0]!;
    // A planner's edit (the workflow arrives with issue #5): it must survive a reseed.
    await client.query("UPDATE tender SET status = 'withdrawn', version = version + 1 WHERE id = $1", [edited.id]);
    try {
      await prepareDatabase({ connectionString: inject('ownerDatabaseUrl'), seed: 'always', log });
      expect(await count('site')).toBe(sites);
      expect(await count('site_action')).toBe(links);
      expect(await count('tender')).toBe(tenders);
      expect(await count('tender_event')).toBe(events);
      const after = await client.query<{ status: string }>('SELECT status FROM tender WHERE id = $1', [edited.id]);
      expect(after.rows[0]?.status).toBe('withdrawn');
    } finally {
      await client.query('UPDATE tender SET status = $2, version = $3 WHERE id = $1', [
        edited.id,
        edited.status,
        edited.version,
      ]);
    }
  });
});
