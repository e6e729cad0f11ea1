import type { Geometry } from 'geojson';
import type { SketchMeasure } from './measureSketch';
import type { AppSlice } from '../../store/AppState';

/** What a click on the map does in the sketch tab: nothing ('off'), draw one of three kinds, or edit ('select'). */
export const DRAW_MODES = ['off', 'polygon', 'linestring', 'point', 'select'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];

/** A command for the map's drawing tool; `seq` grows with each, so the same command twice runs twice. */
export interface DrawCommand {
  kind: 'undo' | 'redo' | 'clear' | 'load';
  /** The geometry to edit (EPSG:4326), with 'load'. */
  geometry?: Geometry | null;
  seq: number;
}

/** What the map reports after every change of the draft. */
export interface DraftReport {
  geometry: Geometry | null;
  measure: SketchMeasure | null;
  canUndo: boolean;
  canRedo: boolean;
  /** A shape is being drawn and is not finished yet (its measure is live, `geometry` is the last finished one). */
  drawing: boolean;
}

/**
 * The sketch being drawn or edited on the map (issue #6). The map (client/src/map/SketchDrawController.ts) owns
 * the drawing and writes it here; the sketch panel reads it, saves `draftGeometry` and sends commands.
 */
export interface SketchDrawSlice {
  drawMode: DrawMode;
  setDrawMode(mode: DrawMode): void;
  /** The one finished geometry being drawn or edited, EPSG:4326; null when there is none. */
  draftGeometry: Geometry | null;
  /** Live measure of what is on the map, the unfinished shape included (m², m); null without a shape. */
  draftMeasure: SketchMeasure | null;
  /** True while a shape is being drawn: `draftGeometry` is not it yet, so there is nothing new to save. */
  drawingInProgress: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Snap to the sketch's own vertices and to the vertices of plots, zones and other sketches near the cursor. */
  snapping: boolean;
  setSnapping(on: boolean): void;
  undoDraw(): void;
  redoDraw(): void;
  /** Drops the draft and its undo history (after saving, or to start over). */
  clearDraft(): void;
  /** Puts a geometry on the map to edit (a saved sketch's), with a fresh undo history; null clears. */
  loadDraft(geometry: Geometry | null): void;
  /** The newest command for the map; it runs each `seq` once. */
  drawCommand: DrawCommand | null;
  /** Only the map calls this. */
  setDraftFromMap(report: DraftReport): void;
}

export const createSketchDrawSlice: AppSlice<SketchDrawSlice> = (set, get) => {
  const command = (kind: DrawCommand['kind'], geometry?: Geometry | null): DrawCommand => ({
    kind,
    ...(geometry !== undefined ? { geometry } : {}),
    seq: (get().drawCommand?.seq ?? 0) + 1,
  });
  return {
    drawMode: 'off',
    setDrawMode: (drawMode) => set({ drawMode }),
    draftGeometry: null,
    draftMeasure: null,
    drawingInProgress: false,
    canUndo: false,
    canRedo: false,
    snapping: true,
    setSnapping: (snapping) => set({ snapping }),
    undoDraw: () => set({ drawCommand: command('undo') }),
    redoDraw: () => set({ drawCommand: command('redo') }),
    clearDraft: () =>
      set({
        drawCommand: command('clear'),
        draftGeometry: null,
        draftMeasure: null,
        drawingInProgress: false,
        canUndo: false,
        canRedo: false,
      }),
    // The geometry shows in the panel at once; its measure follows from the map, which may still be loading.
    loadDraft: (geometry) =>
      set({
        drawCommand: command('load', geometry),
        draftGeometry: geometry,
        draftMeasure: null,
        drawingInProgress: false,
        canUndo: false,
        canRedo: false,
      }),
    drawCommand: null,
    setDraftFromMap: ({ geometry, measure, canUndo, canRedo, drawing }) =>
      set({ draftGeometry: geometry, draftMeasure: measure, canUndo, canRedo, drawingInProgress: drawing }),
  };
};
