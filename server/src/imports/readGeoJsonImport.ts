import { HttpProblem } from '../plugins/errors';
import { declaredGeoJsonCrs } from './detectCrs';
import type { ImportSource, RawImportFeature } from './ImportSource';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function feature(value: unknown, name: string): RawImportFeature {
  if (!isObject(value) || value.type !== 'Feature') throw HttpProblem.badRequest(name, 'must be a GeoJSON Feature');
  const properties = value.properties ?? {};
  if (!isObject(properties)) throw HttpProblem.badRequest(`${name}.properties`, 'must be an object or null');
  // A null or odd geometry is that feature's fault, shown in the preview; the file as a whole is still read.
  return { geometry: value.geometry ?? null, properties };
}

/**
 * A parsed GeoJSON document as an import: a FeatureCollection, one Feature, or a bare Geometry (a feature
 * without attributes). The legacy `crs` member, if present, is the declared CRS. Anything else is a 400 naming
 * the part at fault (`body`, `features`, `features[3]`, `crs`).
 */
export function readGeoJsonImport(document: unknown): ImportSource {
  if (!isObject(document) || typeof document.type !== 'string') {
    throw HttpProblem.badRequest('body', 'must be a GeoJSON FeatureCollection, Feature or Geometry');
  }
  const crs = declaredGeoJsonCrs(document.crs);
  const declared = crs ? { crs, reason: 'declared' as const } : null;
  if (document.type === 'FeatureCollection') {
    if (!Array.isArray(document.features)) throw HttpProblem.badRequest('features', 'must be an array');
    return {
      format: 'geojson',
      features: document.features.map((f, i) => feature(f, `features[${i}]`)),
      declared,
    };
  }
  if (document.type === 'Feature') return { format: 'geojson', features: [feature(document, 'body')], declared };
  if (GEOMETRY_TYPES.has(document.type)) {
    const { crs: _, ...geometry } = document;
    return { format: 'geojson', features: [{ geometry, properties: {} }], declared };
  }
  throw HttpProblem.badRequest(
    'body',
    `GeoJSON type "${document.type.slice(0, 40)}" is not a FeatureCollection, Feature or Geometry`,
  );
}
