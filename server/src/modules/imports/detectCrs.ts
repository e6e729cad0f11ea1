import { HttpProblem } from '../../platform/errors';
import type { CrsReason, ImportCrs, RawImportFeature } from './ImportSource';

/**
 * EPSG:25832 numbers that can be Denmark (and its sea), in metres: wide enough for Bornholm's far east in zone 32
 * and the whole of the land, too far from degrees to be mistaken for them.
 */
export const UTM32_DENMARK_RANGE = { minE: 100_000, maxE: 1_000_000, minN: 5_900_000, maxN: 6_500_000 } as const;

/** Every [x, y] in a GeoJSON-like coordinate tree; anything else in it is left to the geometry check. */
export function* positionsOf(coordinates: unknown): Generator<[number, number]> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    yield [coordinates[0], coordinates[1]];
    return;
  }
  for (const part of coordinates) yield* positionsOf(part);
}

const coordinatesOf = (geometry: unknown): unknown =>
  geometry !== null && typeof geometry === 'object' ? (geometry as { coordinates?: unknown }).coordinates : undefined;

/**
 * The CRS of coordinates no file declares: all within EPSG:25832's Danish range → EPSG:25832; all lon/lat
 * degrees → EPSG:4326; no coordinates at all → EPSG:4326 by default. A mixture, or numbers that are neither,
 * is a 400 naming `crs`: guessing would put the features in the wrong place.
 */
export function detectCrs(features: readonly RawImportFeature[]): { crs: ImportCrs; reason: CrsReason } {
  let utm = 0;
  let degrees = 0;
  let neither = 0;
  const r = UTM32_DENMARK_RANGE;
  for (const feature of features) {
    for (const [x, y] of positionsOf(coordinatesOf(feature.geometry))) {
      if (x >= r.minE && x <= r.maxE && y >= r.minN && y <= r.maxN) utm++;
      else if (Math.abs(x) <= 180 && Math.abs(y) <= 90) degrees++;
      else neither++;
    }
  }
  if (utm === 0 && degrees === 0 && neither === 0) return { crs: 'EPSG:4326', reason: 'default' };
  if (neither === 0 && degrees === 0) return { crs: 'EPSG:25832', reason: 'detected from coordinate range' };
  if (neither === 0 && utm === 0) return { crs: 'EPSG:4326', reason: 'detected from coordinate range' };
  const reason =
    neither > 0
      ? `${neither} coordinates are neither lon/lat degrees nor EPSG:25832 metres in Denmark (E 100 000–1 000 000, N 5 900 000–6 500 000)`
      : 'the coordinates mix lon/lat degrees and EPSG:25832 metres';
  throw HttpProblem.badRequest('crs', `${reason}; declare the CRS (EPSG:4326 or EPSG:25832) in the file`);
}

const EPSG_NAME = /^(?:urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)(\d+)$/i;
const CRS84_NAME =
  /^(?:urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|CRS84)$/i;

/**
 * The CRS a GeoJSON file declares with the legacy (2008) `crs` member, as GDAL and QGIS write it for files not in
 * lon/lat; null when there is none. EPSG:4326 in a GeoJSON file is read lon, lat, as GDAL writes it.
 */
export function declaredGeoJsonCrs(member: unknown): ImportCrs | null {
  if (member === undefined || member === null) return null;
  const name =
    typeof member === 'object' && (member as { type?: unknown }).type === 'name'
      ? (member as { properties?: { name?: unknown } }).properties?.name
      : undefined;
  if (typeof name !== 'string') {
    throw HttpProblem.badRequest('crs', 'must be a named CRS: {"type": "name", "properties": {"name": "EPSG:25832"}}');
  }
  const code = EPSG_NAME.exec(name.trim())?.[1];
  if (CRS84_NAME.test(name.trim()) || code === '4326') return 'EPSG:4326';
  if (code === '25832') return 'EPSG:25832';
  throw HttpProblem.badRequest('crs', `"${name.slice(0, 100)}" is not supported; use EPSG:4326 or EPSG:25832`);
}
