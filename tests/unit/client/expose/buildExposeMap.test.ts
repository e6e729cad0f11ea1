import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExposeMap,
  exposeFrame,
  niceScaleLength,
  type ExposeMapInput,
} from '../../../../client/src/features/expose/buildExposeMap';
import { toUtm32 } from '../../../../client/src/map/toUtm32';
import { deepFreeze } from '../fixtures';

/** A square of `side` degrees with its south-west corner at (lon, lat), EPSG:4326. */
const square = (lon: number, lat: number, side: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ],
});

const PLOT = deepFreeze<ExposeMapInput>({
  id: 'kn-x',
  role: 'plot',
  name: 'Plot',
  geometry: square(12.15, 55.48, 0.004),
});
const NEIGHBOUR = deepFreeze<ExposeMapInput>({
  id: 'kn-y',
  role: 'neighbour',
  name: 'Neighbour',
  geometry: square(12.155, 55.48, 0.003),
});
const MOTORWAY = deepFreeze<ExposeMapInput>({
  id: 'e20',
  role: 'motorway',
  name: 'E20',
  geometry: {
    type: 'LineString',
    coordinates: [
      [12.1, 55.47],
      [12.2, 55.49],
    ],
  },
});
const STATION_IN = deepFreeze<ExposeMapInput>({
  id: 'st-in',
  role: 'station',
  name: 'Near',
  geometry: { type: 'Point', coordinates: [12.152, 55.486] },
});
const STATION_OUT = deepFreeze<ExposeMapInput>({
  id: 'st-out',
  role: 'station',
  name: 'Far',
  geometry: { type: 'Point', coordinates: [12.4, 55.7] },
});

const numbersOf = (d: string) => [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

describe('exposeFrame', () => {
  it('grows the plot extent by at least the margin, in EPSG:25832 metres', () => {
    const frame = exposeFrame({ geometry: PLOT.geometry, marginM: 300, marginRatio: 0 });
    const sw = toUtm32({ lon: 12.15, lat: 55.48 });
    expect(frame.extent[0]).toBeLessThanOrEqual(sw.easting - 299);
    expect(frame.extent[1]).toBeCloseTo(sw.northing - 300, 0);
  });

  it('gives a lon/lat box that covers the plot', () => {
    const { bbox } = exposeFrame({ geometry: PLOT.geometry });
    expect(bbox[0]).toBeLessThan(12.15);
    expect(bbox[1]).toBeLessThan(55.48);
    expect(bbox[2]).toBeGreaterThan(12.154);
    expect(bbox[3]).toBeGreaterThan(55.484);
  });
});

describe('niceScaleLength', () => {
  it('rounds down to 1, 2 or 5 × 10ⁿ metres', () => {
    expect(niceScaleLength(740)).toBe(500);
    expect(niceScaleLength(199)).toBe(100);
    expect(niceScaleLength(2000)).toBe(2000);
    expect(niceScaleLength(38)).toBe(20);
  });
});

describe('buildExposeMap', () => {
  const frame = exposeFrame({ geometry: PLOT.geometry });
  const features = deepFreeze([PLOT, NEIGHBOUR, MOTORWAY, STATION_IN, STATION_OUT]);
  const map = buildExposeMap({ frame, features, width: 600, height: 400 });

  it('draws polygons as closed paths and lines as open ones', () => {
    expect(map.paths.map((p) => [p.id, p.role])).toEqual([
      ['kn-x', 'plot'],
      ['kn-y', 'neighbour'],
      ['e20', 'motorway'],
    ]);
    expect(map.paths[0]!.d.endsWith('Z')).toBe(true);
    expect(map.paths[2]!.d.endsWith('Z')).toBe(false);
  });

  it('puts the plot inside the viewBox, north up', () => {
    const xy = numbersOf(map.paths[0]!.d);
    for (let i = 0; i < xy.length; i += 2) {
      expect(xy[i]).toBeGreaterThanOrEqual(0);
      expect(xy[i]).toBeLessThanOrEqual(600);
      expect(xy[i + 1]).toBeGreaterThanOrEqual(0);
      expect(xy[i + 1]).toBeLessThanOrEqual(400);
    }
    // The first vertex is the south-west corner, the third the north-east one: smaller y is further north.
    expect(xy[5]).toBeLessThan(xy[1]!);
    expect(xy[4]).toBeGreaterThan(xy[0]!);
  });

  it('keeps only the points inside the frame', () => {
    expect(map.points.map((p) => p.id)).toEqual(['st-in']);
  });

  it('draws a scale bar whose length matches its metres', () => {
    expect(map.scaleBar.length).toBeCloseTo(map.scaleBar.metres * map.unitsPerMetre, 6);
    expect(map.scaleBar.length).toBeLessThanOrEqual(600 * 0.3);
  });

  it('turns the north arrow by the grid convergence east of the central meridian (9° E)', () => {
    // At 12.15° E, 55.5° N: about (12.15 − 9) × sin 55.5° ≈ 2.6° west of grid north.
    expect(map.northDeg).toBeLessThan(-2);
    expect(map.northDeg).toBeGreaterThan(-3.2);
  });

  it('uses one scale on both axes', () => {
    const sw = toUtm32({ lon: 12.15, lat: 55.48 });
    const se = toUtm32({ lon: 12.154, lat: 55.48 });
    const xy = numbersOf(map.paths[0]!.d);
    expect(xy[2]! - xy[0]!).toBeCloseTo((se.easting - sw.easting) * map.unitsPerMetre, 0);
  });

  it('fits any plot in the Køge area inside the viewBox (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 11.9, max: 12.3, noNaN: true }),
        fc.double({ min: 55.35, max: 55.6, noNaN: true }),
        fc.double({ min: 0.0002, max: 0.02, noNaN: true }),
        fc.integer({ min: 200, max: 1000 }),
        fc.integer({ min: 200, max: 1000 }),
        (lon, lat, side, width, height) => {
          const geometry = square(lon, lat, side);
          const built = buildExposeMap({
            frame: exposeFrame({ geometry }),
            features: [{ id: 'p', role: 'plot', name: 'p', geometry }],
            width,
            height,
          });
          const xy = numbersOf(built.paths[0]!.d);
          for (let i = 0; i < xy.length; i += 2) {
            if (xy[i]! < -0.1 || xy[i]! > width + 0.1 || xy[i + 1]! < -0.1 || xy[i + 1]! > height + 0.1) return false;
          }
          return built.scaleBar.length > 0 && built.scaleBar.length <= width * 0.3 + 1e-9;
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });
});
