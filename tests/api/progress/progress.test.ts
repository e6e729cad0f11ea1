import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { expectProblem } from '../expectProblem';
import { authHeaders, type Session, type TestAccount, closePlannerFile, openPlannerFile } from '../workflowFixtures';

/** A seed action no other file asserts the progress of; every test leaves it as the seed has it. */
const ACTION = '9.1';
const IP = '10.7.0.1';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let session: Session;

beforeAll(async () => {
  ({ app, client, planner, session } = await openPlannerFile('Planner Progress', IP));
});
afterAll(() => closePlannerFile({ app, client }));

interface ProgressDetail {
  progress: string;
  progress_note: string | null;
  version: number;
  history: { from_progress: string | null; to_progress: string; note: string | null; actor: object }[];
}
const current = async () => (await app.inject(`/api/actions/${ACTION}/progress`)).json<ProgressDetail>();
const post = (payload: object, headers: Record<string, string> = authHeaders(session)) =>
  app.inject({ method: 'POST', url: `/api/actions/${ACTION}/progress`, payload, headers });

/** Puts the action back to not started with no note, through the API like any user. */
async function reset() {
  const { version, progress } = await current();
  if (progress !== 'not_started') expect((await post({ progress: 'not_started', version })).statusCode).toBe(200);
}

describe('action progress', () => {
  it('a planner sets progress and a public note; the history records who, from and to', async () => {
    const before = await current();
    const res = await post({ progress: 'in_progress', note: 'Dialog med grundejere', version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      progress: 'in_progress',
      progress_note: 'Dialog med grundejere',
      version: before.version + 1,
    });
    const after = await current();
    expect(after.history.at(-1)).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      from_progress: before.progress,
      to_progress: 'in_progress',
      note: 'Dialog med grundejere',
      actor: { name: planner.displayName, role: 'planner' },
    });
    expect(JSON.stringify(after)).not.toContain(planner.email);
    await reset();
  });

  it('a stale version is 412 and changes nothing', async () => {
    const before = await current();
    expectProblem(await post({ progress: 'done', version: before.version + 5 }), 412);
    expect(await current()).toEqual(before);
  });

  it('of 20 concurrent changes on the same version exactly one succeeds', async () => {
    const before = await current();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ progress: i % 2 ? 'done' : 'in_progress', version: before.version })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 412)).toHaveLength(19);
    expect((await current()).history).toHaveLength(before.history.length + 1);
    await reset();
  });

  it('401 anonymous, 403 without CSRF, 400 for bad bodies; nothing changes', async () => {
    const before = await current();
    expectProblem(await post({ progress: 'done', version: before.version }, {}), 401);
    expectProblem(
      await post({ progress: 'done', version: before.version }, { cookie: session.cookie }),
      403,
      'x-csrf-token',
    );
    expectProblem(await post({ progress: 'finished', version: before.version }), 400, 'body.progress');
    expectProblem(await post({ progress: 'done', version: before.version, note: 'x'.repeat(281) }), 400, 'body.note');
    expectProblem(await post({ progress: 'done', version: before.version, extra: 1 }), 400, 'body.extra');
    expectProblem(await post({ progress: 'done', version: `${before.version}` }), 400, 'body.version');
    expectProblem(await post({ progress: 'done' }), 400, 'body.version');
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/actions/1.1;DROP/progress',
        headers: authHeaders(session),
        payload: { progress: 'done', version: 1 },
      }),
      400,
      'number',
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/actions/99.99/progress',
        headers: authHeaders(session),
        payload: { progress: 'done', version: 1 },
      }),
      404,
    );
    expect(await current()).toEqual(before);
  });
});

interface Overview {
  initiatives: {
    number: number;
    counts: Record<'not_started' | 'in_progress' | 'done', number>;
    site_ids: string[];
    actions: { number: string; site_ids: string[] }[];
  }[];
}

describe('GET /api/policy/overview', () => {
  it('counts each initiative’s actions per progress state and lists the sites serving them', async () => {
    const res = await app.inject('/api/policy/overview');
    expect(res.statusCode).toBe(200);
    const { initiatives } = res.json<Overview>();
    expect(initiatives.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const i of initiatives) {
      const total = i.counts.not_started + i.counts.in_progress + i.counts.done;
      expect(total).toBe(i.actions.length);
      expect(i.site_ids).toEqual([...new Set(i.actions.flatMap((a) => a.site_ids))].sort());
    }
    const one = initiatives.find((i) => i.number === 1)!;
    expect(one.actions.find((a) => a.number === '1.4')?.site_ids).toContain('kn-01');

    const before = initiatives.find((i) => i.number === 9)!.counts;
    const { version } = await current();
    expect((await post({ progress: 'done', version })).statusCode).toBe(200);
    const after = (await app.inject('/api/policy/overview')).json<Overview>();
    const nine = after.initiatives.find((i) => i.number === 9)!.counts;
    expect(nine.done).toBe(before.done + 1);
    await reset();
  });
});
