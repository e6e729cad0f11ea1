import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import { SHIPPED_TERRAIN } from '../testApp';

let app: FastifyInstance;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  lines = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const engine = inject('engine');
  app = await buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 4 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
    logger: { level: 'info', stream },
  });
});
afterEach(() => app.close());

describe('structured request logs (issue #8)', () => {
  it('every log line of a request is JSON carrying the id the response names', async () => {
    const res = await app.inject('/api/layers');
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const ofRequest = lines.filter((line) => line.reqId === id);
    expect(ofRequest.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(ofRequest[1]).toMatchObject({ res: { statusCode: 200 }, level: 30 });
  });

  it('a proxy’s X-Request-Id is kept; one that is not a plain token is replaced', async () => {
    const kept = await app.inject({ url: '/api/policy', headers: { 'x-request-id': 'nginx-4f2a.17' } });
    expect(kept.headers['x-request-id']).toBe('nginx-4f2a.17');
    expect(lines.some((line) => line.reqId === 'nginx-4f2a.17')).toBe(true);

    const hostile = 'a"}\n{"level":60,"msg":"forged';
    const replaced = await app.inject({ url: '/api/policy', headers: { 'x-request-id': hostile } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((line) => line.level === 60)).toBe(false);
  });

  it('a login’s password never reaches the logs', async () => {
    const password = 'Correct-Horse-Battery-9172';
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.8.0.1',
      // A new address each run: a fixed one would gather failures across runs on one database (per-account back-off).
      payload: { email: `nobody-logs-${Date.now()}@example.org`, password },
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(password);
  });
});
