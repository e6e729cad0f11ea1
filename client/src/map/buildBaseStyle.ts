import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { glyphsUrl } from './buildLabelSpecs';
import { BACKGROUND_LAYER_ID } from './ids';

/** Colour outside the municipality and sea polygons, which are the offline basemap. */
export const BACKGROUND_COLOR = '#e3e6e8';

/**
 * The style the map starts from: a plain background, and the label fonts from the app itself (`origin`). No
 * sprite, no remote source: the map makes no request that leaves the machine. An online basemap, when the server
 * has one, is added later (BasemapAttachment).
 */
export function buildBaseStyle({ origin }: { origin: string }): StyleSpecification {
  return {
    version: 8,
    glyphs: glyphsUrl(origin),
    sources: {},
    layers: [{ id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  };
}
