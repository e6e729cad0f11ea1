import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** Row counts of every table: bad input must change nothing. */
async function snapshot(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
  try {
    const tables = ['initiative', 'action', 'layer', 'site', 'site_action', 'tender', 'tender_event', 'app_meta'];
    const counts: Record<string, number> = {};
    for (const t of tables) {
      counts[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe('bad input on every route', () => {
  it.each(['/api/health', '/api/layers', '/api/policy', '/api/sites/kn-01', '/api/layers/stations/features'])(
    '%s rejects an unknown query parameter, naming it',
    async (url) => {
      expectProblem(await app.inject(`${url}?debug=1`), 400, 'debug');
    },
  );

  it('rejects a repeated bbox parameter', async () => {
    expectProblem(await app.inject('/api/layers/stations/features?bbox=1,2,3,4&bbox=1,2,3,4'), 400, 'bbox');
  });

  it('rejects a very long id as a 400 naming id, not a router error', async () => {
    expectProblem(await app.inject(`/api/sites/${'a'.repeat(300)}`), 400, 'id');
  });

  it('rejects an absurdly long path segment with problem+json', async () => {
    expectProblem(await app.inject(`/api/sites/${'a'.repeat(2000)}`), 414, 'path');
  });

  it('rejects broken percent-encoding with problem+json naming the path', async () => {
    expectProblem(await app.inject('/api/sites/%E0%A4%A'), 400, 'path');
  });

  it.each([
    ['POST', '/api/layers', '{"id":"x"}'],
    ['PUT', '/api/sites/kn-01', '{"name":"<script>alert(1)</script>"}'],
    ['DELETE', '/api/sites/kn-01', undefined],
    ['POST', '/api/policy', '{bad json'],
  ] as const)('%s %s is refused and changes nothing', async (method, url, payload) => {
    const before = await snapshot();
    const res = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await snapshot()).toEqual(before);
  });
});
