import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';

// The draw slice makes no request: an API whose every call fails shows it.
const api = new Proxy({} as KoegeApi, {
  get: () => () => Promise.reject(new Error('no request expected')),
});

const point: Geometry = { type: 'Point', coordinates: [12.18, 55.45] };

describe('sketch draw slice', () => {
  it('numbers commands so that the same command twice runs twice', () => {
    const store = createAppStore({ api });
    store.getState().undoDraw();
    store.getState().undoDraw();
    store.getState().redoDraw();
    expect(store.getState().drawCommand).toEqual({ kind: 'redo', seq: 3 });
  });

  it('shows a loaded geometry at once, with a fresh undo state, until the map reports its measure', () => {
    const store = createAppStore({ api });
    store.getState().setDraftFromMap({
      geometry: null,
      measure: null,
      canUndo: true,
      canRedo: true,
      drawing: true,
    });
    store.getState().loadDraft(point);
    expect(store.getState()).toMatchObject({
      draftGeometry: point,
      draftMeasure: null,
      canUndo: false,
      canRedo: false,
      drawingInProgress: false,
      drawCommand: { kind: 'load', geometry: point, seq: 1 },
    });
    store.getState().clearDraft();
    expect(store.getState()).toMatchObject({ draftGeometry: null, drawCommand: { kind: 'clear', seq: 2 } });
  });

  it('mirrors what the map reports', () => {
    const store = createAppStore({ api });
    const measure = { area_m2: null, perimeter_m: null, length_m: 12 };
    store.getState().setDraftFromMap({ geometry: point, measure, canUndo: true, canRedo: false, drawing: false });
    expect(store.getState()).toMatchObject({ draftGeometry: point, draftMeasure: measure, canUndo: true });
    store.getState().setDrawMode('select');
    store.getState().setSnapping(false);
    expect(store.getState()).toMatchObject({ drawMode: 'select', snapping: false });
  });
});
