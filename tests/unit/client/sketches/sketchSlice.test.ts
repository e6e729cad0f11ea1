import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpApi } from '../../../../client/src/api/httpApi';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { A, B, CSRF, fakeServer, json, plannerStore, problem, sketch, square } from './sketchStoreFixtures';

// Each test stubs fetch with the server's answers (fakeServer).
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
