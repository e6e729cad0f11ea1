import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '@shared/crs';
import type { Geometry } from '@shared/schemas/geojson';
import type { Plot } from '@shared/schemas/plot';
import type { PlotWithGeometry } from './plotRepository';

export type ExportCrs = 'EPSG:4326' | 'EPSG:25832';

const CSV_COLUMNS = [
  'id',
  'name',
  'area_m2',
  'area_ha',
  'plan_use',
  'max_height_m',
  'plot_ratio_pct',
  'tender_status',
  'planned_year',
  'opens_on',
  'closes_on',
  'nearest_station',
  'station_distance_m',
  'nearest_junction',
  'junction_distance_m',
  'accuracy',
  'source',
] as const;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed
 * with an apostrophe, so a name typed by a user can never become a formula in the investor's spreadsheet.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The plots as CSV (UTF-8 with BOM so spreadsheets read æøå; CRLF line ends), one row each, in list order. */
export function plotsToCsv(plots: readonly Plot[]): string {
  const rows = plots.map((p) =>
    [
      p.id,
      p.name,
      round(p.area_m2, 1),
      round(p.area_m2 / 10_000, 4),
      p.plan_use,
      p.max_height_m,
      p.plot_ratio_pct,
      p.tender_status,
      p.planned_year,
      p.opens_on,
      p.closes_on,
      p.nearest_station?.name ?? null,
      p.nearest_station ? round(p.nearest_station.distance_m, 1) : null,
      p.nearest_junction?.name ?? null,
      p.nearest_junction ? round(p.nearest_junction.distance_m, 1) : null,
      p.accuracy,
      p.source,
    ]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Applies `f` to every position of a geometry, returning a new geometry. */
function mapPositions(geometry: Geometry, f: (p: number[]) => number[]): Geometry {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? f(c as number[]) : (c as unknown[]).map(walk);
  // The same type with every position replaced keeps the same nesting.
  return { type: geometry.type, coordinates: walk(geometry.coordinates) } as Geometry;
}

/** EPSG:4326 lon/lat → EPSG:25832 easting/northing in metres (proj4), rounded to the centimetre. */
export function toEpsg25832(geometry: Geometry): Geometry {
  return mapPositions(geometry, (p) => proj4('EPSG:4326', EPSG_25832_PROJ4, [p[0]!, p[1]!]).map((v) => round(v, 2)));
}

/**
 * The plots as a GeoJSON FeatureCollection in `crs`. EPSG:4326 is plain RFC 7946. EPSG:25832 is not RFC 7946:
 * it carries the legacy `crs` member that GDAL and QGIS read, and each feature states its CRS too.
 */
export function plotsToGeoJson(plots: readonly PlotWithGeometry[], crs: ExportCrs) {
  const utm = crs === 'EPSG:25832';
  return {
    type: 'FeatureCollection' as const,
    ...(utm ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } } : {}),
    features: plots.map(({ geometry, bbox: _, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: utm ? toEpsg25832(geometry) : geometry,
      properties: { ...properties, crs },
    })),
  };
}

/** File names that say what is inside: the CRS is part of the name. */
export const exportFileName = (kind: 'csv' | ExportCrs) =>
  kind === 'csv' ? 'koege-grunde.csv' : `koege-grunde-${kind.replace(':', '').toLowerCase()}.geojson`;
