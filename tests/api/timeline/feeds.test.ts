import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PlotList } from '@shared/schemas/plot';
import { buildApp } from '../../../server/src/app';
import { expectProblem } from '../expectProblem';

const PUBLIC_URL = 'https://kort.koege.example/erhverv';
let app: FastifyInstance;
beforeAll(async () => {
  const engine = inject('engine');
  app = await buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: 1 },
    clientRoot: '/nonexistent',
    publicUrl: PUBLIC_URL,
  });
});
afterAll(() => app.close());

type Entry = { id: string; title: string; updated: string; link: { '@_href': string }; category: unknown };
const feed = async (query = '', headers: Record<string, string> = {}) => {
  const res = await app.inject({ url: `/feeds/plots.atom${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
  expect(XMLValidator.validate(res.body)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body);
  const entries: Entry[] = doc.feed.entry === undefined ? [] : [doc.feed.entry].flat();
  return { doc, entries };
};

async function eventCount(siteIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tender_event e JOIN tender t ON t.id = e.tender_id WHERE t.site_id = ANY ($1)',
      [siteIds],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('GET /feeds/plots.atom', () => {
  it('holds the tender changes of the filtered plots, newest first, linking to each plot', async () => {
    const query = '?use=production,logistics&min_area=20000';
    const { plots } = (await app.inject(`/api/plots${query}`)).json<PlotList>();
    const ids = plots.map((p) => p.id);
    const { doc, entries } = await feed(query);
    expect(entries.length).toBe(Math.min(50, await eventCount(ids)));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const site = new URL(e.link['@_href']).searchParams.get('site');
      expect(ids).toContain(site);
      expect(e.title).toMatch(/→|Planlagt|Ikke planlagt/);
    }
    const times = entries.map((e) => e.updated);
    expect(times).toEqual([...times].sort().reverse());
    expect(doc.feed.updated).toBe(times[0]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('narrows with the filters: sold plots only', async () => {
    const { plots } = (await app.inject('/api/plots?status=sold')).json<PlotList>();
    const { entries } = await feed('?status=sold');
    const sites = new Set(entries.map((e) => new URL(e.link['@_href']).searchParams.get('site')));
    expect([...sites].sort()).toEqual(plots.map((p) => p.id).sort());
  });

  it('builds its links from the configured public address, never from the Host header', async () => {
    const { doc, entries } = await feed('?status=sold', { host: 'evil.example' });
    expect(JSON.stringify(doc)).not.toContain('evil.example');
    expect(entries[0]!.link['@_href'].startsWith(`${PUBLIC_URL}/?site=`)).toBe(true);
    expect(doc.feed.id).toBe(`${PUBLIC_URL}/feeds/plots.atom?status=sold`);
  });

  it('is a valid empty feed when nothing matches', async () => {
    const { entries } = await feed('?min_area=99000000');
    expect(entries).toEqual([]);
  });

  it.each([
    ['?min_area=-1', 'min_area'],
    ['?status=<script>', 'status'],
    ['?format=rss', 'format'],
  ])('%s → 400 naming %s', async (query, name) => {
    expectProblem(await app.inject(`/feeds/plots.atom${query}`), 400, name);
  });
});
