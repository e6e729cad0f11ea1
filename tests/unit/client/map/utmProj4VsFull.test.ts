import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '../../../../shared/crs';
import { toUtm32 } from '../../../../client/src/map/toUtm32';

describe('the browser’s slim proj4 against the full build', () => {
  it('gives the same EPSG:25832 metres, to a millimetre, over Denmark', () => {
    const lon = fc.double({ min: 8, max: 15, noNaN: true });
    const lat = fc.double({ min: 54.5, max: 57.8, noNaN: true });
    fc.assert(
      fc.property(lon, lat, (x, y) => {
        const [e, n] = proj4('EPSG:4326', EPSG_25832_PROJ4, [x, y]);
        const utm = toUtm32({ lon: x, lat: y });
        expect(Math.abs(utm.easting - e!)).toBeLessThan(0.001);
        expect(Math.abs(utm.northing - n!)).toBeLessThan(0.001);
      }),
      { seed: 25832 },
    );
  });
});
