import { Type, type Static } from '@sinclair/typebox';

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });

/** RFC 7946 geometry in EPSG:4326 (lon, lat). Coordinates are left loose: PostGIS produced them. */
export const Geometry = Type.Object({
  type: Type.Union([
    Type.Literal('Point'),
    Type.Literal('MultiPoint'),
    Type.Literal('LineString'),
    Type.Literal('MultiLineString'),
    Type.Literal('Polygon'),
    Type.Literal('MultiPolygon'),
  ]),
  coordinates: Type.Array(Type.Unknown()),
});
export type Geometry = Static<typeof Geometry>;

export const Bbox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);
export type Bbox = Static<typeof Bbox>;

export { Position };
