import type { ConstraintKind } from '../features/sketches/SketchTypes';

/** Colours of the sketch tab's overlays (issue #6); the map paints them from each feature's `color` property. */
export const SKETCH_COLORS = {
  /** Other live sketches: purple, apart from the plots' tender colours. */
  sketch: '#7b3294',
  /** The selected sketch, when it is not the one being edited. */
  selectedSketch: '#c51b7d',
  /** An old version being viewed. */
  preview: '#e66101',
  /** Where PostGIS found a fault, and the ST_MakeValid repair offered. */
  faultLocation: '#d7191c',
  repaired: '#1a9641',
  /** The comparison: only in A, only in B, in both. */
  onlyA: '#2c7bb6',
  onlyB: '#fdae61',
  intersection: '#5e3c99',
  /** An import's preview; a feature with a fault in red. */
  imported: '#0571b0',
  importedFaulty: '#d7191c',
  /** The draft's holes (and parts) the drawing tool cannot edit: the draft's outline colour. */
  draftFixed: '#7a0177',
  /** The vertex the keyboard moves or deletes. */
  activeVertex: '#ffffff',
  activeVertexStroke: '#d7191c',
} as const;

/** Overlap colour per constraint kind: water, earth brown for the dike setback, green for nature. */
export const CONSTRAINT_COLORS: Readonly<Record<ConstraintKind, string>> = {
  flood: '#1f78b4',
  dike_buffer: '#8c510a',
  nature: '#33a02c',
  site: '#ff7f00',
  sketch: '#7b3294',
};
