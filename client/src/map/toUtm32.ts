import { EPSG_25832_PROJ4 } from '@shared/crs';
import { utmProj4 as proj4 } from './utmProj4';

const toUtm = proj4('EPSG:4326', EPSG_25832_PROJ4);

/** Projects a lon/lat position (EPSG:4326 degrees) to EPSG:25832 easting/northing in metres. */
export function toUtm32({ lon, lat }: { lon: number; lat: number }): { easting: number; northing: number } {
  const [easting, northing] = toUtm.forward([lon, lat]) as [number, number];
  return { easting, northing };
}
