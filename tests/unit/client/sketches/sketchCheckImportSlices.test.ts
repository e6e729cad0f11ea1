import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConstraintReport } from '../../../../client/src/features/sketches/SketchTypes';
import { A, B, CSRF, json, plannerStore, problem, sketch, square } from './sketchStoreFixtures';

// The constraint, comparison and import slices (sketchCheckSlice, sketchImportSlice) through the real HTTP edge.

// Each test stubs fetch with the server's answers (fakeServer).
afterEach(() => {
  vi.unstubAllGlobals();
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
