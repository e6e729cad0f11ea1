import { DEFAULT_LIMIT, MAX_LIMIT, OGC_CRS } from './ogcParams';
import { GEOJSON_TYPE, JSON_TYPE } from './ogcDocuments';

const PROBLEM = {
  description: 'The request is at fault (the parameter is named), or the resource is not there',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          'invalid-params': {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const LINK = {
  type: 'object',
  required: ['href', 'rel'],
  properties: {
    href: { type: 'string' },
    rel: { type: 'string' },
    type: { type: 'string' },
    title: { type: 'string' },
  },
};
const LINKS = { type: 'array', items: { $ref: '#/components/schemas/link' } };

const FEATURE = {
  type: 'object',
  required: ['type', 'geometry', 'properties'],
  properties: {
    type: { type: 'string', enum: ['Feature'] },
    id: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    geometry: { type: 'object', nullable: true },
    properties: { type: 'object', nullable: true },
    links: LINKS,
  },
};

const json = (schema: object, description: string, type = JSON_TYPE) => ({
  description,
  content: { [type]: { schema } },
});

const f = (values: string[]) => ({
  name: 'f',
  in: 'query',
  required: false,
  description: 'Encoding; JSON is the only one offered',
  schema: { type: 'string', enum: values },
});

/**
 * The OpenAPI 3.0 definition of /ogc (Part 1's oas30 conformance class), served at /ogc/api. Written out by hand:
 * the app's own /docs document describes query values as text, which says too little about limit or bbox.
 */
export function ogcOpenApi(base: string, collectionIds: readonly string[]) {
  const crsParam = (name: 'crs' | 'bbox-crs', description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string', format: 'uri', enum: [...OGC_CRS], default: OGC_CRS[0] },
  });
  const collectionId = {
    name: 'collectionId',
    in: 'path',
    required: true,
    description: 'A collection: a map layer, or the planners’ sketches',
    schema: { type: 'string', enum: [...collectionIds] },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Køge Erhvervskort – OGC API Features',
      version: '1.0.0',
      description:
        'Business land, energy sites, climate layers and planners’ sketches of Køge Kommune. Coordinates in CRS84 ' +
        '(lon, lat) by default, or EPSG:25832 (easting, northing) with the crs parameter.',
    },
    servers: [{ url: base }],
    paths: {
      '/': {
        get: {
          summary: 'Landing page',
          operationId: 'getLandingPage',
          parameters: [f(['json'])],
          responses: {
            200: json({ $ref: '#/components/schemas/landingPage' }, 'Links to the API’s parts'),
            400: PROBLEM,
          },
        },
      },
      '/conformance': {
        get: {
          summary: 'Conformance classes',
          operationId: 'getConformance',
          parameters: [f(['json'])],
          responses: {
            200: json(
              { type: 'object', properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
              'The conformance classes implemented',
            ),
            400: PROBLEM,
          },
        },
      },
      '/api': {
        get: {
          summary: 'This API definition',
          operationId: 'getApiDefinition',
          parameters: [f(['json'])],
          responses: { 200: json({ type: 'object' }, 'OpenAPI 3.0', 'application/vnd.oai.openapi+json;version=3.0') },
        },
      },
      '/collections': {
        get: {
          summary: 'The collections',
          operationId: 'getCollections',
          parameters: [f(['json'])],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  links: LINKS,
                  collections: { type: 'array', items: { $ref: '#/components/schemas/collection' } },
                  crs: { type: 'array', items: { type: 'string' } },
                },
              },
              'Every map layer, and the sketches',
            ),
            400: PROBLEM,
          },
        },
      },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          operationId: 'describeCollection',
          parameters: [collectionId, f(['json'])],
          responses: {
            200: json({ $ref: '#/components/schemas/collection' }, 'The collection'),
            400: PROBLEM,
            404: PROBLEM,
          },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection',
          operationId: 'getFeatures',
          parameters: [
            collectionId,
            {
              name: 'bbox',
              in: 'query',
              required: false,
              description: 'Features intersecting minx,miny,maxx,maxy (or six numbers with heights) in bbox-crs',
              style: 'form',
              explode: false,
              schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
            },
            crsParam('bbox-crs', 'CRS of bbox'),
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: `Features per page; values above ${MAX_LIMIT} give ${MAX_LIMIT}`,
              style: 'form',
              explode: false,
              schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
            },
            {
              name: 'offset',
              in: 'query',
              required: false,
              description: 'Features to skip; the next links carry it',
              schema: { type: 'integer', minimum: 0, default: 0 },
            },
            crsParam('crs', 'CRS of the coordinates in the response'),
            f(['json', 'geojson']),
          ],
          responses: {
            200: {
              description: 'One page of features (GeoJSON)',
              headers: { 'Content-Crs': { schema: { type: 'string' }, description: 'The CRS of the coordinates' } },
              content: {
                [GEOJSON_TYPE]: {
                  schema: {
                    type: 'object',
                    required: ['type', 'features'],
                    properties: {
                      type: { type: 'string', enum: ['FeatureCollection'] },
                      features: { type: 'array', items: FEATURE },
                      links: LINKS,
                      timeStamp: { type: 'string', format: 'date-time' },
                      numberMatched: { type: 'integer', minimum: 0 },
                      numberReturned: { type: 'integer', minimum: 0 },
                    },
                  },
                },
              },
            },
            400: PROBLEM,
            404: PROBLEM,
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          operationId: 'getFeature',
          parameters: [
            collectionId,
            { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
            crsParam('crs', 'CRS of the coordinates in the response'),
            f(['json', 'geojson']),
          ],
          responses: {
            200: {
              description: 'The feature (GeoJSON)',
              headers: { 'Content-Crs': { schema: { type: 'string' }, description: 'The CRS of the coordinates' } },
              content: { [GEOJSON_TYPE]: { schema: FEATURE } },
            },
            400: PROBLEM,
            404: PROBLEM,
          },
        },
      },
    },
    components: {
      schemas: {
        link: LINK,
        landingPage: {
          type: 'object',
          required: ['links'],
          properties: { title: { type: 'string' }, description: { type: 'string' }, links: LINKS },
        },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            links: LINKS,
            extent: { type: 'object' },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
            storageCrs: { type: 'string' },
          },
        },
      },
    },
  };
}
