import type { Polygon } from 'geojson';
import { vi } from 'vitest';
import { httpApi } from '../../../../client/src/api/httpApi';
import type { SketchFeature, SketchProperties } from '../../../../client/src/features/sketches/SketchTypes';
import { createAppStore } from '../../../../client/src/store/createAppStore';

// The store runs against the real HTTP edge (httpApi, sendJson, fetchJson); only `fetch` itself is faked: each
// test gives the answers the server would, and the requests the store made are checked as the server would see them.

// The store runs against the real HTTP edge (httpApi, sendJson, fetchJson); only `fetch` itself is faked: each
// test gives the answers the server would, and the requests the store made are checked as the server would see them.

export const A = '11111111-1111-4111-8111-111111111111';
export const B = '22222222-2222-4222-8222-222222222222';
export const CSRF = 'csrf-token-1';

export const square = (lon: number, lat: number, size = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

export function sketch(
  id: string,
  overrides: Partial<SketchProperties> = {},
  geometry: SketchFeature['geometry'] = square(12.1, 55.45),
) {
  const feature: SketchFeature = {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      version: 1,
      title: `Skitse ${id.slice(0, 4)}`,
      proposed_use: '31',
      action_number: null,
      note: '',
      area_m2: 70_000,
      perimeter_m: 1_100,
      length_m: null,
      change: 'created',
      restored_from: null,
      updated_at: '2026-03-01T10:00:00Z',
      updated_by: { name: 'Planlægger Test', role: 'planner' },
      created_at: '2026-03-01T10:00:00Z',
      deleted_at: null,
      status: 'draft',
      source: 'Skitse i Køge Erhvervskort (Planlægger Test)',
      accuracy: 'illustrative',
      ...overrides,
    },
  };
  return feature;
}

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: SentRequest) => Response | Promise<Response>;

export const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
export const problem = (status: number, body: Record<string, unknown>) =>
  json(status, { type: 'about:blank', title: 'Problem', status, ...body }, 'application/problem+json');

/**
 * Replaces `fetch` with a router over "METHOD /path" (the query string is part of the request, not the route).
 * A planner is logged in unless the routes say otherwise; a request with no route fails the test.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const sent: SentRequest[] = [];
  const all: Record<string, Handler> = {
    'GET /api/auth/me': () =>
      json(200, { user: { display_name: 'Planlægger Test', role: 'planner' }, csrf_token: CSRF }),
    ...routes,
  };
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    let body: unknown = init.body;
    if (typeof init.body === 'string' && headers['content-type'] === 'application/json') body = JSON.parse(init.body);
    if (init.body instanceof Blob) body = await init.body.text();
    const request = { method, url: input, headers, body };
    sent.push(request);
    const handler = all[`${method} ${input.split('?')[0]}`];
    if (!handler) throw new Error(`no route for ${method} ${input}`);
    return handler(request);
  });
  return { sent, writes: () => sent.filter((r) => r.method !== 'GET') };
}

export async function plannerStore(routes: Record<string, Handler>) {
  const server = fakeServer(routes);
  const store = createAppStore({ api: httpApi });
  await store.getState().loadMe();
  return { store, server };
}
