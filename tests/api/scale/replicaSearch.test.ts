import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../../../server/src/app';
import { readConfig } from '../../../server/src/platform/config';
import { createFixturePlot, dropFixtures, testClient } from '../workflowFixtures';
import { HotStandby } from './hotStandby';
import { msUntil } from './msUntil';

/**
 * Issues #18 and #21: the search box reads from a streaming replica like the other reads, so a national address
 * register's searches do not load the primary. Replay is paused, so "read from the replica" is certain: a plot the
 * primary has and the replica has not yet replayed is not found there, and is found once replay goes on.
 */
const postgis = inject('engine') === 'postgis';
if (!postgis) console.warn('!!! replica search test NOT RUN: it needs DATABASE_URL (PostgreSQL streaming replication)');

const PORT = Number(process.env.REPLICA_PORT ?? 5443);
const LAYER = 'test-replica-search';
let standby: HotStandby;
let client: pg.Client;
const apps: FastifyInstance[] = [];

async function app(replicaUrls: string[]): Promise<FastifyInstance> {
  const built = await buildApp({
    db: {
      connectionString: inject('databaseUrl'),
      engine: 'postgis',
      poolSize: 2,
      ...(replicaUrls.length > 0
        ? { replicas: { urls: replicaUrls, maxLagMs: 60_000, checkMs: 100, readYourWritesSeconds: 60 } }
        : {}),
    },
    clientRoot: '/nonexistent',
    security: { ...readConfig({}).security, writesPerMinute: 100_000, expensiveGetsPerMinute: 100_000 },
  });
  apps.push(built);
  return built;
}

/** The ids of the hits of a search for `q`, as an anonymous visitor gets them. */
async function found(on: FastifyInstance, q: string): Promise<string[]> {
  const res = await on.inject(`/api/search?q=${encodeURIComponent(q)}&types=plot`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ hits: { id: string }[] }>().hits.map((h) => h.id);
}

describe.runIf(postgis)('search on a streaming replica (issues #18 and #21)', () => {
  beforeAll(async () => {
    standby = await HotStandby.start(inject('ownerDatabaseUrl'), PORT);
    client = await testClient();
  }, 120_000);

  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await standby.admin('SELECT pg_wal_replay_resume()').catch(() => undefined);
  });

  afterAll(async () => {
    if (client) {
      await dropFixtures(client, LAYER);
      await client.end();
    }
    await standby?.stop();
  }, 60_000);

  it('reads the replica: a plot it has not replayed is not found there until replay goes on', async () => {
    const onReplica = await app([standby.route(inject('databaseUrl'))]);
    const onPrimary = await app([]);
    expect(onReplica.readRouter!.status()).toEqual([expect.objectContaining({ inRotation: true })]);
    await standby.admin('SELECT pg_wal_replay_pause()');
    const id = `test-rs-${Date.now() % 1_000_000}`;
    await createFixturePlot(client, id, LAYER);

    expect(await found(onPrimary, id)).toContain(id);
    expect(await found(onReplica, id)).not.toContain(id);

    await standby.admin('SELECT pg_wal_replay_resume()');
    const ms = await msUntil(async () => (await found(onReplica, id)).includes(id), true, performance.now(), {
      withinMs: 10_000,
      everyMs: 50,
    });
    expect(ms).toBeLessThan(10_000);
  });
});
