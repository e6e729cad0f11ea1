import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { HotStandby } from './hotStandby';

/**
 * Issue #18: ops/replica/start.sh makes a streaming hot standby of the test cluster on loopback, and stop.sh takes
 * it down. Needs a real PostgreSQL (DATABASE_URL); the embedded engine has no replication.
 */
const postgis = inject('engine') === 'postgis';
if (!postgis) console.warn('!!! hot-standby test NOT RUN: it needs DATABASE_URL (PostgreSQL streaming replication)');

describe.runIf(postgis)('a hot standby on loopback (issue #18)', () => {
  let standby: HotStandby;
  let primary: pg.Client;

  beforeAll(async () => {
    standby = await HotStandby.start(inject('ownerDatabaseUrl'));
    primary = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await primary.connect();
  }, 120_000);

  afterAll(async () => {
    await primary?.end();
    await standby?.stop();
  }, 60_000);

  it('is in recovery, refuses writes, and replays what the primary commits', async () => {
    const database = new URL(inject('ownerDatabaseUrl')).pathname.slice(1);
    expect(await standby.admin<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).toEqual([{ r: true }]);
    await expect(standby.admin('CREATE TABLE nope (id int)', database)).rejects.toThrow(/read-only/);

    const table = `replica_probe_${process.pid}`;
    const marker = `written at ${Date.now()}`;
    await primary.query(`CREATE TABLE ${table} (v text)`);
    try {
      await primary.query(`INSERT INTO ${table} VALUES ($1)`, [marker]);
      let seen: unknown = null;
      for (let i = 0; i < 100 && seen !== marker; i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = (await standby.admin<{ v: string }>(`SELECT v FROM ${table}`, database).catch(() => []))[0]?.v;
      }
      expect(seen).toBe(marker);
    } finally {
      await primary.query(`DROP TABLE ${table}`);
    }
  });
});
