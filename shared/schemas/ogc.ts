import { Type, type Static } from '@sinclair/typebox';
import { Geometry } from './geojson';

/** A link of OGC API – Features (Part 1, §7.2: rel, type, title, href). */
export const OgcLink = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
export type OgcLink = Static<typeof OgcLink>;

export const OgcLandingPage = Type.Object({
  title: Type.String(),
  description: Type.String(),
  links: Type.Array(OgcLink),
});

export const OgcConformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

/** A collection's metadata; `crs` and `storageCrs` are Part 2's. */
export const OgcCollection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  itemType: Type.Literal('feature'),
  links: Type.Array(OgcLink),
  extent: Type.Optional(
    Type.Object({
      spatial: Type.Object({
        bbox: Type.Array(Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()])),
        crs: Type.String(),
      }),
    }),
  ),
  crs: Type.Array(Type.String()),
  storageCrs: Type.String(),
});
export type OgcCollection = Static<typeof OgcCollection>;

export const OgcCollections = Type.Object({
  links: Type.Array(OgcLink),
  collections: Type.Array(OgcCollection),
  crs: Type.Array(Type.String()),
});

/** Properties differ between collections (plots, parcels, sketches): they are passed through as they are. */
const OgcProperties = Type.Object({}, { additionalProperties: true });

export const OgcFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Union([Type.String(), Type.Number()]),
  geometry: Geometry,
  properties: OgcProperties,
  links: Type.Optional(Type.Array(OgcLink)),
});
export type OgcFeature = Static<typeof OgcFeature>;

export const OgcFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(OgcFeature),
  links: Type.Array(OgcLink),
  timeStamp: Type.String({ format: 'date-time' }),
  numberMatched: Type.Integer(),
  numberReturned: Type.Integer(),
});

const QueryText = (description: string, maxLength = 200) => Type.Optional(Type.String({ maxLength, description }));
const Format = QueryText('json (the only encoding offered; GeoJSON for features)', 20);

export const OgcFormatQuery = Type.Object({ f: Format }, { additionalProperties: false });

export const OgcItemsQuery = Type.Object(
  {
    bbox: QueryText('minx,miny,maxx,maxy (or with minz/maxz) in bbox-crs; default CRS84 lon/lat'),
    'bbox-crs': QueryText('CRS of bbox: CRS84 (default) or EPSG:25832 as an OGC URI'),
    limit: QueryText('features per page, 1–1000 (larger values give 1000); default 10', 20),
    offset: QueryText('features to skip (the next links carry it)', 20),
    crs: QueryText('CRS of the response: CRS84 (default) or EPSG:25832 as an OGC URI'),
    f: Format,
  },
  { additionalProperties: false },
);
export type OgcItemsQuery = Static<typeof OgcItemsQuery>;

export const OgcItemQuery = Type.Object(
  { crs: OgcItemsQuery.properties.crs, f: Format },
  { additionalProperties: false },
);

/** The OpenAPI 3.0 document of /ogc, sent as bytes (application/vnd.oai.openapi+json;version=3.0). */
export const OgcApiDocument = Type.Unsafe<Buffer>({
  type: 'object',
  description: 'OpenAPI 3.0 document (application/vnd.oai.openapi+json;version=3.0)',
});
