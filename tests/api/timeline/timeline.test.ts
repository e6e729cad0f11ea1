import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';
import {
  authHeaders,
  createFixturePlot,
  dropFixtures,
  type Session,
  type TestAccount,
  closePlannerFile,
  openPlannerFile,
} from '../workflowFixtures';

const IP = '10.8.0.1';
const PLOT = `test-tl-${Date.now() % 100000}`;
const NOTE = 'Udbud <annonceret> & "offentliggjort"';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let session: Session;

interface Timeline {
  from: string;
  to: string;
  plots: { site_id: string; status: string; planned: { year: number | null }; reached: Record<string, string> }[];
  events: {
    kind: string;
    at: string;
    site_id: string | null;
    from: string | null;
    to: string;
    note: string | null;
    actor: { name: string; role: string | null };
  }[];
}

beforeAll(async () => {
  ({ app, client, planner, session } = await openPlannerFile('Planner Timeline', IP));
  await createFixturePlot(client, PLOT);
  const res = await app.inject({
    method: 'POST',
    url: `/api/plots/${PLOT}/tender`,
    headers: authHeaders(session),
    payload: { to: 'planned', version: 1, planned_year: 2027, note: NOTE },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await dropFixtures(client);
  await closePlannerFile({ app, client });
});

const timeline = async (query = '') => {
  const res = await app.inject(`/api/timeline${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.json<Timeline>() };
};

describe('GET /api/timeline', () => {
  it('covers 2024–2028 for all plots: plan (year, dates) against reality (events), without a login', async () => {
    const { body } = await timeline();
    expect(body).toMatchObject({ from: '2024-01-01', to: '2028-12-31' });
    const data = await seedData();
    for (const f of data.features.get('koege-nord-plots')!.features) {
      const plot = body.plots.find((p) => p.site_id === f.properties.id)!;
      expect(plot.status).toBe(f.properties.tender?.status);
      expect(plot.planned.year).toBe(f.properties.tender?.planned_year);
      expect(Object.keys(plot.reached)).toContain(f.properties.tender?.status);
    }
    const mine = body.events.find((e) => e.site_id === PLOT)!;
    expect(mine).toMatchObject({ kind: 'tender', from: 'not_planned', to: 'planned', note: NOTE });
    expect(mine.actor).toEqual({ name: planner.displayName, role: 'planner' });
    const times = body.events.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    for (const t of times) expect(t >= '2024-01-01' && t < '2029-01-01').toBe(true);
  });

  it('never shows an e-mail address', async () => {
    const { res } = await timeline();
    expect(res.body).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]+/i);
    expect(res.body).not.toContain(planner.email);
  });

  it('narrows to one plot and to a date window', async () => {
    const { body } = await timeline(`?site=${PLOT}`);
    expect(body.plots.map((p) => p.site_id)).toEqual([PLOT]);
    expect(body.plots[0]?.reached.planned).toBeDefined();
    expect(body.events.filter((e) => e.kind === 'tender').every((e) => e.site_id === PLOT)).toBe(true);
    const past = await timeline('?from=2024-01-01&to=2024-12-31');
    expect(past.body.events.every((e) => e.at < '2025-01-01')).toBe(true);
    expect(past.body.events.some((e) => e.site_id === PLOT)).toBe(false);
  });

  it('400 naming the parameter for bad input, 404 for an unknown site', async () => {
    expectProblem(await app.inject('/api/timeline?from=2024-13-01'), 400, 'from');
    expectProblem(await app.inject('/api/timeline?to=yesterday'), 400, 'to');
    expectProblem(await app.inject('/api/timeline?from=2026-01-01&to=2025-01-01'), 400, 'to');
    expectProblem(await app.inject("/api/timeline?site=kn-01'--"), 400, 'site');
    expectProblem(await app.inject('/api/timeline?bogus=1'), 400, 'bogus');
    expectProblem(await app.inject('/api/timeline?site=no-such-site'), 404);
  });
});

describe('GET /feeds/changes.atom', () => {
  it('is well-formed Atom with tender changes newest first, escaped, and no e-mail address', async () => {
    const res = await app.inject('/feeds/changes.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(res.body)).toBe(true);
    expect(res.body).not.toContain(planner.email);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    const entries: { updated: string; summary: { '#text': string } | string }[] = [doc.feed.entry].flat();
    expect(entries.length).toBeGreaterThan(0);
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(res.body).toContain('Udbud &lt;annonceret&gt; &amp; &quot;offentliggjort&quot;');
  });
});
