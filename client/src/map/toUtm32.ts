import { utmProj4 as proj4 } from './utmProj4';

/** EPSG:25832, ETRS89 / UTM zone 32N: the Danish standard projection (metres). */
export const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

const toUtm = proj4('EPSG:4326', EPSG_25832);

/** Projects a lon/lat position (EPSG:4326 degrees) to EPSG:25832 easting/northing in metres. */
export function toUtm32({ lon, lat }: { lon: number; lat: number }): { easting: number; northing: number } {
  const [easting, northing] = toUtm.forward([lon, lat]) as [number, number];
  return { easting, northing };
}
