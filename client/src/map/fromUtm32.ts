import { utmProj4 as proj4 } from './utmProj4';
import { EPSG_25832_PROJ4 } from '@shared/crs';

const fromUtm = proj4(EPSG_25832_PROJ4, 'EPSG:4326');

/** Unprojects EPSG:25832 easting/northing (metres) to a lon/lat position in EPSG:4326 degrees. */
export function fromUtm32({ easting, northing }: { easting: number; northing: number }): { lon: number; lat: number } {
  const [lon, lat] = fromUtm.forward([easting, northing]) as [number, number];
  return { lon, lat };
}
