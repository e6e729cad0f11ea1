import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FIXTURE_LAYER, login, type TestAccount } from '../workflowFixtures';
import { tenderStatusInTile } from './tenderStatusInTile';

// The reads readReplicas.test.ts makes of an instance (issue #18): each answers what one reader sees of a plot's
// tender, with the cookies given, so that a test can tell the replica's state from the primary's.

/** The client address of the tests' browsers. */
export const IP = '10.18.0.1';

/** A storm surge that floods campus-koege's ground (where floodedFixturePlot puts a plot). */
export const FLOODED = 'level=4&dike=without';

/** A browser's cookie jar: what the app set, sent back on every request. */
export class Browser {
  private readonly jar = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(account: TestAccount) {
    const session = await login(this.app, account, IP);
    this.jar.set('koege_session', session.cookie.split('=')[1]!);
    this.csrf = session.csrf;
  }

  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, remoteAddress: IP, ...(payload ? { payload } : {}) });
    for (const c of res.cookies) this.jar.set(c.name, c.value);
    return res;
  }

  async tender(id: string): Promise<{ status: string; version: number }> {
    const res = await this.send('GET', `/api/plots/${id}/tender`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** Moves the plot's tender one step, with the version this browser just read. */
  async change(id: string, to: string, extra: object = {}) {
    const { version } = await this.tender(id);
    const res = await this.send('POST', `/api/plots/${id}/tender`, { to, version, ...extra });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** The plot's tender status as seen anonymously (no cookies): where nobody's writes pin the reads. */
export async function anonymousStatus(app: FastifyInstance, id: string): Promise<string> {
  const res = await app.inject(`/api/plots/${id}/tender`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: string }>().status;
}

/** The plot's status in the layer's feature list, with `cookie`. */
export async function listStatus(app: FastifyInstance, id: string, cookie = ''): Promise<unknown> {
  const res = await app.inject({ url: `/api/layers/${FIXTURE_LAYER}/features`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ features: { properties: { id: string; tender_status?: string } }[] }>();
  return body.features.find((f) => f.properties.id === id)?.properties.tender_status;
}

/** The plot's tender status in the flood model's list of what `FLOODED` reaches, with `cookie`. */
export async function floodStatus(app: FastifyInstance, id: string, cookie = ''): Promise<unknown> {
  const res = await app.inject({ url: `/api/flood/affected?${FLOODED}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ sites: { id: string; tender_status: string | null }[] }>().sites.find((s) => s.id === id)
    ?.tender_status;
}

/** The plot's tender status in the plot finder's GeoJSON export, with `cookie` and more `query`. */
export async function exportStatus(app: FastifyInstance, id: string, cookie = '', query = ''): Promise<unknown> {
  const res = await app.inject({ url: `/api/plots.geojson?${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ features: { id: string; properties: { tender_status: string } }[] }>()
    .features.find((f) => f.id === id)?.properties.tender_status;
}

/** Whether the plots' Atom feed has an entry for the plot, with `cookie`. */
export async function inFeed(app: FastifyInstance, id: string, cookie = ''): Promise<boolean> {
  const res = await app.inject({ url: '/feeds/plots.atom', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.body.includes(`?site=${id}<`) || res.body.includes(`?site=${id}"`);
}

/** The titles of the live sketches in the GeoJSON export (with their constraint checks), with `cookie`. */
export async function exportedSketchTitles(app: FastifyInstance, cookie = ''): Promise<string[]> {
  const res = await app.inject({ url: '/api/sketches/export.geojson', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ features: { properties: { title: string } }[] }>().features.map((f) => f.properties.title);
}

/**
 * The reads that need the fixture plots' place, known once the test database answers: `tile`, a zoom-14 tile
 * inside kn-01 (whose shape the fixture plots take), and `bbox`, kn-01's bounding box as an OGC bbox parameter.
 */
export function placeReads(place: () => { tile: { x: number; y: number }; bbox: string }) {
  /** The plot's status in the tile at the versioned URL that /api/layers gives `cookie`'s browser. */
  async function tileStatus(app: FastifyInstance, id: string, cookie = ''): Promise<unknown> {
    const layers = await app.inject({ url: '/api/layers', headers: { cookie } });
    const layer = layers
      .json<{ layers: { id: string; version: number }[] }>()
      .layers.find((l) => l.id === FIXTURE_LAYER);
    const res = await app.inject(
      `/tiles/${FIXTURE_LAYER}/14/${place().tile.x}/${place().tile.y}.mvt?v=${layer!.version}`,
    );
    if (res.statusCode !== 200) return `HTTP ${res.statusCode}`;
    return tenderStatusInTile(new Uint8Array(res.rawPayload), FIXTURE_LAYER, id);
  }

  /** The plot's tender status in an OGC API bbox page around kn-01 (the expensive kind, issue #19), with `cookie`. */
  async function ogcStatus(app: FastifyInstance, id: string, cookie = ''): Promise<unknown> {
    const res = await app.inject({
      url: `/ogc/collections/${FIXTURE_LAYER}/items?bbox=${place().bbox}`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ features: { id: string; properties: { tender_status?: string } }[] }>()
      .features.find((f) => f.id === id)?.properties.tender_status;
  }

  return { tileStatus, ogcStatus };
}
