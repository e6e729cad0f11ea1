import { Type, type Static } from '@sinclair/typebox';
import { Slug, Theme } from './common';

export const GeometryKind = Type.Union([Type.Literal('polygon'), Type.Literal('line'), Type.Literal('point')]);
export type GeometryKind = Static<typeof GeometryKind>;

/**
 * How a layer's features are named on the map: from `min_zoom` on, at the feature (`point`: points and polygon
 * interiors) or along it (`line`), in the layer's colour with a halo. The text is the feature's `label`
 * attribute (a road number, a short name) or else its name; `rank` (1 first) decides which names win where
 * they collide, and names of rank 3 and above wait until `min_zoom` + 2.
 */
export const LabelStyle = Type.Object({
  min_zoom: Type.Integer({ minimum: 0, maximum: 22 }),
  placement: Type.Optional(Type.Union([Type.Literal('point'), Type.Literal('line')])),
  size: Type.Optional(Type.Number({ minimum: 8, maximum: 24 })),
  color: Type.Optional(Type.String()),
  font: Type.Optional(Type.Union([Type.Literal('regular'), Type.Literal('medium'), Type.Literal('italic')])),
  /** A place name with no symbol under it: the layer draws text only and takes no clicks. */
  text_only: Type.Optional(Type.Boolean()),
});
export type LabelStyle = Static<typeof LabelStyle>;

/** Paint hints of a layer. `fill: "by-tender-status"` means: colour by the feature's tender status. */
export const LayerStyle = Type.Object({
  fill: Type.Optional(Type.String()),
  line: Type.Optional(Type.String()),
  width: Type.Optional(Type.Number()),
  dash: Type.Optional(Type.Array(Type.Number())),
  label: Type.Optional(LabelStyle),
  /** The credit line of the layer's data source, shown in the map's attribution. */
  attribution: Type.Optional(Type.String()),
});
export type LayerStyle = Static<typeof LayerStyle>;

export const Layer = Type.Object({
  id: Slug,
  title: Type.Object({ da: Type.String(), en: Type.String() }),
  theme: Theme,
  geometry_type: GeometryKind,
  style: LayerStyle,
  sort_order: Type.Integer(),
  /** Zoom range in which the layer is drawn (and tiles are served). */
  min_zoom: Type.Integer({ minimum: 0, maximum: 22 }),
  max_zoom: Type.Integer({ minimum: 0, maximum: 22 }),
  /** How the client gets the geometry: vector tiles (polygons, lines) or GeoJSON (points). */
  delivery: Type.Union([Type.Literal('tiles'), Type.Literal('geojson')]),
  /** Changes with every edit of the layer's features; part of tile cache keys. */
  version: Type.Integer(),
  /**
   * For a tile layer served with others as one tileset: its id and version. Its tiles are then
   * `/tiles/sets/{id}/{z}/{x}/{y}.mvt?v={version}`, where the layer is the source-layer named after it; null
   * when the layer has tiles of its own (`/tiles/{layer id}/…`) or none (points).
   */
  tileset: Type.Union([
    Type.Object({ id: Slug, version: Type.String({ description: 'changes when any member layer changes' }) }),
    Type.Null(),
  ]),
  feature_count: Type.Integer(),
  /** True when at least one feature's geometry is illustrative (invented to fit the facts). */
  illustrative: Type.Boolean(),
  /** Where an imported register layer comes from (`npm run import`); null for the seed's own layers. */
  source: Type.Union([
    Type.Object({
      name: Type.String(),
      licence: Type.String(),
      imported_at: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
  /** [west, south, east, north] in EPSG:4326, null for an empty layer. */
  bbox: Type.Union([Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]), Type.Null()]),
});
export type Layer = Static<typeof Layer>;

export const LayerList = Type.Object({ layers: Type.Array(Layer) });
export type LayerList = Static<typeof LayerList>;
