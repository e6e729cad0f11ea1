import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '@shared/crs';

/** ETRS89 / UTM zone 32N (EPSG:25832); ETRS89 and WGS 84 agree to well under a metre, as PostGIS takes them. */
const UTM32 = proj4('EPSG:4326', EPSG_25832_PROJ4);
const R = 6378137;
const DEG = Math.PI / 180;

/** A way's geometry twice, as hex EWKB: in EPSG:25832 (stored) and EPSG:3857 (for the tiles). */
export interface WayGeometry {
  geom: string;
  geom3857: string;
  /** True when PostGIS must look at it: a polygon (rings may cross), or a line of fewer than 2 distinct points. */
  check: boolean;
}

const LINESTRING = 2;
const POLYGON = 3;
const WITH_SRID = 0x20000000;

function ewkb(type: number, srid: number, xs: Float64Array, ys: Float64Array, n: number): string {
  const polygon = type === POLYGON;
  const buf = Buffer.allocUnsafe(9 + (polygon ? 8 : 4) + 16 * n);
  buf[0] = 1;
  buf.writeUInt32LE((type | WITH_SRID) >>> 0, 1);
  buf.writeUInt32LE(srid, 5);
  let o = 9;
  if (polygon) {
    buf.writeUInt32LE(1, o);
    o += 4;
  }
  buf.writeUInt32LE(n, o);
  o += 4;
  for (let i = 0; i < n; i++) {
    buf.writeDoubleLE(xs[i]!, o);
    buf.writeDoubleLE(ys[i]!, o + 8);
    o += 16;
  }
  return buf.toString('hex');
}

let ux = new Float64Array(256);
let uy = new Float64Array(256);
let mx = new Float64Array(256);
let my = new Float64Array(256);
const point: [number, number] = [0, 0];

/**
 * A way's line or single-ring polygon from its nodes' lon/lat (WGS 84 degrees), projected here in JS, so that the
 * database only stores it. `check` marks what PostGIS must validate: every polygon, and a line whose points are
 * all the same (PostGIS calls it invalid, and reports why).
 */
export function wayGeometry(
  lons: Float64Array,
  lats: Float64Array,
  n: number,
  polygon: boolean,
  /** False for a line only needed in EPSG:25832 (a relation's member): geom3857 is then ''. */
  mercator = true,
): WayGeometry {
  if (ux.length < n) {
    const size = 2 ** Math.ceil(Math.log2(n));
    ux = new Float64Array(size);
    uy = new Float64Array(size);
    mx = new Float64Array(size);
    my = new Float64Array(size);
  }
  let distinct = false;
  for (let i = 0; i < n; i++) {
    const lon = lons[i]!;
    const lat = lats[i]!;
    if (i > 0 && (lon !== lons[0] || lat !== lats[0])) distinct = true;
    point[0] = lon;
    point[1] = lat;
    const p = UTM32.forward(point);
    ux[i] = p[0]!;
    uy[i] = p[1]!;
    mx[i] = R * lon * DEG;
    my[i] = R * Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2));
  }
  const type = polygon ? POLYGON : LINESTRING;
  return {
    geom: ewkb(type, 25832, ux, uy, n),
    geom3857: mercator ? ewkb(type, 3857, mx, my, n) : '',
    check: polygon || !distinct,
  };
}
