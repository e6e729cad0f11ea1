import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { glyphsUrl } from './buildLabelSpecs';
import { BACKGROUND_LAYER_ID, BASEMAP_LAYER_ID, BASEMAP_SOURCE_ID } from './ids';

/** Colour outside the municipality and sea polygons, which are the offline basemap. */
export const BACKGROUND_COLOR = '#e3e6e8';

/**
 * The style the map starts from: a plain background and, only when a raster tile URL template is
 * configured (VITE_BASEMAP_URL), an online basemap under everything. The label fonts come from the app itself
 * (`origin`); no sprite, no other remote source: without configuration the map makes no request that leaves
 * the machine.
 */
export function buildBaseStyle({
  origin,
  basemapUrl,
  basemapAttribution,
}: {
  /** The page's origin, which serves the glyphs. */
  origin: string;
  basemapUrl?: string | null;
  /** Credit line the tile provider asks for (VITE_BASEMAP_ATTRIBUTION). */
  basemapAttribution?: string | null;
}): StyleSpecification {
  const url = basemapUrl?.trim();
  const attribution = basemapAttribution?.trim();
  return {
    version: 8,
    glyphs: glyphsUrl(origin),
    sources: url
      ? {
          [BASEMAP_SOURCE_ID]: {
            type: 'raster',
            tiles: [url],
            tileSize: 256,
            maxzoom: 19,
            ...(attribution ? { attribution } : {}),
          },
        }
      : {},
    layers: [
      { id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ...(url ? [{ id: BASEMAP_LAYER_ID, type: 'raster' as const, source: BASEMAP_SOURCE_ID }] : []),
    ],
  };
}
