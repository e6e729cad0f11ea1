import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import proj4 from 'proj4';
import type { SearchResult } from '@shared/schemas/search';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';
import { seedData } from '../seedFixtures';
import { ADDRESSES, PARCELS, SEARCH_LAYER, insertSearchFixtures } from './searchFixtures';

proj4.defs('EPSG:25832', '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
const toLonLat = (x: number, y: number) => proj4('EPSG:25832', 'EPSG:4326', [x, y]) as [number, number];

let app: FastifyInstance;
let removeFixtures: () => Promise<void>;
beforeAll(async () => {
  app = await testApp();
  removeFixtures = await insertSearchFixtures();
});
afterAll(async () => {
  await removeFixtures();
  await app.close();
});

async function search(params: Record<string, string>): Promise<SearchResult> {
  const res = await app.inject(`/api/search?${new URLSearchParams(params)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
}
const ids = (r: SearchResult) => r.hits.map((h) => `${h.type}:${h.id}`);

/** A seed feature's id and name, read from data/. */
async function seedFeature(layer: string, index = 0) {
  const f = (await seedData()).features.get(layer)!.features[index]!;
  return { id: f.properties.id as string, name: f.properties.name as string };
}

describe('GET /api/search finds each kind', () => {
  it('a place name (a station) by its name, as the first, exact hit', async () => {
    const station = await seedFeature('stations');
    const { hits } = await search({ q: station.name });
    expect(hits[0]).toMatchObject({ type: 'place', id: station.id, match: 'exact', layer: 'stations' });
    expect(hits[0]!.bbox).toHaveLength(4);
  });

  it('a town of the place names', async () => {
    const town = await seedFeature('place-names');
    expect(ids(await search({ q: town.name, types: 'place' }))).toContain(`place:${town.id}`);
  });

  it('a plot (a site with a tender) by its id, and a site without one by name', async () => {
    const plot = await seedFeature('koege-nord-plots', 4);
    const r = await search({ q: plot.id });
    expect(r.hits[0]).toMatchObject({ type: 'plot', id: plot.id, match: 'exact' });
    const park = await seedFeature('bellingeparken');
    expect((await search({ q: park.name })).hits[0]).toMatchObject({ type: 'site', id: park.id, match: 'exact' });
  });

  it('a plot by the number of its lokalplan, before plots of other plans', async () => {
    const plots = (await seedData()).features.get('koege-nord-plots')!.features;
    const plan = (f: (typeof plots)[number]) => (f.properties.attributes as { lokalplan?: string | null }).lokalplan;
    const first = plots.map(plan).find((p) => p)!;
    const inPlan = plots.filter((f) => plan(f) === first).map((f) => `plot:${String(f.properties.id)}`);
    const r = await search({ q: `lokalplan ${first}`, types: 'plot', limit: '50' });
    expect(ids(r).slice(0, inPlan.length).sort()).toEqual(inPlan.sort());
  });

  it('a policy action by its number, with the extent of the sites serving it', async () => {
    const { hits } = await search({ q: '3.6' });
    expect(hits[0]).toMatchObject({ type: 'action', id: '3.6', match: 'exact' });
    const dike = (await seedData()).features.get('koege-dige')!.features;
    expect(dike.length).toBeGreaterThan(0);
    const [west, south, east, north] = hits[0]!.bbox!;
    for (const f of dike) {
      const coords = (f.geometry as { coordinates: number[][] }).coordinates;
      for (const [lon, lat] of coords) {
        expect(lon).toBeGreaterThanOrEqual(west - 1e-9);
        expect(lon).toBeLessThanOrEqual(east + 1e-9);
        expect(lat).toBeGreaterThanOrEqual(south - 1e-9);
        expect(lat).toBeLessThanOrEqual(north + 1e-9);
      }
    }
  });

  it('a policy action by words of its text, and an initiative by its title', async () => {
    const { policy } = await seedData();
    const action = policy.initiatives[0]!.actions[0]!;
    const words = action.text.split(/\s+/).slice(0, 3).join(' ');
    expect(ids(await search({ q: words, types: 'action', limit: '50' }))).toContain(`action:${action.number}`);
    const initiative = policy.initiatives[2]!;
    const r = await search({ q: initiative.title, types: 'initiative' });
    expect(r.hits[0]).toMatchObject({ type: 'initiative', id: String(initiative.number), match: 'exact' });
  });

  it('a cadastral parcel as written ("5ae Ølsemagle By, Ølsemagle") and by its BFE number', async () => {
    const p = PARCELS[0];
    const written = await search({ q: `${p.matrikelnr} ${p.ejerlav}` });
    expect(written.hits[0]).toMatchObject({ type: 'parcel', id: String(p.id), match: 'exact', layer: SEARCH_LAYER });
    const [lon, lat] = toLonLat(p.x + 25, p.y + 25);
    const [west, south, east, north] = written.hits[0]!.bbox!;
    expect(lon).toBeGreaterThan(west);
    expect(lon).toBeLessThan(east);
    expect(lat).toBeGreaterThan(south);
    expect(lat).toBeLessThan(north);
    const byBfe = await search({ q: String(p.bfe) });
    expect(byBfe.hits[0]).toMatchObject({ type: 'parcel', id: String(p.id), match: 'exact' });
  });

  it('an address as it is typed, at its point', async () => {
    const a = ADDRESSES[2];
    const r = await search({ q: `${a.vejnavn} ${a.husnr}` });
    expect(r.hits[0]).toMatchObject({ type: 'address', id: a.id, match: 'prefix' });
    const [lon, lat] = toLonLat(a.x, a.y);
    const [west, south, east, north] = r.hits[0]!.bbox!;
    for (const [v, expected] of [
      [west, lon],
      [east, lon],
      [south, lat],
      [north, lat],
    ] as const) {
      expect(v).toBeCloseTo(expected, 6);
    }
  });

  it('only the kinds asked for', async () => {
    const r = await search({ q: 'Køge', types: 'address,parcel', limit: '50' });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(new Set(r.hits.map((h) => h.type))).toEqual(new Set(['address']));
  });
});

describe('matching that fits Danish', () => {
  it.each([
    ['Koege', 'Køge'],
    ['KØGE', 'køge'],
    ['Oelby Station', 'Ølby Station'],
    ['Baekgaardsvej', 'Bækgårdsvej'],
  ])('folds %s and %s to the same query, with the same hits', async (a, b) => {
    const [ra, rb] = [await search({ q: a }), await search({ q: b })];
    expect(ra.folded).toBe(rb.folded);
    expect(ra.hits.length).toBeGreaterThan(0);
    expect(ids(ra)).toEqual(ids(rb));
  });

  it('finds å written as aa, and aa written as å', async () => {
    const a = ADDRESSES[2]; // "Gammel Åvej" in the register
    expect(ids(await search({ q: 'Gammel Aavej' }))).toContain(`address:${a.id}`);
    const nature = (await seedData()).features
      .get('protected-nature')!
      .features.find((f) => String(f.properties.name).includes('Ådal'))!;
    expect(ids(await search({ q: 'Skensved Aadal' }))).toContain(`place:${String(nature.properties.id)}`);
    const plot = await seedFeature('baekgaardsvej'); // spelt "Bækgårdsvej" in the seed
    expect(ids(await search({ q: 'bækgardsvej'.replace('gard', 'gård'), limit: '20' }))).toContain(`site:${plot.id}`);
  });

  it.each([
    ['Bellingeprken', 'bellingeparken'],
    ['Bjaeverskvo', 'by-bjaeverskov'],
    ['Olby Station', 'station-olby'],
  ])('tolerates the typo %s', async (typo, id) => {
    const r = await search({ q: typo, limit: '5' });
    const hit = r.hits.find((h) => h.id === id);
    expect(hit, JSON.stringify(r)).toBeDefined();
    expect(hit!.match).toBe('fuzzy');
  });

  it('tolerates a typo in an address when nothing starts with or contains it', async () => {
    const [a, b] = ADDRESSES;
    const typo = a.vejnavn.replace('Teglvej', 'Tegvlej');
    expect(typo).not.toBe(a.vejnavn);
    const r = await search({ q: typo, types: 'address' });
    expect(ids(r)).toEqual(expect.arrayContaining([`address:${a.id}`, `address:${b.id}`]));
    expect(r.hits.every((h) => h.match === 'fuzzy')).toBe(true);
  });

  it('finds an address by a later word of it when no name starts with the query', async () => {
    const [a, b] = ADDRESSES; // "Søndre Teglvej"
    const r = await search({ q: 'Teglvej', limit: '20' });
    expect(r.hits.filter((h) => h.match === 'exact' || h.match === 'prefix')).toEqual([]);
    for (const id of [a.id, b.id]) expect(r.hits.find((h) => h.id === id)).toMatchObject({ match: 'word' });
  });

  it('takes numbers as typed: an action "1.4" is not "1.40" or "14"', async () => {
    const r = await search({ q: '1.4' });
    expect(r.hits[0]).toMatchObject({ type: 'action', id: '1.4', match: 'exact' });
    expect(r.hits.filter((h) => h.match === 'exact')).toHaveLength(1);
  });

  it('finds a postcode: the postal district first, then addresses in it', async () => {
    const r = await search({ q: '4600', limit: '20' });
    expect(r.hits[0]).toMatchObject({ type: 'place', id: 'postnr-4600' });
    expect(ids(r)).toContain(`address:${ADDRESSES[0].id}`);
    expect(ids(r)).not.toContain(`address:${ADDRESSES[1].id}`);
  });
});

describe('ranking', () => {
  it('puts the exact name before names that start with it, whatever the view', async () => {
    const town = (await seedData()).features.get('place-names')!.features.find((f) => f.properties.name === 'Køge')!;
    const r = await search({ q: 'Køge', near: '12.4,55.3', limit: '20' });
    expect(r.hits[0]).toMatchObject({ id: String(town.properties.id), match: 'exact' });
    const order = ['exact', 'prefix', 'word', 'substring', 'fuzzy'];
    const ranks = r.hits.map((h) => order.indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('puts the nearer of two equal matches first, by near or by the view', async () => {
    const [a, b] = ADDRESSES;
    const nearA = toLonLat(a.x, a.y);
    const nearB = toLonLat(b.x, b.y);
    const first = async (params: Record<string, string>) =>
      (await search({ q: a.vejnavn, types: 'address', ...params })).hits[0]!.id;
    expect(await first({ near: nearA.join(',') })).toBe(a.id);
    expect(await first({ near: nearB.join(',') })).toBe(b.id);
    const view = (c: [number, number]) => [c[0] - 0.01, c[1] - 0.01, c[0] + 0.01, c[1] + 0.01].join(',');
    expect(await first({ bbox: view(nearB) })).toBe(b.id);
    const r = await search({ q: a.vejnavn, types: 'address', near: nearB.join(',') });
    expect(r.hits[0]!.distance_m).toBeLessThan(1);
    expect(r.hits[1]!.distance_m).toBeGreaterThan(20_000);
  });

  it.each([
    ['st', null],
    ['ko', '12.2,55.45'],
    ['kn-', null],
    ['vej', '12.0,55.5'],
    ['indsats', null],
  ])('ranks the places, sites, plots and the policy in the database as it does after: %s, near %s', async (q, near) => {
    // Each of these kinds gives only its best `limit` (ranked in SQL, with many ties of match and name length
    // here): a smaller limit must still give the first hits of a larger one.
    const params = { q, types: 'place,site,plot,action,initiative', ...(near ? { near } : {}) };
    const all = await search({ ...params, limit: '50' });
    expect(all.hits.length).toBeGreaterThan(3);
    for (const limit of [1, 2, 3, 5, 8]) {
      expect(ids(await search({ ...params, limit: String(limit) }))).toEqual(ids(all).slice(0, limit));
    }
  });

  it('keeps to the limit', async () => {
    const all = await search({ q: 'Køge', limit: '50' });
    expect(all.hits.length).toBeGreaterThan(3);
    expect((await search({ q: 'Køge', limit: '3' })).hits).toEqual(all.hits.slice(0, 3));
  });
});

describe('bad input', () => {
  it.each([
    ['missing', ''],
    ['empty', 'q='],
    ['one character', 'q=K'],
    ['500 characters', `q=${'a'.repeat(500)}`],
    ['a control character', 'q=K%01ge'],
    ['a NUL', 'q=K%00ge'],
  ])('rejects a %s query with 400 naming q', async (_, query) => {
    expectProblem(await app.inject(`/api/search?${query}`), 400, 'q');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=abc', 'limit'],
    ['types=site,people', 'types'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=700000,6100000,710000,6200000', 'bbox'],
    ['near=12.2', 'near'],
    ['near=700000,6150000', 'near'],
    ['near=12.2,55.5&bbox=12,55,13,56', 'near'],
    ['debug=1', 'debug'],
  ])('rejects %s with 400 naming %s', async (query, param) => {
    expectProblem(await app.inject(`/api/search?q=koege&${query}`), 400, param);
  });

  it.each(["'; DROP TABLE site; --", "' OR 1=1 --", '\\\\', '%_%', '%%', '__', '$1', "Køge' --"])(
    'answers %j with 200 and no error',
    async (q) => {
      const r = await search({ q });
      expect(Array.isArray(r.hits)).toBe(true);
      expect(r.folded).not.toMatch(/[%_'\\$]/);
    },
  );

  it('treats % and _ as text, not as wildcards', async () => {
    expect((await search({ q: '%%' })).hits).toEqual([]);
    const r = await search({ q: 'K_ge', limit: '50' });
    const koege = r.hits.filter((h) => h.name === 'Køge');
    expect(koege.every((h) => h.match === 'fuzzy')).toBe(true);
  });
});

describe('GET /api/search/{type}/{id}: a link’s parcel or address (sel=)', () => {
  it('gives the address as the search gives it', async () => {
    const a = ADDRESSES[2];
    const found = (await search({ q: `${a.vejnavn} ${a.husnr}` })).hits.find((h) => h.id === a.id)!;
    const res = await app.inject(`/api/search/address/${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...found, match: 'exact', distance_m: null });
    // An id in upper case is the same uuid.
    expect((await app.inject(`/api/search/address/${a.id.toUpperCase()}`)).json()).toEqual(res.json());
  });

  it('gives the parcel with its extent', async () => {
    const p = PARCELS[0];
    const res = await app.inject(`/api/search/parcel/${p.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const hit = res.json<SearchResult['hits'][number]>();
    expect(hit).toMatchObject({ type: 'parcel', id: String(p.id), layer: SEARCH_LAYER, detail: `BFE ${p.bfe}` });
    const [lon, lat] = toLonLat(p.x + 25, p.y + 25);
    const [west, south, east, north] = hit.bbox!;
    expect(lon > west && lon < east && lat > south && lat < north).toBe(true);
  });

  it('answers 404 problem+json for a parcel or address that is not there (any more)', async () => {
    expectProblem(await app.inject('/api/search/address/0a3f5081-0000-4000-8000-0000000000ff'), 404);
    expectProblem(await app.inject('/api/search/parcel/990000999'), 404);
  });

  it.each([
    ['/api/search/address/990000001', 'id'],
    ['/api/search/address/not-a-uuid', 'id'],
    ['/api/search/parcel/12b', 'id'],
    ['/api/search/parcel/0', 'id'],
    [`/api/search/parcel/${'9'.repeat(19)}`, 'id'],
    ['/api/search/parcel/1%20OR%201=1', 'id'],
    ['/api/search/site/kn-05', 'type'],
    [`/api/search/address/${'a'.repeat(300)}`, 'id'],
    ['/api/search/address/0a3f5081-0000-4000-8000-000000000001?debug=1', 'debug'],
  ])('rejects %s with 400 naming %s', async (url, param) => {
    expectProblem(await app.inject(url), 400, param);
  });
});

describe('the deadline', () => {
  it.runIf(inject('engine') === 'postgis')(
    'a search past the pool’s statement_timeout answers 503 problem+json naming it, then works again',
    async () => {
      // The search's statements run on the app's pool, with its deadline (issue #19). An import holding the address
      // table keeps the search waiting past it; it must answer, not hang or fail with a 500.
      const tight = await testApp({ limits: { statementTimeoutMs: 1000 } });
      const importer = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
      await importer.connect();
      const q = `${ADDRESSES[0].vejnavn} ${ADDRESSES[0].husnr}`;
      try {
        // Once before, so that the statements are prepared on a warm connection, well within the deadline.
        expect((await tight.inject(`/api/search?${new URLSearchParams({ q })}`)).statusCode).toBe(200);
        await importer.query('BEGIN');
        await importer.query('LOCK TABLE address IN ACCESS EXCLUSIVE MODE');
        const started = performance.now();
        const res = await tight.inject(`/api/search?${new URLSearchParams({ q })}`);
        const body = expectProblem(res, 503) as { detail?: string };
        expect(body.detail).toContain('statement_timeout 1000 ms');
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(performance.now() - started).toBeLessThan(5_000);
        await importer.query('ROLLBACK');
        const after = await tight.inject(`/api/search?${new URLSearchParams({ q })}`);
        expect(after.statusCode, after.body).toBe(200);
        expect(after.json<SearchResult>().hits[0]).toMatchObject({ type: 'address', id: ADDRESSES[0].id });
      } finally {
        await importer.query('ROLLBACK').catch(() => {});
        await importer.end();
        await tight.close();
      }
    },
  );
});

describe('the index follows the tables', () => {
  it('finds a site by its new name once renamed, and no longer once deleted', async () => {
    const db = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO site (id, layer_id, name, kind, geom, source, accuracy)
         VALUES ('search-test-site', 'landmarks', 'Zyxwvut Pakhus', 'landmark',
                 ST_SetSRID(ST_MakePoint(700000, 6150000), 25832), 'test', 'illustrative')`,
      );
      expect(ids(await search({ q: 'zyxwvut' }))).toEqual(['place:search-test-site']);
      await db.query(`UPDATE site SET name = 'Qwertyøpo Pakhus' WHERE id = 'search-test-site'`);
      expect(ids(await search({ q: 'zyxwvut' }))).toEqual([]);
      expect(ids(await search({ q: 'qwertyoepo' }))).toEqual(['place:search-test-site']);
      await db.query(`DELETE FROM site WHERE id = 'search-test-site'`);
      expect(ids(await search({ q: 'qwertyoepo' }))).toEqual([]);
    } finally {
      await db.query(`DELETE FROM site WHERE id = 'search-test-site'`);
      await db.end();
    }
  });
});
