import { HttpProblem } from '../../platform/errors';
import { declaredGeoJsonCrs } from './detectCrs';
import type { ImportSource, RawImportFeature } from './ImportSource';
import { exceedsArrayDepth } from './exceedsArrayDepth';

/** The deepest nesting of GeoJSON coordinates: a MultiPolygon's (polygons → rings → positions → numbers). */
const MAX_COORDINATE_DEPTH = 4;

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

/**
 * Refuses coordinates nested deeper than any GeoJSON type nests them, naming `name` (issue #19). The CRS
 * detection, the reprojection and the preview walk coordinates recursively: thousands of levels would
 * overflow the stack there. No reader of a real file makes such a geometry, so it is a 400, not a preview fault.
 */
function checkNesting(geometry: unknown, name: string): void {
  const coordinates = isObject(geometry) ? geometry.coordinates : undefined;
  if (exceedsArrayDepth(coordinates, MAX_COORDINATE_DEPTH)) {
    throw HttpProblem.badRequest(
      name,
      `coordinates are nested more than ${MAX_COORDINATE_DEPTH} arrays deep, deeper than any GeoJSON geometry`,
    );
  }
}

function feature(value: unknown, name: string): RawImportFeature {
  if (!isObject(value) || value.type !== 'Feature') throw HttpProblem.badRequest(name, 'must be a GeoJSON Feature');
  const properties = value.properties ?? {};
  if (!isObject(properties)) throw HttpProblem.badRequest(`${name}.properties`, 'must be an object or null');
  checkNesting(value.geometry, `${name}.geometry`);
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
    checkNesting(document, 'body');
    const { crs: _, ...geometry } = document;
    return { format: 'geojson', features: [{ geometry, properties: {} }], declared };
  }
  throw HttpProblem.badRequest(
    'body',
    `GeoJSON type "${document.type.slice(0, 40)}" is not a FeatureCollection, Feature or Geometry`,
  );
}
