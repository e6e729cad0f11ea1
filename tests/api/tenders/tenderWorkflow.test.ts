import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { pointOnFeature } from '@turf/turf';
import type { PlotList } from '@shared/schemas/plot';
import { TENDER_TRANSITIONS, type TenderState } from '../../../server/src/modules/tenders/tenderTransitions';
import { TENDER_STATUSES } from '@shared/schemas/vocabulary';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';
import { lonLatToTile } from '../tileMath';
import {
  authHeaders,
  createFixturePlot,
  dropFixtures,
  FIXTURE_LAYER,
  type Session,
  type TestAccount,
  closePlannerFile,
  openPlannerFile,
} from '../workflowFixtures';

const IP = '10.5.0.1';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let session: Session;
let fixtureCount = 0;

beforeAll(async () => {
  ({ app, client, planner, session } = await openPlannerFile('Planner Workflow', IP));
});
afterAll(async () => {
  await dropFixtures(client);
  await closePlannerFile({ app, client });
});

/** A fresh fixture plot per test: no state shared between cases. */
async function fixturePlot(): Promise<string> {
  const id = `test-wf-${++fixtureCount}-${Date.now() % 100000}`;
  await createFixturePlot(client, id);
  return id;
}

interface TenderBody {
  status: TenderState;
  version: number;
  planned_year: number | null;
  opens_on: string | null;
  closes_on: string | null;
  notice_url: string | null;
}

const post = (id: string, payload: object, headers: Record<string, string> = authHeaders(session)) =>
  app.inject({ method: 'POST', url: `/api/plots/${id}/tender`, payload, headers });

const tender = async (id: string) => (await app.inject(`/api/plots/${id}/tender`)).json<TenderBody>();
const eventCount = async (id: string) =>
  (
    await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tender_event e JOIN tender t ON t.id = e.tender_id WHERE t.site_id = $1',
      [id],
    )
  ).rows[0]!.n;

/** What each target state needs in the body. */
const FIELDS: Partial<Record<TenderState, object>> = {
  planned: { planned_year: 2027 },
  open: { opens_on: '2027-03-01', closes_on: '2027-05-01', notice_url: 'https://udbud.example/koege/1' },
};

/** Walks a fresh plot along the legal path to `state`. */
async function bringTo(id: string, path: TenderState[]) {
  for (const to of path) {
    const { version } = await tender(id);
    const res = await post(id, { to, version, ...FIELDS[to] });
    expect(res.statusCode, res.body).toBe(200);
  }
}
const PATH_TO: Record<TenderState, TenderState[]> = {
  not_planned: [],
  planned: ['planned'],
  in_preparation: ['planned', 'in_preparation'],
  open: ['planned', 'in_preparation', 'open'],
  under_evaluation: ['planned', 'in_preparation', 'open', 'under_evaluation'],
  reserved: ['planned', 'in_preparation', 'open', 'under_evaluation', 'reserved'],
  sold: ['planned', 'in_preparation', 'open', 'under_evaluation', 'reserved', 'sold'],
  withdrawn: ['withdrawn'],
};

describe('tender transitions', () => {
  it('publishes the state machine', async () => {
    const res = await app.inject('/api/tenders/transitions');
    expect(res.statusCode).toBe(200);
    expect(res.json().transitions).toEqual(TENDER_TRANSITIONS);
    expect(res.json().states).toEqual([...TENDER_STATUSES]);
  });

  it('walks the whole life cycle, each step one version and one event with who, from, to and note', async () => {
    const id = await fixturePlot();
    await bringTo(id, PATH_TO.sold);
    const t = await tender(id);
    expect(t).toMatchObject({ status: 'sold', version: 7, planned_year: 2027, opens_on: '2027-03-01' });
    const { rows } = await client.query(
      `SELECT e.actor, e.actor_role, e.from_status, e.to_status FROM tender_event e JOIN tender t ON t.id = e.tender_id
        WHERE t.site_id = $1 ORDER BY e.id`,
      [id],
    );
    expect(rows.map((r) => [r.from_status, r.to_status])).toEqual([
      ['not_planned', 'planned'],
      ['planned', 'in_preparation'],
      ['in_preparation', 'open'],
      ['open', 'under_evaluation'],
      ['under_evaluation', 'reserved'],
      ['reserved', 'sold'],
    ]);
    for (const r of rows) expect(r).toMatchObject({ actor: planner.displayName, actor_role: 'planner' });
  });

  it('withdraws from any state, and restarts a withdrawn tender as planned', async () => {
    const id = await fixturePlot();
    await bringTo(id, [...PATH_TO.open, 'withdrawn', 'planned']);
    expect((await tender(id)).status).toBe('planned');
  });

  it('refuses every illegal transition with 409 naming the allowed ones, and changes nothing', async () => {
    for (const from of TENDER_STATUSES) {
      const id = await fixturePlot();
      await bringTo(id, PATH_TO[from]);
      const before = await tender(id);
      const events = await eventCount(id);
      for (const to of TENDER_STATUSES.filter((s) => !TENDER_TRANSITIONS[from].includes(s))) {
        const res = await post(id, { to, version: before.version, ...FIELDS[to] });
        const body = expectProblem(res, 409, 'body.to') as unknown as { from: string; allowed: string[] };
        expect(body.from).toBe(from);
        expect(body.allowed).toEqual(TENDER_TRANSITIONS[from]);
      }
      expect(await tender(id)).toEqual(before);
      expect(await eventCount(id)).toBe(events);
    }
  });

  it('requires a year to plan, and dates and an https notice link to open', async () => {
    const id = await fixturePlot();
    expectProblem(await post(id, { to: 'planned', version: 1 }), 400, 'body.planned_year');
    await bringTo(id, ['planned', 'in_preparation']);
    const { version } = await tender(id);
    const open = FIELDS.open as Record<string, string>;
    expectProblem(await post(id, { to: 'open', version, ...open, notice_url: undefined }), 400, 'body.notice_url');
    expectProblem(await post(id, { to: 'open', version, ...open, closes_on: undefined }), 400, 'body.closes_on');
    expectProblem(
      await post(id, { to: 'open', version, ...open, notice_url: 'http://udbud.example/x' }),
      400,
      'body.notice_url',
    );
    expectProblem(await post(id, { to: 'open', version, ...open, closes_on: '2027-02-01' }), 400, 'body.closes_on');
    expectProblem(await post(id, { to: 'open', version, ...open, opens_on: '2027-02-30' }), 400, 'body.opens_on');
    expect((await tender(id)).status).toBe('in_preparation');
    expect(await eventCount(id)).toBe(2);
  });
});

describe('optimistic concurrency', () => {
  it('a stale version is 412 with the current version; the row and the history stay as they were', async () => {
    const id = await fixturePlot();
    await bringTo(id, ['planned']);
    const before = await tender(id);
    const res = await post(id, { to: 'in_preparation', version: 1 });
    const body = expectProblem(res, 412) as unknown as { current_version: number };
    expect(body.current_version).toBe(2);
    expect(await tender(id)).toEqual(before);
    expect(await eventCount(id)).toBe(1);
  });

  it('accepts the version as If-Match (the ETag of the GET), and refuses a missing or contradicting one', async () => {
    const id = await fixturePlot();
    const get = await app.inject(`/api/plots/${id}/tender`);
    expect(get.headers.etag).toBe('"1"');
    expectProblem(await post(id, { to: 'withdrawn' }), 400, 'body.version');
    expectProblem(
      await post(id, { to: 'withdrawn', version: 2 }, authHeaders(session, { 'if-match': '"1"' })),
      400,
      'if-match',
    );
    expectProblem(await post(id, { to: 'withdrawn' }, authHeaders(session, { 'if-match': 'W/"x"' })), 400, 'if-match');
    const res = await post(id, { to: 'withdrawn' }, authHeaders(session, { 'if-match': String(get.headers.etag) }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expectProblem(
      await post(id, { to: 'planned', planned_year: 2027 }, authHeaders(session, { 'if-match': '"1"' })),
      412,
    );
  });

  it('of 20 concurrent changes on the same version exactly one succeeds, the others get 412', async () => {
    const id = await fixturePlot();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(id, { to: 'planned', version: 1, planned_year: 2025 + (i % 4), note: `request ${i}` }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(19);
    expect(await tender(id)).toMatchObject({ status: 'planned', version: 2 });
    expect(await eventCount(id)).toBe(1);
  });
});

describe('roles and CSRF', () => {
  it('401 without a session, 403 without the CSRF token or with a wrong one; nothing changes', async () => {
    const id = await fixturePlot();
    const body = { to: 'planned', version: 1, planned_year: 2027 };
    expectProblem(await post(id, body, {}), 401);
    expectProblem(await post(id, body, { cookie: session.cookie }), 403, 'x-csrf-token');
    expectProblem(
      await post(id, body, { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) }),
      403,
      'x-csrf-token',
    );
    expect(await tender(id)).toMatchObject({ status: 'not_planned', version: 1 });
    expect(await eventCount(id)).toBe(0);
  });
});

describe('bad bodies', () => {
  it.each([
    ['wrong type of version', { to: 'planned', version: '1', planned_year: 2027 }, 'body.version'],
    ['unknown state', { to: 'bogus', version: 1 }, 'body.to'],
    ['extra field', { to: 'planned', version: 1, planned_year: 2027, status: 'sold' }, 'body.status'],
    ['huge note', { to: 'planned', version: 1, planned_year: 2027, note: 'x'.repeat(5000) }, 'body.note'],
    ['NUL in the note', { to: 'planned', version: 1, planned_year: 2027, note: 'a\u0000b' }, 'body.note'],
    ['year as text', { to: 'planned', version: 1, planned_year: '2027; DROP TABLE tender' }, 'body.planned_year'],
    [
      'injection in a date',
      { to: 'planned', version: 1, planned_year: 2027, opens_on: "2027-01-01' OR 1=1--" },
      'body.opens_on',
    ],
    [
      'script URL',
      { to: 'planned', version: 1, planned_year: 2027, notice_url: 'javascript:alert(1)' },
      'body.notice_url',
    ],
    ['negative version', { to: 'planned', version: -1, planned_year: 2027 }, 'body.version'],
  ])('%s → 400 naming the field, nothing changed', async (_, payload, field) => {
    const id = await fixturePlot();
    expectProblem(await post(id, payload), 400, field);
    expect(await tender(id)).toMatchObject({ status: 'not_planned', version: 1 });
    expect(await eventCount(id)).toBe(0);
  });

  it('404 for a site without a tender, 400 for a malformed id', async () => {
    expectProblem(await post('no-such-plot', { to: 'withdrawn', version: 1 }), 404);
    expectProblem(await post('Robert%27);DROP', { to: 'withdrawn', version: 1 }), 400, 'id');
  });
});

describe('audit trail', () => {
  it('the database refuses to update, delete or truncate tender and progress events', async () => {
    const id = await fixturePlot();
    await bringTo(id, ['planned']);
    const before = await eventCount(id);
    await expect(client.query("UPDATE tender_event SET note = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM tender_event')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE tender_event CASCADE')).rejects.toThrow(/append-only/);
    await client.query(
      `INSERT INTO action_progress_event (action_number, actor, to_progress) VALUES ('2.1', 'audit test', 'not_started')`,
    );
    await expect(client.query("UPDATE action_progress_event SET note = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM action_progress_event')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE action_progress_event')).rejects.toThrow(/append-only/);
    expect(await eventCount(id)).toBe(before);
  });
});

describe('the map follows at once', () => {
  it('the plot list and the tile show the new status right after the change, with a new layer version', async () => {
    const id = await fixturePlot();
    const layerVersion = async () =>
      (await client.query<{ version: number }>('SELECT version FROM layer WHERE id = $1', [FIXTURE_LAYER])).rows[0]!
        .version;
    const kn01 = (await seedData()).features
      .get('koege-nord-plots')!
      .features.find((f) => f.properties.id === 'kn-01')!;
    const [lon, lat] = pointOnFeature(kn01 as Parameters<typeof pointOnFeature>[0]).geometry.coordinates as number[];
    const t = lonLatToTile(lon!, lat!, 14);
    const tileStatus = async () => {
      const res = await app.inject(`/tiles/${FIXTURE_LAYER}/${t.z}/${t.x}/${t.y}.mvt`);
      expect(res.statusCode, res.body).toBe(200);
      const l = new VectorTile(new PbfReader(res.rawPayload)).layers[FIXTURE_LAYER]!;
      const f = Array.from({ length: l.length }, (_, i) => l.feature(i)).find((x) => x.properties.id === id);
      return { status: f?.properties.tender_status, etag: String(res.headers.etag) };
    };
    const before = await tileStatus();
    const versionBefore = await layerVersion();
    expect(before.status).toBe('not_planned');

    expect((await post(id, { to: 'planned', version: 1, planned_year: 2026 })).statusCode).toBe(200);

    const after = await tileStatus();
    expect(after.status).toBe('planned');
    expect(after.etag).not.toBe(before.etag);
    expect(await layerVersion()).toBeGreaterThan(versionBefore);
    const { plots } = (await app.inject('/api/plots?status=planned&planned_year=2026')).json<PlotList>();
    expect(plots.find((p) => p.id === id)).toMatchObject({ tender_status: 'planned', planned_year: 2026 });
  });
});
