import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common';

/**
 * An online raster basemap (issue #16): one URL template MapLibre expands, with {z}/{x}/{y}, {quadkey} or
 * {bbox-epsg-3857}, in Web Mercator tiles. A token in the URL is the operator's choice and goes to the browser.
 */
export const RasterBasemap = Type.Object({
  kind: Type.Literal('raster'),
  tiles: Type.String({ maxLength: 2000 }),
  /** Edge of one tile, in CSS pixels. */
  tileSize: Type.Union([Type.Literal(256), Type.Literal(512)]),
  /** The deepest zoom the tile server has; MapLibre overzooms beyond it. */
  maxZoom: Type.Integer({ minimum: 0, maximum: 24 }),
  /** Plain text, never HTML: the client escapes it before the attribution control shows it. */
  attribution: Nullable(Type.String({ maxLength: 500 })),
});
export type RasterBasemap = Static<typeof RasterBasemap>;

/** An online basemap given as a MapLibre style JSON: its sources and layers go under the offline layers. */
export const StyleBasemap = Type.Object({
  kind: Type.Literal('style'),
  url: Type.String({ maxLength: 2000 }),
  attribution: Nullable(Type.String({ maxLength: 500 })),
});
export type StyleBasemap = Static<typeof StyleBasemap>;

export const Basemap = Type.Union([RasterBasemap, StyleBasemap]);
export type Basemap = Static<typeof Basemap>;

/** What the browser needs to set up its map, read from the server's environment at start (GET /api/map-config). */
export const MapConfig = Type.Object({
  /** Null: the map is fully offline, the default. */
  basemap: Nullable(Basemap),
});
export type MapConfig = Static<typeof MapConfig>;
