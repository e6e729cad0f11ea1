import type { Geometry as GeoJsonGeometry, GeometryCollection } from 'geojson';
import { Type, type Static } from '@sinclair/typebox';

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });

/**
 * RFC 7946 geometry in EPSG:4326 (lon, lat), as both sides see it: the precise GeoJSON type (no
 * GeometryCollection). The schema leaves coordinates loose (PostGIS produced them; request bodies are checked by
 * the geometry checks, which name the fault), so the static type is stated, not derived.
 */
export type Geometry = Exclude<GeoJsonGeometry, GeometryCollection>;
export const Geometry = Type.Unsafe<Geometry>(
  Type.Object({
    type: Type.Union([
      Type.Literal('Point'),
      Type.Literal('MultiPoint'),
      Type.Literal('LineString'),
      Type.Literal('MultiLineString'),
      Type.Literal('Polygon'),
      Type.Literal('MultiPolygon'),
    ]),
    coordinates: Type.Array(Type.Unknown()),
  }),
);

export const Bbox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);
export type Bbox = Static<typeof Bbox>;

export { Position };
