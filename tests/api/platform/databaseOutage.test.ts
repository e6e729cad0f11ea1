import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import { SHIPPED_TERRAIN } from '../testApp';
import { expectProblem } from '../expectProblem';
import { TcpProxy } from '../tcpProxy';

let proxy: TcpProxy;
let app: FastifyInstance;

beforeEach(async () => {
  const url = new URL(inject('databaseUrl'));
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
  const engine = inject('engine');
  app = await buildApp({
    db: { connectionString: proxy.route(inject('databaseUrl')), engine, poolSize: engine === 'pglite' ? 1 : 4 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
  });
});
afterEach(async () => {
  await proxy.restore();
  await app.close();
  await proxy.stop();
});

/** Asks `url` until it answers `status`, for at most `withinMs`; returns how long that took. */
async function until(url: string, status: number, withinMs: number): Promise<number> {
  const start = performance.now();
  let last = 0;
  while (performance.now() - start < withinMs) {
    last = (await app.inject(url)).statusCode;
    if (last === status) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answers ${last} after ${withinMs} ms`);
}

describe('the database goes away and comes back (issue #8)', () => {
  it('answers 503 with Retry-After while it is gone, and recovers by itself within 5 s', async () => {
    expect((await app.inject('/api/layers')).statusCode).toBe(200);
    await proxy.cut();

    const started = performance.now();
    const gone = await app.inject('/api/layers');
    expect(performance.now() - started).toBeLessThan(4000);
    expectProblem(gone, 503);
    expect(gone.headers['retry-after']).toBe('5');
    expectProblem(await app.inject('/api/health/ready'), 503);
    expect((await app.inject('/api/health/live')).json()).toEqual({ status: 'live' });

    await proxy.restore();
    const recovery = await until('/api/layers', 200, 5000);
    expect(recovery).toBeLessThan(5000);
    expect((await app.inject('/api/health/ready')).statusCode).toBe(200);
  });

  it('a database that accepts connections but never answers gives 503, not a hung request', async () => {
    expect((await app.inject('/api/policy')).statusCode).toBe(200);
    await proxy.blackhole();
    const started = performance.now();
    const ready = await app.inject('/api/health/ready');
    expectProblem(ready, 503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(performance.now() - started).toBeLessThan(2500);

    const before = performance.now();
    const layers = await app.inject('/api/layers');
    expectProblem(layers, 503);
    expect(performance.now() - before).toBeLessThan(5000);
  });
});
