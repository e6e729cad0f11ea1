import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '@shared/crs';
import type { ImportCrs } from './ImportSource';

const utmToLonLat = proj4(EPSG_25832_PROJ4, 'EPSG:4326');
/** 9 decimals of a degree: well under a millimetre, so the round trip through EPSG:4326 changes nothing. */
const round = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * A GeoJSON-like geometry from `crs` to EPSG:4326 lon/lat (proj4), as a new object. Only [x, y(, z)] positions
 * of finite numbers are transformed; anything malformed is passed on as it is for the geometry check to name.
 */
export function toWgs84(geometry: unknown, crs: ImportCrs): unknown {
  if (crs === 'EPSG:4326' || geometry === null || typeof geometry !== 'object') return geometry;
  const walk = (c: unknown): unknown => {
    if (!Array.isArray(c)) return c;
    if (c.length >= 2 && c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      const [lon, lat] = utmToLonLat.forward([c[0] as number, c[1] as number]);
      return [round(lon!), round(lat!), ...c.slice(2)];
    }
    return c.map(walk);
  };
  const g = geometry as { coordinates?: unknown };
  return { ...geometry, coordinates: walk(g.coordinates) };
}
