import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LayerRegistry } from '../../../server/src/modules/tiles/layerRegistry';
import type { Queryable } from '../../../server/src/platform/db/queryable';
import { testApp } from '../testApp';

const LAYER = 'koege-nord-plots';
const TTL = 150;

let app: FastifyInstance;
let startVersion: number;
beforeAll(async () => {
  app = await testApp();
  startVersion = await version();
});
afterAll(async () => {
  await app.pg.query('UPDATE layer SET version = $2 WHERE id = $1', [LAYER, startVersion]);
  await app.close();
});

const version = async () =>
  (await app.pg.query<{ version: number }>('SELECT version FROM layer WHERE id = $1', [LAYER])).rows[0]!.version;
const bump = () => app.pg.query('UPDATE layer SET version = version + 1 WHERE id = $1', [LAYER]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(5);
  expect(condition()).toBe(true);
}

/**
 * The app's real pool, with each read of the layer table counted and, while `hold()` is on, its answer kept
 * back (the query has run) until that read is released: a slow database, to see who waits for it and what a
 * late answer does.
 */
function gatedPool() {
  let holding = false;
  const held: (() => void)[] = [];
  let failNext = false;
  const counts = { reads: 0 };
  const db = {
    async query(...args: Parameters<typeof app.pg.query>) {
      counts.reads++;
      if (failNext) {
        failNext = false;
        throw new Error('connection terminated unexpectedly');
      }
      const result = await app.pg.query(...args);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return result;
    },
  } as unknown as Queryable;
  return {
    db,
    counts,
    hold() {
      holding = true;
    },
    /** Lets the held answers through, in the order of `order` (indexes of the held reads), else as they came. */
    release(order?: number[]) {
      holding = false;
      const all = held.splice(0);
      for (const i of order ?? all.map((_, i) => i)) all[i]!();
    },
    heldReads: () => held.length,
    failNextRead() {
      failNext = true;
    },
  };
}

/** Whether the promise settles within `ms` (a get that waits for a held read does not). */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<{ settled: boolean; value?: T }> {
  const timeout = sleep(ms).then(() => ({ settled: false }));
  return Promise.race([promise.then((value) => ({ settled: true, value })), timeout]);
}

describe('LayerRegistry (layer versions for the tile path)', () => {
  it('reads the table once per TTL, and at once after this process invalidates it', async () => {
    const gated = gatedPool();
    const registry = new LayerRegistry(gated.db, 60_000);
    const v0 = (await registry.get(LAYER))!.version;
    expect(v0).toBe(await version());
    await registry.get(LAYER);
    await registry.get('no-such-layer');
    expect(gated.counts.reads).toBe(1);

    await bump();
    expect((await registry.get(LAYER))!.version).toBe(v0); // trusted for the TTL
    registry.invalidate();
    expect((await registry.get(LAYER))!.version).toBe(v0 + 1);
    expect(gated.counts.reads).toBe(2);
  });

  it('answers from the list it has while an expired one is re-read, and waits once it is twice as old', async () => {
    const gated = gatedPool();
    const registry = new LayerRegistry(gated.db, TTL);
    const v0 = (await registry.get(LAYER))!.version;
    await bump();
    await sleep(TTL + 10);

    // Past the TTL: the read starts, but the answer does not wait for it.
    gated.hold();
    const stale = await settlesWithin(registry.get(LAYER), 50);
    expect(stale.settled).toBe(true);
    expect(stale.value!.version).toBe(v0);
    expect(gated.counts.reads).toBe(2);
    gated.release();
    await sleep(20);
    expect((await registry.get(LAYER))!.version).toBe(v0 + 1);
    expect(gated.counts.reads).toBe(2);

    // Past twice the TTL (an idle server): the answer waits for the table.
    await bump();
    await sleep(2 * TTL + 10);
    gated.hold();
    const waiting = registry.get(LAYER);
    expect((await settlesWithin(waiting, 50)).settled).toBe(false);
    gated.release();
    expect((await waiting)!.version).toBe(v0 + 2);
  });

  it('does not trust a read that began before a write of this process, whenever its answer comes', async () => {
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const gated = gatedPool();
      const registry = new LayerRegistry(gated.db, TTL);
      const v0 = (await registry.get(LAYER))!.version;
      await sleep(TTL + 10);
      // A background read gets the old version from the table, and its answer is slow to arrive …
      gated.hold();
      await registry.get(LAYER);
      await until(() => gated.heldReads() === 1);
      // … while this process writes and invalidates: the next answer must not come from that read.
      await bump();
      registry.invalidate();
      const next = registry.get(LAYER);
      await until(() => gated.heldReads() === 2);
      gated.release(order); // [1, 0]: the old answer arrives last and must not overwrite the new one
      expect((await next)!.version, `answers in the order ${order.join(', ')}`).toBe(v0 + 1);
      await sleep(10);
      expect((await registry.get(LAYER))!.version).toBe(v0 + 1);
    }
  });

  it('keeps the last list when a background read fails, and reads again on the next request', async () => {
    const gated = gatedPool();
    const registry = new LayerRegistry(gated.db, TTL);
    const v0 = (await registry.get(LAYER))!.version;
    await bump();
    await sleep(TTL + 10);
    gated.failNextRead();
    expect((await registry.get(LAYER))!.version).toBe(v0);
    await sleep(10);
    expect((await registry.get(LAYER))!.version).toBe(v0); // the failed read left the list as it was
    await sleep(10);
    expect((await registry.get(LAYER))!.version).toBe(v0 + 1);
    expect(gated.counts.reads).toBe(3);
  });

  it('with a TTL of 0 reads the table for every request', async () => {
    const gated = gatedPool();
    const registry = new LayerRegistry(gated.db, 0);
    const v0 = (await registry.get(LAYER))!.version;
    await bump();
    expect((await registry.get(LAYER))!.version).toBe(v0 + 1);
    expect(gated.counts.reads).toBe(2);
  });
});
