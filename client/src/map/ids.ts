import type { Layer } from '@shared/schemas/layer';

/**
 * Source and style-layer ids. Every map layer of the API gets a few style layers, reading its own source or its tileset's;
 * these functions are the only place their names are made, so tests and e2e checks can rely on them.
 */

/** The plain background under everything. */
export const BACKGROUND_LAYER_ID = 'background';
/** The optional online raster basemap (only when the server has BASEMAP_URL, issue #16). */
export const BASEMAP_SOURCE_ID = 'basemap';
export const BASEMAP_LAYER_ID = 'basemap';
/** What a basemap style's (BASEMAP_STYLE_URL) source and layer ids get in front, so they meet none of ours. */
export const BASEMAP_ID_PREFIX = 'basemap:';

/** The vector-tile (polygons, lines) or GeoJSON (points) source holding one API layer's features. */
export function sourceId(layerId: string): string {
  return `src-${layerId}`;
}

/** The vector-tile source of a tileset: several API layers, one source-layer each (server/src/modules/tiles/tilesets.ts). */
export function tilesetSourceId(tilesetId: string): string {
  return `set-${tilesetId}`;
}

/** Whether a source holds API layers' features (sourceId, tilesetSourceId). */
export function isApiSourceId(source: string): boolean {
  return source.startsWith('src-') || source.startsWith('set-');
}

/** The source an API layer's features are in: its tileset's, or its own. */
export function layerSourceId(layer: Pick<Layer, 'id' | 'tileset'>): string {
  return layer.tileset ? tilesetSourceId(layer.tileset.id) : sourceId(layer.id);
}

/** Fill of a polygon layer. */
export function fillLayerId(layerId: string): string {
  return `${layerId}-fill`;
}

/** Polygon outline or line layer, for features whose geometry is not illustrative. */
export function lineLayerId(layerId: string): string {
  return `${layerId}-line`;
}

/** Dashed outline or line for features whose geometry is illustrative (the data-truth rule). */
export function illustrativeLineLayerId(layerId: string): string {
  return `${layerId}-line-illustrative`;
}

/** Circles of a point layer. */
export function circleLayerId(layerId: string): string {
  return `${layerId}-circle`;
}

/**
 * The id under which `hiddenLayerIds` (and the permalink's `off=`) hides every name on the map at once: no layer
 * has it (layer ids name data, this names the labels).
 */
export const ALL_LABELS_ID = 'labels';

/** Names written on the map for a layer's features (all of them, or those of rank 1–2 when ranked). */
export function labelLayerId(layerId: string): string {
  return `${layerId}-label`;
}

/** Names of rank 3 and beyond (villages), written from two zooms later. */
export function minorLabelLayerId(layerId: string): string {
  return `${layerId}-label-minor`;
}

/** Feature-state keys used for highlighting. */
export const STATE_HOVER = 'hover';
export const STATE_SELECTED = 'selected';
export const STATE_HIGHLIGHTED = 'highlighted';
/** Set on the plot finder's non-matching plots: a state change, not a style change, so tiles are not re-laid out. */
export const STATE_UNMATCHED = 'unmatched';

/** The layer whose plots the plot finder searches and dims on the map (issue #4). */
export const FINDER_LAYER_ID = 'koege-nord-plots';

/** The flood extent of the finder's "outside the flood" filter (issues #4, #7): one GeoJSON source, fill and outline. */
export const FLOOD_SOURCE_ID = 'flood-extent';
export const FLOOD_FILL_LAYER_ID = 'flood-extent-fill';
export const FLOOD_LINE_LAYER_ID = 'flood-extent-line';

/** Scenario B of the climate view's comparison (issue #7): a second flood source, drawn under scenario A. */
export const FLOOD_COMPARE_SOURCE_ID = 'flood-compare';
export const FLOOD_COMPARE_FILL_LAYER_ID = 'flood-compare-fill';
export const FLOOD_COMPARE_LINE_LAYER_ID = 'flood-compare-line';

/** The layer of Køge Dige's sections (issue #7). */
/** The stations and motorway junctions (points): an opened plot's frame takes in its nearest ones (issue #20). */
export const STATIONS_LAYER_ID = 'stations';
export const JUNCTIONS_LAYER_ID = 'motorway-junctions';
export const DIKE_LAYER_ID = 'koege-dige';

/** The municipality's outline: the presentation frames it for an initiative without sites. */
export const MUNICIPALITY_LAYER_ID = 'municipality';

/** The neighbouring municipalities (DAGI), drawn round it and in the locator. */
export const NEIGHBOURS_LAYER_ID = 'neighbours';

/**
 * The sketch tab's overlays (issue #6), one GeoJSON source each, drawn over the API layers and under the drawing
 * tool's own layers: the other live sketches, an old version being viewed, a geometry fault with its repair,
 * the draft's or a sketch's constraint overlaps, the comparison of two sketches, an import's preview, what of the
 * draft the drawing tool cannot edit (holes), and the vertex the keyboard edits.
 */
export const SKETCHES_SOURCE_ID = 'sketches';
export const SKETCH_PREVIEW_SOURCE_ID = 'sketch-preview';
export const SKETCH_FAULT_SOURCE_ID = 'sketch-fault';
export const SKETCH_CONSTRAINTS_SOURCE_ID = 'sketch-constraints';
export const SKETCH_COMPARE_SOURCE_ID = 'sketch-compare';
export const SKETCH_IMPORT_SOURCE_ID = 'sketch-import';
export const SKETCH_DRAFT_FIXED_SOURCE_ID = 'sketch-draft-fixed';
export const SKETCH_VERTEX_SOURCE_ID = 'sketch-vertex';

/** Every sketch overlay source, bottom to top. */
export const SKETCH_OVERLAY_SOURCE_IDS = [
  SKETCH_CONSTRAINTS_SOURCE_ID,
  SKETCH_COMPARE_SOURCE_ID,
  SKETCHES_SOURCE_ID,
  SKETCH_PREVIEW_SOURCE_ID,
  SKETCH_IMPORT_SOURCE_ID,
  SKETCH_FAULT_SOURCE_ID,
  SKETCH_DRAFT_FIXED_SOURCE_ID,
  SKETCH_VERTEX_SOURCE_ID,
] as const;
export type SketchOverlaySourceId = (typeof SKETCH_OVERLAY_SOURCE_IDS)[number];

/** A sketch overlay's style layer of one kind: `sketches-fill`, `sketch-fault-circle`, … */
export function sketchLayerId(source: SketchOverlaySourceId, kind: 'fill' | 'line' | 'circle'): string {
  return `${source}-${kind}`;
}

/** The lowest sketch overlay style layer (buildSketchLayers' first): API layers added later go under it. */
export const SKETCH_FLOOR_LAYER_ID = sketchLayerId(SKETCH_CONSTRAINTS_SOURCE_ID, 'fill');

/** The drawing tool's (terra-draw's) style layers and sources start with this. */
export const SKETCH_DRAW_PREFIX = 'sketch-draw';
