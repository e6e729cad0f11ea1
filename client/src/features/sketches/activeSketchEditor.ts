import type { Geometry } from 'geojson';
import type { SketchAttributes, SketchOverlay } from './SketchTypes';

/** The attributes form of a sketch being drawn or edited. `id` null: a new sketch. */
export interface SketchEditor {
  id: string | null;
  /** The version the edit started from, sent with the save (412 when someone saved since); null for a new one. */
  version: number | null;
  attributes: SketchAttributes;
}

/** A new sketch's attributes: Plandata 31 (erhverv), the business land this map is about. */
export const NEW_SKETCH_ATTRIBUTES: SketchAttributes = { title: '', proposed_use: '31', action_number: null, note: '' };

export const NEW_SKETCH_EDITOR: SketchEditor = { id: null, version: null, attributes: NEW_SKETCH_ATTRIBUTES };

/**
 * The form the panel shows: the open edit, or a new sketch's when the map has a draft or a draw tool on without one
 * (the drawing tool's keyboard shortcuts start drawing without the panel's buttons).
 */
export function activeSketchEditor(state: {
  sketchEditor: SketchEditor | null;
  draftGeometry: Geometry | null;
  drawMode: string;
}): SketchEditor | null {
  if (state.sketchEditor !== null) return state.sketchEditor;
  const drawing = state.drawMode === 'polygon' || state.drawMode === 'linestring' || state.drawMode === 'point';
  return state.draftGeometry !== null || drawing ? NEW_SKETCH_EDITOR : null;
}

/** The sketch panel's map overlay with nothing in it. */
export const EMPTY_SKETCH_OVERLAY: SketchOverlay = {
  preview: null,
  fault: null,
  constraints: null,
  highlightedConstraintRef: null,
  comparison: null,
  imported: null,
};
