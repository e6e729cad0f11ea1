import { area } from '@turf/area';
import fc from 'fast-check';
import type { Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { measureSketch } from '../../../../client/src/features/sketches/measureSketch';
import { fromUtm32 } from '../../../../client/src/map/fromUtm32';
import { danishPolygon } from '../danishPolygons';
import { deepFreeze } from '../fixtures';
import { utmLength, utmRingArea } from '../map/utmMeasure';

/** A lon/lat position at EPSG:25832 easting/northing (metres). */
const at = (easting: number, northing: number): Position => {
  const { lon, lat } = fromUtm32({ easting, northing });
  return [Number(lon.toFixed(9)), Number(lat.toFixed(9))];
};

/** A rectangle of `width` × `height` m with its south-west corner at (e, n) in EPSG:25832. */
const rectangle = (e: number, n: number, width: number, height: number): Polygon => {
  const sw = at(e, n);
  return { type: 'Polygon', coordinates: [[sw, at(e + width, n), at(e + width, n + height), at(e, n + height), sw]] };
};

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('measureSketch', () => {
  it('gives a polygon its area and perimeter, and no length (a 200 × 100 m plot at Køge)', () => {
    const plot = deepFreeze(rectangle(703_000, 6_150_000, 200, 100));
    const measure = measureSketch({ geometry: plot })!;
    expect(relative(measure.area_m2!, 20_000)).toBeLessThan(0.005);
    expect(relative(measure.perimeter_m!, 600)).toBeLessThan(0.005);
    expect(measure.length_m).toBeNull();
  });

  it('gives a line its length only', () => {
    const line: Geometry = deepFreeze({
      type: 'LineString',
      coordinates: [at(700_000, 6_150_000), at(700_300, 6_150_400)],
    });
    const measure = measureSketch({ geometry: line })!;
    expect(relative(measure.length_m!, 500)).toBeLessThan(0.005);
    expect(measure.area_m2).toBeNull();
    expect(measure.perimeter_m).toBeNull();
  });

  it('sums the parts of a MultiPolygon, and counts a hole out of the area and into the perimeter', () => {
    const a = rectangle(703_000, 6_150_000, 100, 100);
    const b = rectangle(704_000, 6_150_000, 50, 100);
    const multi = deepFreeze({ type: 'MultiPolygon', coordinates: [a.coordinates, b.coordinates] } as Geometry);
    expect(relative(measureSketch({ geometry: multi })!.area_m2!, 15_000)).toBeLessThan(0.005);
    const hole = rectangle(703_025, 6_150_025, 50, 50).coordinates[0]!.slice().reverse();
    const holed = deepFreeze({ type: 'Polygon', coordinates: [a.coordinates[0]!, hole] } as Geometry);
    const measure = measureSketch({ geometry: holed })!;
    expect(relative(measure.area_m2!, 7_500)).toBeLessThan(0.005);
    expect(relative(measure.perimeter_m!, 600)).toBeLessThan(0.005);
  });

  it('measures nothing of a point, and there is no measure without a geometry', () => {
    expect(measureSketch({ geometry: { type: 'Point', coordinates: [12.18, 55.45] } })).toEqual({
      area_m2: null,
      perimeter_m: null,
      length_m: null,
    });
    expect(measureSketch({ geometry: null })).toBeNull();
  });

  it('corrects turf’s sphere: on Bornholm a plain turf area is 0.7 % short of EPSG:25832, the measure is not', () => {
    // Bornholm lies 6° east of UTM zone 32's central meridian, where the projection's scale is largest in Denmark.
    const bornholm = deepFreeze(rectangle(870_000, 6_110_000, 1000, 1000));
    const reference = utmRingArea(bornholm.coordinates[0]!);
    expect(relative(area(bornholm), reference)).toBeGreaterThan(0.005);
    expect(relative(measureSketch({ geometry: bornholm })!.area_m2!, reference)).toBeLessThan(0.005);
  });

  it('agrees with the EPSG:25832 area and perimeter within 0.5 % for random polygons across Denmark', () => {
    fc.assert(
      fc.property(danishPolygon, (polygon) => {
        const ring = polygon.coordinates[0]!;
        const measure = measureSketch({ geometry: deepFreeze(polygon) })!;
        expect(relative(measure.area_m2!, utmRingArea(ring))).toBeLessThan(0.005);
        expect(relative(measure.perimeter_m!, utmLength(ring))).toBeLessThan(0.005);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
