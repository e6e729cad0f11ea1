import type { OgcCollection, OgcLink } from '@shared/schemas/ogc';
import type { OgcCollectionInfo } from './ogcRepository';
import { CRS84, EPSG_25832_URI, OGC_CRS } from './ogcParams';

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** Part 1 Core with GeoJSON and OpenAPI 3.0, and Part 2 (CRS by reference). */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

/** `base` is the public address of /ogc (PUBLIC_URL + '/ogc'), never taken from the request's Host header. */
export function landingPage(base: string) {
  return {
    title: 'Køge Erhvervskort – OGC API Features',
    description:
      'Køge Kommune’s business land, energy sites, climate layers and planners’ sketches as OGC API – Features ' +
      '(Part 1 Core, GeoJSON; Part 2 CRS: CRS84 and EPSG:25832).',
    links: [
      { href: base, rel: 'self', type: JSON_TYPE, title: 'This document' },
      { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'The API definition (OpenAPI 3.0)' },
      { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      {
        href: `${base}/conformance`,
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance',
        type: JSON_TYPE,
        title: 'Conformance classes',
      },
      { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
      {
        href: `${base}/collections`,
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/data',
        type: JSON_TYPE,
        title: 'Collections',
      },
    ] satisfies OgcLink[],
  };
}

/** A collection's metadata with its links; `storageCrs` is EPSG:25832, the database's CRS. */
export function collectionDocument(base: string, c: OgcCollectionInfo): OgcCollection {
  const self = `${base}/collections/${encodeURIComponent(c.id)}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    links: [
      { href: self, rel: 'self', type: JSON_TYPE, title: c.title },
      { href: `${self}/items`, rel: 'items', type: GEOJSON_TYPE, title: `${c.title}: features` },
    ],
    ...(c.bbox ? { extent: { spatial: { bbox: [c.bbox], crs: CRS84 } } } : {}),
    crs: [...OGC_CRS],
    storageCrs: EPSG_25832_URI,
  };
}

export function collectionsDocument(base: string, collections: readonly OgcCollectionInfo[]) {
  return {
    links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'Collections' }] satisfies OgcLink[],
    collections: collections.map((c) => collectionDocument(base, c)),
    crs: [...OGC_CRS],
  };
}

/**
 * Links of one page of items: self, the collection, and next/prev while there are more. Each carries the
 * parameters the client gave (bbox, its CRS, the output CRS) so that paging keeps the same query.
 */
export function itemsLinks({
  base,
  collectionId,
  params,
  limit,
  offset,
  numberMatched,
  numberReturned,
}: {
  base: string;
  collectionId: string;
  params: Readonly<Record<string, string | undefined>>;
  limit: number;
  offset: number;
  numberMatched: number;
  numberReturned: number;
}): OgcLink[] {
  const collection = `${base}/collections/${encodeURIComponent(collectionId)}`;
  const href = (at: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
    q.set('limit', String(limit));
    if (at > 0) q.set('offset', String(at));
    return `${collection}/items?${q.toString()}`;
  };
  const links: OgcLink[] = [
    { href: href(offset), rel: 'self', type: GEOJSON_TYPE, title: 'This page' },
    { href: collection, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
  if (offset + numberReturned < numberMatched) {
    links.push({ href: href(offset + limit), rel: 'next', type: GEOJSON_TYPE, title: 'Next page' });
  }
  if (offset > 0) {
    links.push({ href: href(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON_TYPE, title: 'Previous page' });
  }
  return links;
}

export function itemLinks(base: string, collectionId: string, featureId: string): OgcLink[] {
  const collection = `${base}/collections/${encodeURIComponent(collectionId)}`;
  return [
    {
      href: `${collection}/items/${encodeURIComponent(featureId)}`,
      rel: 'self',
      type: GEOJSON_TYPE,
      title: 'This feature',
    },
    { href: collection, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
}
