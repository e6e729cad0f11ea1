/**
 * Source and style-layer ids. Every map layer of the API becomes one source and a few style layers;
 * these functions are the only place their names are made, so tests and e2e checks can rely on them.
 */

/** The plain background under everything. */
export const BACKGROUND_LAYER_ID = 'background';
/** The optional online raster basemap (only when VITE_BASEMAP_URL is set). */
export const BASEMAP_SOURCE_ID = 'basemap';
export const BASEMAP_LAYER_ID = 'basemap';

/** The vector-tile (polygons, lines) or GeoJSON (points) source holding one API layer's features. */
export function sourceId(layerId: string): string {
  return `src-${layerId}`;
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

/** Circles of a point layer (no text labels: the style is offline and has no glyphs). */
export function circleLayerId(layerId: string): string {
  return `${layerId}-circle`;
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
export const DIKE_LAYER_ID = 'koege-dige';

/** The municipality's outline: the presentation frames it for an initiative without sites. */
export const MUNICIPALITY_LAYER_ID = 'municipality';
