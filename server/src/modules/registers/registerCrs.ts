import type { RegisterSrid } from './SourceFeature';

export interface ParsedCrs {
  srid: RegisterSrid;
  /** True when the name puts latitude first (urn/http EPSG:4326 in GML); GeoJSON is always x, y. */
  latFirst: boolean;
}

const EPSG =
  /^(?:urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/|https?:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#)(\d+)$/i;
const CRS84 =
  /^(?:urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|CRS84)$/i;

/**
 * The CRS a name means, or null when it is neither EPSG:4326/CRS84 nor EPSG:25832. In GML, EPSG:4326 written as
 * a URN or URL is latitude first (its official axis order); the short "EPSG:4326" is lon/lat, as GDAL writes it.
 */
export function parseCrsName(name: string): ParsedCrs | null {
  const text = name.trim();
  if (CRS84.test(text)) return { srid: 4326, latFirst: false };
  const code = EPSG.exec(text)?.[1];
  if (code === '25832') return { srid: 25832, latFirst: false };
  if (code === '4326') return { srid: 4326, latFirst: !/^EPSG:/i.test(text) };
  return null;
}

/**
 * Coordinates plausible for Denmark and its sea in each CRS: degrees (lon 2–16, lat 53–59) or EPSG:25832 metres
 * (E 100 000–1 000 000, N 5 900 000–6 500 000). Anything outside is a wrong or mislabelled CRS, not a place here.
 */
export const DENMARK_RANGE: Record<RegisterSrid, { minX: number; maxX: number; minY: number; maxY: number }> = {
  4326: { minX: 2, maxX: 16, minY: 53, maxY: 59 },
  25832: { minX: 100_000, maxX: 1_000_000, minY: 5_900_000, maxY: 6_500_000 },
};

/** Why (x, y) cannot be in Denmark in `srid`, or null when it can: names the likely mix-up. */
export function outOfRange(x: number, y: number, srid: RegisterSrid, crsName: string | null): string | null {
  const r = DENMARK_RANGE[srid];
  if (x >= r.minX && x <= r.maxX && y >= r.minY && y <= r.maxY) return null;
  const declared = crsName ? `the declared CRS ${crsName}` : `the default CRS EPSG:${srid} (none declared)`;
  const m = DENMARK_RANGE[25832];
  if (srid === 4326 && x >= m.minX && x <= m.maxX && y >= m.minY && y <= m.maxY) {
    return `coordinates (${x}, ${y}) are EPSG:25832 metres, but ${declared} says degrees; declare EPSG:25832`;
  }
  const d = DENMARK_RANGE[4326];
  if (srid === 25832 && x >= d.minX && x <= d.maxX && y >= d.minY && y <= d.maxY) {
    return `coordinates (${x}, ${y}) are degrees, but ${declared} says EPSG:25832 metres`;
  }
  if (srid === 4326 && y >= d.minX && y <= d.maxX && x >= d.minY && x <= d.maxY) {
    return `coordinates (${x}, ${y}) are latitude, longitude; ${declared} says longitude first`;
  }
  return `coordinates (${x}, ${y}) are not in Denmark in ${declared}`;
}
