import { earthRadius } from '@turf/helpers';

// GRS80, the ellipsoid of ETRS89 / EPSG:25832 (WGS84's differs by 0.1 mm in the semi-minor axis).
const SEMI_MAJOR_AXIS_M = 6_378_137;
const FLATTENING = 1 / 298.257222101;
const ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);

/**
 * How much larger an area is on the GRS80 ellipsoid than on turf's sphere (radius 6 371 008.8 m), near latitude
 * `lat` (degrees): M·N / R², M and N being the ellipsoid's radii of curvature there. Turf measures on the sphere,
 * which in Denmark reads 0.45–0.52 % small; with the UTM scale of EPSG:25832 on top, a plain turf area missed
 * PostGIS's by up to 0.74 % on Bornholm (issue #6, DESIGN.md asks for 0.5 %). Over Denmark's 3.6° of latitude
 * the factor changes by 0.06 %, so one value at the geometry's middle latitude is enough.
 */
export function ellipsoidAreaFactor({ lat }: { lat: number }): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const w = 1 - ECCENTRICITY_SQUARED * sin * sin;
  const primeVertical = SEMI_MAJOR_AXIS_M / Math.sqrt(w);
  const meridian = (SEMI_MAJOR_AXIS_M * (1 - ECCENTRICITY_SQUARED)) / (w * Math.sqrt(w));
  return (meridian * primeVertical) / (earthRadius * earthRadius);
}

/**
 * The same for lengths: √(M·N) / R, the mean of the east–west and north–south scales, which differ from each
 * other by 0.2 % at Danish latitudes.
 */
export function ellipsoidLengthFactor({ lat }: { lat: number }): number {
  return Math.sqrt(ellipsoidAreaFactor({ lat }));
}
