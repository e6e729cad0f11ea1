import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpApi } from '../../../../client/src/api/httpApi';
import type {
  ConstraintReport,
  SketchFeature,
  SketchProperties,
} from '../../../../client/src/features/sketches/SketchTypes';
import { createAppStore } from '../../../../client/src/store/createAppStore';

// The store runs against the real HTTP edge (httpApi, sendJson, fetchJson); only `fetch` itself is faked: each
// test gives the answers the server would, and the requests the store made are checked as the server would see them.

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const CSRF = 'csrf-token-1';

const square = (lon: number, lat: number, size = 0.01): Polygon => ({
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

function sketch(
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

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, body: Record<string, unknown>) =>
  json(status, { type: 'about:blank', title: 'Problem', status, ...body }, 'application/problem+json');

/**
 * Replaces `fetch` with a router over "METHOD /path" (the query string is part of the request, not the route).
 * A planner is logged in unless the routes say otherwise; a request with no route fails the test.
 */
function fakeServer(routes: Record<string, Handler>) {
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

async function plannerStore(routes: Record<string, Handler>) {
  const server = fakeServer(routes);
  const store = createAppStore({ api: httpApi });
  await store.getState().loadMe();
  return { store, server };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sketch list and selection', () => {
  it('loads the live sketches and selects one, fitting the map to it and loading its versions', async () => {
    const { store } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A), sketch(B)] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
    });
    await store.getState().loadSketches();
    expect(store.getState().sketches.map((s) => s.id)).toEqual([A, B]);
    store.getState().selectSketch(A, { focus: true });
    expect(store.getState().focus?.bbox).toEqual([12.1, 55.45, 12.11, 55.46]);
    await vi.waitFor(() => expect(store.getState().sketchVersionsStatus).toBe('ready'));
  });

  it('does not move the map when the map itself selected the sketch', async () => {
    const { store } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A)] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    expect(store.getState().focus).toBeNull();
  });

  it('fetches a linked sketch that the list does not have (a deleted one) and frames it', async () => {
    const deleted = sketch(A, { deleted_at: '2026-03-02T09:00:00Z' });
    fakeServer({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [] }),
      [`GET /api/sketches/${A}`]: () => json(200, deleted),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
    });
    const store = createAppStore({ api: httpApi, initial: { sketch: A } });
    await store.getState().loadSketches();
    expect(store.getState().selectedSketch).toEqual(deleted);
    expect(store.getState().focus?.bbox).toEqual([12.1, 55.45, 12.11, 55.46]);
    expect(store.getState().sketchFocusPending).toBe(false);
    store.getState().selectSketch(A);
    expect(store.getState().selectedSketch).toEqual(deleted);
  });

  it('forgets a linked sketch the server does not know', async () => {
    fakeServer({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [] }),
      [`GET /api/sketches/${A}`]: () => problem(404, { detail: 'no sketch' }),
    });
    const store = createAppStore({ api: httpApi, initial: { sketch: A } });
    await store.getState().loadSketches();
    expect(store.getState()).toMatchObject({ selectedSketchId: null, selectedSketch: null });
  });
});

describe('saving a sketch', () => {
  it('posts a new sketch with the draft, the attributes and the CSRF token, then closes the form and the draft', async () => {
    const saved = sketch(A, { title: 'Bækgårdsvej syd' });
    const { store, server } = await plannerStore({
      'POST /api/sketches': () => json(201, saved),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
    });
    store.getState().startSketchDrawing('polygon');
    expect(store.getState().drawMode).toBe('polygon');
    store.getState().setDraftFromMap({
      geometry: square(12.1, 55.45),
      measure: { area_m2: 70_000, perimeter_m: 1_100, length_m: null },
      canUndo: true,
      canRedo: false,
      drawing: false,
    });
    store.getState().setSketchAttributes({ title: '  Bækgårdsvej syd ', action_number: '1.2', note: 'Alternativ A' });
    expect(await store.getState().saveSketch()).toBe(true);

    const [post] = server.writes();
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.body).toEqual({
      geometry: square(12.1, 55.45),
      title: 'Bækgårdsvej syd',
      proposed_use: '31',
      action_number: '1.2',
      note: 'Alternativ A',
    });
    expect(store.getState()).toMatchObject({
      sketches: [saved],
      selectedSketchId: A,
      sketchEditor: null,
      draftGeometry: null,
      drawMode: 'off',
      sketchNotice: { kind: 'saved', title: 'Bækgårdsvej syd', version: 1 },
    });
    expect(store.getState().drawCommand?.kind).toBe('clear');
  });

  it('saves nothing while a shape is still being drawn', async () => {
    const { store, server } = await plannerStore({});
    store.getState().startSketchDrawing('polygon');
    store.getState().setDraftFromMap({
      geometry: square(12.1, 55.45),
      measure: null,
      canUndo: true,
      canRedo: false,
      drawing: true,
    });
    store.getState().setSketchAttributes({ title: 'x' });
    expect(await store.getState().saveSketch()).toBe(false);
    expect(server.writes()).toEqual([]);
  });

  it('puts an edit with the version it started from, as the map edited it', async () => {
    const current = sketch(A, { version: 3 });
    const edited = square(12.2, 55.5);
    const { store, server } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [current] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`PUT /api/sketches/${A}`]: () => json(200, sketch(A, { version: 4, change: 'edited' }, edited)),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    store.getState().editSelectedSketch();
    expect(store.getState()).toMatchObject({
      drawMode: 'select',
      draftGeometry: current.geometry,
      drawCommand: { kind: 'load', geometry: current.geometry },
      sketchEditor: { id: A, version: 3 },
    });
    store
      .getState()
      .setDraftFromMap({ geometry: edited, measure: null, canUndo: true, canRedo: false, drawing: false });
    expect(await store.getState().saveSketch()).toBe(true);
    const [put] = server.writes();
    expect(put).toMatchObject({ method: 'PUT', url: `/api/sketches/${A}` });
    expect(put?.body).toMatchObject({ version: 3, geometry: edited, title: current.properties.title });
    expect(store.getState().sketches[0]?.properties.version).toBe(4);
  });

  it('shows PostGIS’s reason and the fault on the map, and re-saves with repair only when asked', async () => {
    const repaired = { type: 'MultiPolygon', coordinates: [square(12.1, 55.45).coordinates] };
    let calls = 0;
    const { store, server } = await plannerStore({
      'POST /api/sketches': () =>
        ++calls === 1
          ? problem(400, {
              type: 'https://koege.example/problems/invalid-geometry',
              title: 'Invalid geometry',
              detail: 'Self-intersection[12.105 55.455]',
              'invalid-params': [{ name: 'geometry', reason: 'Self-intersection' }],
              geometry_fault: { reason: 'Self-intersection', location: [12.105, 55.455], repairable: true, repaired },
            })
          : json(201, sketch(A, { change: 'created' })),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
    });
    store.getState().startSketchDrawing('polygon');
    store.getState().setDraftFromMap({
      geometry: square(12.1, 55.45),
      measure: null,
      canUndo: true,
      canRedo: false,
      drawing: false,
    });
    store.getState().setSketchAttributes({ title: 'Sløjfe' });
    expect(await store.getState().saveSketch()).toBe(false);
    expect(store.getState().sketchProblem).toMatchObject({
      kind: 'fault',
      fault: { reason: 'Self-intersection', repairable: true },
    });
    expect(store.getState().sketchOverlay.fault).toEqual({ location: [12.105, 55.455], repaired });
    expect(store.getState().sketchEditor).not.toBeNull();
    expect((server.writes()[0]?.body as Record<string, unknown>).repair).toBeUndefined();

    expect(await store.getState().saveSketch({ repair: true })).toBe(true);
    expect((server.writes()[1]?.body as Record<string, unknown>).repair).toBe(true);
    expect(store.getState().sketchOverlay.fault).toBeNull();
  });

  it('says someone else saved first (412) and reloads their version into the form on request', async () => {
    const theirs = sketch(A, { version: 5, title: 'Deres titel' }, square(12.3, 55.5));
    const { store } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A, { version: 4 })] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`PUT /api/sketches/${A}`]: () => problem(412, { detail: 'stale', current_version: 5 }),
      [`GET /api/sketches/${A}`]: () => json(200, theirs),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    store.getState().editSelectedSketch();
    expect(await store.getState().saveSketch()).toBe(false);
    expect(store.getState().sketchProblem).toEqual({ kind: 'stale', currentVersion: 5 });

    await store.getState().reloadEditedSketch();
    expect(store.getState()).toMatchObject({
      sketchProblem: null,
      sketchEditor: { id: A, version: 5, attributes: { title: 'Deres titel' } },
      drawCommand: { kind: 'load', geometry: theirs.geometry },
    });
    expect(store.getState().sketches[0]).toEqual(theirs);
  });

  it('sends nothing for a visitor', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => json(200, { user: null }) });
    const store = createAppStore({ api: httpApi });
    await store.getState().loadMe();
    store.getState().startSketchDrawing('point');
    store.getState().setDraftFromMap({
      geometry: { type: 'Point', coordinates: [12.1, 55.45] },
      measure: null,
      canUndo: false,
      canRedo: false,
      drawing: false,
    });
    store.getState().setSketchAttributes({ title: 'x' });
    expect(await store.getState().saveSketch()).toBe(false);
    expect(server.writes()).toEqual([]);
  });
});

describe('versions, restore and delete', () => {
  it('views an old version on the map and restores it as a new version with the version seen', async () => {
    const old = sketch(A, { version: 1, title: 'Første' }, square(12.0, 55.4));
    const { store, server } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A, { version: 2 })] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`GET /api/sketches/${A}/versions/1`]: () => json(200, old),
      [`POST /api/sketches/${A}/restore`]: () =>
        json(200, sketch(A, { version: 3, change: 'restored', restored_from: 1, title: 'Første' })),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    await store.getState().viewSketchVersion(1);
    expect(store.getState().sketchOverlay.preview).toEqual(old);

    expect(await store.getState().restoreSketchVersion(1)).toBe(true);
    const [restore] = server.writes();
    expect(restore?.body).toEqual({ from_version: 1, version: 2 });
    expect(restore?.headers['x-csrf-token']).toBe(CSRF);
    expect(store.getState().sketchOverlay.preview).toBeNull();
    expect(store.getState().selectedSketch?.properties).toMatchObject({ version: 3, restored_from: 1 });
    expect(store.getState().sketchNotice).toEqual({ kind: 'restored', title: 'Første', version: 3, from: 1 });
  });

  it('soft-deletes with the version seen and undoes it', async () => {
    const { store, server } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A, { version: 2 })] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`DELETE /api/sketches/${A}`]: () => json(200, sketch(A, { version: 2, deleted_at: '2026-03-02T09:00:00Z' })),
      [`POST /api/sketches/${A}/undelete`]: () => json(200, sketch(A, { version: 2 })),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    expect(await store.getState().deleteSelectedSketch()).toBe(true);
    expect(server.writes()[0]).toMatchObject({ method: 'DELETE', url: `/api/sketches/${A}?version=2` });
    expect(store.getState()).toMatchObject({ sketches: [], selectedSketchId: null, sketchNotice: { kind: 'deleted' } });
    expect(store.getState().deletedSketch?.id).toBe(A);

    expect(await store.getState().undeleteSketch()).toBe(true);
    expect(store.getState()).toMatchObject({ selectedSketchId: A, deletedSketch: null });
    expect(store.getState().sketches.map((s) => s.id)).toEqual([A]);
  });

  it('reloads the sketch when a delete was stale', async () => {
    const { store } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A, { version: 2 })] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`DELETE /api/sketches/${A}`]: () => problem(412, { current_version: 3 }),
      [`GET /api/sketches/${A}`]: () => json(200, sketch(A, { version: 3 })),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    expect(await store.getState().deleteSelectedSketch()).toBe(false);
    expect(store.getState().sketchProblem).toEqual({ kind: 'stale', currentVersion: 3 });
    expect(store.getState().selectedSketch?.properties.version).toBe(3);
  });
});

describe('constraints and comparison', () => {
  const report: ConstraintReport = {
    geometry_area_m2: 70_000,
    geometry_length_m: null,
    checked_at: '2026-03-01T10:00:00Z',
    items: [
      {
        kind: 'flood',
        ref: 'flood-1.80-with_dike',
        name: 'Stormflod 1,80 m med dige',
        layer_id: null,
        accuracy: 'illustrative',
        level_m: 1.8,
        dike: 'with',
        overlap_area_m2: 7_000,
        overlap_share: 0.1,
        geometry: square(12.1, 55.45, 0.001),
      },
    ],
  };

  it('checks the draft of an edit, leaving the edited sketch out, and draws the overlaps', async () => {
    const { store, server } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A)] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      'POST /api/constraints': () => json(200, report),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    store.getState().editSelectedSketch();
    await store.getState().checkDraftConstraints();
    expect(server.writes()[0]?.body).toEqual({ geometry: sketch(A).geometry, exclude_sketch: A });
    expect(store.getState()).toMatchObject({ constraintTarget: { kind: 'draft' }, constraintStatus: 'ready' });
    expect(store.getState().sketchOverlay.constraints).toEqual(report.items);
    store.getState().highlightConstraint('flood-1.80-with_dike');
    expect(store.getState().sketchOverlay.highlightedConstraintRef).toBe('flood-1.80-with_dike');
    store.getState().cancelSketchEdit();
    expect(store.getState().sketchOverlay).toMatchObject({ constraints: null, highlightedConstraintRef: null });
  });

  it('checks a saved sketch by its id', async () => {
    const { store, server } = await plannerStore({
      'GET /api/sketches': () => json(200, { type: 'FeatureCollection', features: [sketch(A, { version: 2 })] }),
      [`GET /api/sketches/${A}/versions`]: () => json(200, { versions: [] }),
      [`GET /api/sketches/${A}/constraints`]: () => json(200, report),
    });
    await store.getState().loadSketches();
    store.getState().selectSketch(A);
    await store.getState().checkSketchConstraints();
    expect(server.sent.some((r) => r.url === `/api/sketches/${A}/constraints`)).toBe(true);
    expect(store.getState().constraintTarget).toEqual({ kind: 'sketch', id: A, version: 2 });
    expect(store.getState().constraintReport).toEqual(report);
  });

  it('compares two sketches and hands the difference to the map', async () => {
    const comparison = {
      a: { id: A, version: 1, title: 'A', area_m2: 100, length_m: null, constraints: [] },
      b: { id: B, version: 1, title: 'B', area_m2: 80, length_m: null, constraints: [] },
      intersection_area_m2: 30,
      only_a_area_m2: 70,
      only_b_area_m2: 50,
      union_area_m2: 150,
      only_a: square(12.1, 55.45),
      only_b: null,
      intersection: square(12.105, 55.455, 0.002),
    };
    const { store, server } = await plannerStore({ 'GET /api/sketches/compare': () => json(200, comparison) });
    store.getState().setSketchCompareIds({ a: A, b: B });
    await store.getState().compareSketches();
    expect(server.sent.at(-1)?.url).toBe(`/api/sketches/compare?a=${A}&b=${B}`);
    expect(store.getState().sketchOverlay.comparison).toEqual({
      only_a: comparison.only_a,
      only_b: null,
      intersection: comparison.intersection,
    });
    store.getState().setSketchCompareIds({ a: A, b: null });
    expect(store.getState()).toMatchObject({ sketchComparison: null, sketchOverlay: { comparison: null } });
  });
});

describe('import', () => {
  const file = { name: 'udvidelse.geojson', data: new Blob(['{"type":"FeatureCollection","features":[]}']) };
  const preview = {
    crs: 'EPSG:25832',
    crs_reason: 'detected from coordinate range',
    source_format: 'geojson',
    feature_count: 2,
    features: [
      {
        index: 0,
        geometry: square(12.1, 55.45),
        properties: { title: 'Øst', proposed_use: '31', note: '', action_number: null },
        fault: null,
      },
      {
        index: 1,
        geometry: square(12.2, 55.45),
        properties: { title: 'Vest', proposed_use: '31', note: '', action_number: null },
        fault: null,
      },
    ],
    valid: true,
  };

  it('sends the file as a dry run, shows its features on the map, and saves all of them on request', async () => {
    const { store, server } = await plannerStore({
      'POST /api/sketches/import': (request) =>
        request.url.includes('dry_run=true')
          ? json(200, preview)
          : json(201, { created: [sketch(A, { change: 'imported' }), sketch(B, { change: 'imported' })] }),
    });
    await store.getState().previewSketchImport(file, '41');
    const [dryRun] = server.writes();
    expect(dryRun).toMatchObject({
      url: '/api/sketches/import?dry_run=true&proposed_use=41',
      headers: { 'content-type': 'application/geo+json', 'x-csrf-token': CSRF },
      body: '{"type":"FeatureCollection","features":[]}',
    });
    expect(store.getState().sketchImport).toMatchObject({ status: 'ready', preview });
    expect(store.getState().sketchOverlay.imported?.features.map((f) => f.properties)).toEqual([
      { index: 0, title: 'Øst', faulty: false },
      { index: 1, title: 'Vest', faulty: false },
    ]);
    expect(store.getState().sketches).toEqual([]);

    expect(await store.getState().commitSketchImport()).toBe(true);
    expect(server.writes()[1]?.url).toBe('/api/sketches/import?dry_run=false&proposed_use=41');
    expect(store.getState().sketches.map((s) => s.id)).toEqual([A, B]);
    expect(store.getState()).toMatchObject({
      sketchImport: null,
      sketchOverlay: { imported: null },
      sketchNotice: { kind: 'imported', count: 2 },
    });
  });

  it('lists a feature without readable geometry with its fault, and draws only the others', async () => {
    // The contract allows `geometry: null` in a preview (shared/schemas/sketchExchange.ts); the hand-written
    // client type said otherwise until the types were derived from the contract (issue #17).
    const fault = { reason: 'no geometry', location: null, repairable: false, repaired: null };
    const withEmpty = {
      ...preview,
      valid: false,
      features: [preview.features[0]!, { ...preview.features[1]!, geometry: null, fault }],
    };
    const { store } = await plannerStore({ 'POST /api/sketches/import': () => json(200, withEmpty) });
    await store.getState().previewSketchImport(file, '31');
    expect(store.getState().sketchImport).toMatchObject({ status: 'ready', preview: withEmpty });
    expect(store.getState().sketchOverlay.imported?.features.map((f) => f.properties)).toEqual([
      { index: 0, title: 'Øst', faulty: false },
    ]);
  });

  it('shows the server’s message for a bad file and saves nothing', async () => {
    const { store, server } = await plannerStore({
      'POST /api/sketches/import': () => problem(400, { title: 'Bad import', detail: 'not a GeoJSON document' }),
    });
    await store.getState().previewSketchImport(file, '31');
    expect(store.getState().sketchImport).toMatchObject({
      status: 'error',
      error: 'Bad import: not a GeoJSON document',
      preview: null,
    });
    expect(await store.getState().commitSketchImport()).toBe(false);
    expect(server.writes()).toHaveLength(1);
  });

  it('does not send a file of another type', async () => {
    const { store, server } = await plannerStore({});
    await store.getState().previewSketchImport({ name: 'plan.shp', data: new Blob(['x']) }, '31');
    expect(store.getState().sketchImport?.status).toBe('unsupported');
    expect(server.writes()).toEqual([]);
  });
});
