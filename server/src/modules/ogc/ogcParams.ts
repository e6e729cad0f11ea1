import { HttpProblem } from '../../platform/errors';

/** OGC's URI of WGS 84 longitude/latitude (lon first, unlike EPSG:4326's lat, lon). */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
/** ETRS89 / UTM zone 32N (easting, northing in metres), the Danish standard and our storage CRS. */
export const EPSG_25832_URI = 'http://www.opengis.net/def/crs/EPSG/0/25832';

/**
 * The CRSs offered (OGC API – Features Part 2). EPSG:4326 is left out on purpose: its axis order is lat, lon,
 * and serving it right would give every client that ignores axis order swapped coordinates.
 */
export const OGC_CRS = [CRS84, EPSG_25832_URI] as const;

export interface OgcCrs {
  uri: (typeof OGC_CRS)[number];
  /** The PostGIS SRID of the coordinates (CRS84 is SRID 4326 with lon/lat order, as PostGIS stores it). */
  srid: 4326 | 25832;
  /** Decimals written: ~1 cm either way. */
  digits: number;
}

const BY_URI: Record<string, OgcCrs> = {
  [CRS84]: { uri: CRS84, srid: 4326, digits: 7 },
  [EPSG_25832_URI]: { uri: EPSG_25832_URI, srid: 25832, digits: 2 },
};

/** The `crs` or `bbox-crs` parameter; CRS84 when absent; 400 naming it for anything else. */
export function parseOgcCrs(name: 'crs' | 'bbox-crs', value: string | undefined): OgcCrs {
  if (value === undefined) return BY_URI[CRS84]!;
  const crs = BY_URI[value];
  if (!crs) throw HttpProblem.badRequest(name, `must be one of ${OGC_CRS.join(', ')}`);
  return crs;
}

/** A bbox as [minx, miny, maxx, maxy] in its CRS. */
export interface OgcBbox {
  crs: OgcCrs;
  box: [number, number, number, number];
}

/** Web Mercator's latitude limit: a CRS84 box is clamped to it before it is projected for the index. */
const MERCATOR_MAX_LAT = 85.05;

/**
 * `bbox` (4 numbers, or 6 with heights, which are ignored: our data is 2D) in `bbox-crs`. CRS84 boxes must lie
 * in [-180, 180] × [-90, 90]; a box crossing the antimeridian (minx > maxx) is refused, as no data is there.
 * EPSG:25832 boxes must lie in {@link UTM32N_DOMAIN}.
 */
export function parseOgcBbox(text: string, crs: OgcCrs): OgcBbox {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) ? Number(p) : Number.NaN));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    throw HttpProblem.badRequest('bbox', 'must be four numbers (minx,miny,maxx,maxy) or six with heights');
  }
  const [minx, miny, maxx, maxy] =
    numbers.length === 6 ? [numbers[0]!, numbers[1]!, numbers[3]!, numbers[4]!] : (numbers as number[]);
  if (minx! > maxx! || miny! > maxy!) {
    throw HttpProblem.badRequest('bbox', 'the lower corner must not lie east or north of the upper corner');
  }
  if (crs.srid === 4326) {
    if ([minx!, maxx!].some((x) => x < -180 || x > 180) || [miny!, maxy!].some((y) => y < -90 || y > 90)) {
      throw HttpProblem.badRequest('bbox', 'CRS84 longitudes must lie in [-180, 180] and latitudes in [-90, 90]');
    }
    return {
      crs,
      box: [minx!, Math.max(miny!, -MERCATOR_MAX_LAT), maxx!, Math.min(maxy!, MERCATOR_MAX_LAT)],
    };
  }
  const d = UTM32N_DOMAIN;
  if ([minx!, maxx!].some((x) => x < d.minE || x > d.maxE) || [miny!, maxy!].some((y) => y < d.minN || y > d.maxN)) {
    throw HttpProblem.badRequest(
      'bbox',
      `EPSG:25832 eastings must lie in [${d.minE}, ${d.maxE}] and northings in [${d.minN}, ${d.maxN}] (metres)`,
    );
  }
  return { crs, box: [minx!, miny!, maxx!, maxy!] };
}

/**
 * Where an EPSG:25832 bbox may lie, in metres (issue #19): the zone's area of use (6°E–12°E, 38.8°N–84.3°N, EPSG)
 * widened to take in all of Denmark as it is mapped in zone 32 (Bornholm lies near easting 900 000). Further out,
 * the transverse Mercator inverse goes wild (0,0,1e7,1e7 comes back as 99°E 25°N; 1e8 makes ST_Transform fail),
 * so such a box is a 400, not a query.
 */
export const UTM32N_DOMAIN = { minE: 0, maxE: 1_200_000, minN: 4_000_000, maxN: 9_400_000 } as const;

/** The most corners a bbox gets when it is densified to be projected (issue #19). */
export const MAX_DENSIFIED_CORNERS = 1000;

/**
 * The segment length to densify a bbox with before projecting it (its edges curve in the other CRS), in the
 * box's own units: 100 m or 0.01°, longer for large boxes so that the ring has at most about
 * {@link MAX_DENSIFIED_CORNERS} corners. The whole CRS84 world at 0.01° would be 106,000 corners, transformed on
 * every request; at the limit a corner lies a few kilometres from the next on a box hundreds of kilometres wide.
 */
export function densifySegment({ crs, box: [minx, miny, maxx, maxy] }: OgcBbox): number {
  const base = crs.srid === 4326 ? 0.01 : 100;
  return Math.max(base, (2 * (maxx - minx + (maxy - miny))) / MAX_DENSIFIED_CORNERS);
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
const MAX_OFFSET = 100_000_000;

/** `limit`: a positive integer; above the maximum it is the maximum (Part 1 allows either; clients page on). */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw HttpProblem.badRequest('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return Math.min(Number(value), MAX_LIMIT);
}

export function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,9}$/.test(value) || Number(value) > MAX_OFFSET) {
    throw HttpProblem.badRequest('offset', `must be an integer from 0 to ${MAX_OFFSET}`);
  }
  return Number(value);
}

/** `f`: JSON is the only encoding (GeoJSON for features); anything else is named in a 400. */
export function checkFormat(value: string | undefined, features: boolean): void {
  if (value === undefined || value === 'json' || (features && value === 'geojson')) return;
  throw HttpProblem.badRequest('f', features ? 'must be json or geojson' : 'must be json');
}
