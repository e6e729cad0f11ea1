import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromUtm32 } from '../../../../client/src/map/fromUtm32';
import { toUtm32 } from '../../../../client/src/map/toUtm32';

// No full proj4 in this file: its projections would register in the same registry and hide a missing one here.
describe('the browser’s slim proj4 (UTM only)', () => {
  it('puts Køge Nord Station where the station register does (EPSG:25832, to about a metre)', () => {
    const { easting, northing } = toUtm32({ lon: 12.1735, lat: 55.4992 });
    expect(Math.abs(easting - 700439)).toBeLessThan(5);
    expect(Math.abs(northing - 6154921)).toBeLessThan(5);
  });

  it('goes to EPSG:25832 and back to the same lon/lat anywhere in Denmark', () => {
    const lon = fc.double({ min: 8, max: 15, noNaN: true });
    const lat = fc.double({ min: 54.5, max: 57.8, noNaN: true });
    fc.assert(
      fc.property(lon, lat, (x, y) => {
        const back = fromUtm32(toUtm32({ lon: x, lat: y }));
        expect(Math.abs(back.lon - x)).toBeLessThan(1e-8);
        expect(Math.abs(back.lat - y)).toBeLessThan(1e-8);
      }),
      { seed: 25832 },
    );
  });
});
