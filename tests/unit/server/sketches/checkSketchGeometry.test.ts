import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkSketchGeometry,
  DENMARK_BOUNDS,
  complexityOf,
  firstOutsideDenmark,
  MAX_SKETCH_POSITIONS,
  type SketchGeometry,
} from '../../../../server/src/modules/sketches/checkSketchGeometry';
import { deepFreeze } from '../../client/fixtures';

const ring = deepFreeze([
  [12.1, 55.5],
  [12.11, 55.5],
  [12.11, 55.51],
  [12.1, 55.51],
  [12.1, 55.5],
]);
const polygon = deepFreeze({ type: 'Polygon', coordinates: [ring] });

describe('checkSketchGeometry: well-formed sketches', () => {
  it.each([
    ['Point', [12.1, 55.5], 1],
    [
      'MultiPoint',
      [
        [12.1, 55.5],
        [12.2, 55.4],
      ],
      2,
    ],
    [
      'LineString',
      [
        [12.1, 55.5],
        [12.2, 55.5, 3],
      ],
      2,
    ],
    [
      'MultiLineString',
      [
        [
          [12.1, 55.5],
          [12.2, 55.5],
        ],
      ],
      2,
    ],
    ['Polygon', [ring], 5],
    ['MultiPolygon', [[ring], [ring]], 10],
  ])('accepts a %s and counts its positions', (type, coordinates, positions) => {
    const result = checkSketchGeometry(deepFreeze({ type, coordinates }));
    expect(result).toMatchObject({ kind: 'ok', positions });
  });

  it('gives back the geometry it checked, unchanged', () => {
    const result = checkSketchGeometry(polygon);
    expect(result).toEqual({ kind: 'ok', geometry: polygon, positions: 5 });
  });
});

describe('checkSketchGeometry: malformed GeoJSON', () => {
  it.each([
    ['a string', 'Polygon'],
    ['null', null],
    ['an array', [ring]],
    ['an unknown type', { type: 'GeometryCollection', coordinates: [] }],
    ['a polygon nested one level short', { type: 'Polygon', coordinates: ring }],
    ['a point nested one level deep', { type: 'Point', coordinates: [[12.1, 55.5]] }],
    ['a position of four numbers', { type: 'Point', coordinates: [12.1, 55.5, 1, 2] }],
    ['a position of text', { type: 'Point', coordinates: ['12.1', '55.5'] }],
    [
      'a position with null',
      {
        type: 'LineString',
        coordinates: [
          [12.1, 55.5],
          [null, 55.5],
        ],
      },
    ],
    ['missing coordinates', { type: 'Point' }],
  ])('refuses %s as malformed', (_name, value) => {
    expect(checkSketchGeometry(deepFreeze(value)).kind).toBe('malformed');
  });

  it(`refuses more than ${MAX_SKETCH_POSITIONS} positions`, () => {
    const coordinates = Array.from({ length: MAX_SKETCH_POSITIONS + 1 }, (_, i) => [12 + i * 1e-6, 55.5]);
    const result = checkSketchGeometry({ type: 'LineString', coordinates });
    expect(result).toEqual({ kind: 'malformed', reason: `has more than ${MAX_SKETCH_POSITIONS} positions` });
  });
});

describe('checkSketchGeometry: faults', () => {
  it('a polygon ring of two distinct points has too few points, located at its start', () => {
    const result = checkSketchGeometry(
      deepFreeze({
        type: 'Polygon',
        coordinates: [
          [
            [12.1, 55.5],
            [12.2, 55.5],
            [12.1, 55.5],
            [12.2, 55.5],
          ],
        ],
      }),
    );
    expect(result).toMatchObject({
      kind: 'fault',
      fault: { location: [12.1, 55.5], repairable: false, repaired: null },
    });
    expect(result.kind === 'fault' && result.fault.reason).toMatch(/^too few points/);
  });

  it.each([
    [
      'a line of one distinct point',
      {
        type: 'LineString',
        coordinates: [
          [12.1, 55.5],
          [12.1, 55.5],
        ],
      },
    ],
    ['a polygon without rings', { type: 'Polygon', coordinates: [] }],
    ['a multipolygon without parts', { type: 'MultiPolygon', coordinates: [] }],
    ['a multipoint without points', { type: 'MultiPoint', coordinates: [] }],
  ])('%s has too few points', (_name, value) => {
    const result = checkSketchGeometry(deepFreeze(value));
    expect(result.kind === 'fault' && result.fault.reason).toMatch(/^too few points/);
  });

  it('an unclosed ring is a repairable fault; the closed ring comes with it, the input untouched', () => {
    const open = deepFreeze({ type: 'Polygon', coordinates: [ring.slice(0, 4)] });
    const result = checkSketchGeometry(open);
    expect(result).toMatchObject({
      kind: 'fault',
      fault: { location: [12.1, 55.51], repairable: true },
      closed: { type: 'Polygon', coordinates: [ring] },
    });
  });

  it('a position in metres (EPSG:25832 sent as degrees) is outside Denmark, located', () => {
    const result = checkSketchGeometry(deepFreeze({ type: 'Point', coordinates: [702115, 6150127] }));
    expect(result).toMatchObject({ kind: 'fault', fault: { location: [702115, 6150127], repairable: false } });
    expect(result.kind === 'fault' && result.fault.reason).toMatch(/^outside Denmark/);
  });
});

describe('firstOutsideDenmark (seeded property tests)', () => {
  const inside = fc.tuple(
    fc.double({ min: DENMARK_BOUNDS.minLon, max: DENMARK_BOUNDS.maxLon, noNaN: true }),
    fc.double({ min: DENMARK_BOUNDS.minLat, max: DENMARK_BOUNDS.maxLat, noNaN: true }),
  );
  const outside = fc.oneof(
    fc.tuple(
      fc.double({ min: -180, max: DENMARK_BOUNDS.minLon, maxExcluded: true, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
    fc.tuple(
      fc.double({ min: DENMARK_BOUNDS.maxLon, minExcluded: true, max: 1e7, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
    fc.tuple(
      fc.double({ min: 8, max: 15, noNaN: true }),
      fc.double({ min: DENMARK_BOUNDS.maxLat, minExcluded: true, max: 1e7, noNaN: true }),
    ),
    fc.tuple(
      fc.double({ min: 8, max: 15, noNaN: true }),
      fc.double({ min: -90, max: DENMARK_BOUNDS.minLat, maxExcluded: true, noNaN: true }),
    ),
  );

  it('finds the first position outside Denmark in any line, and none when all are inside', () => {
    fc.assert(
      fc.property(
        fc.array(inside, { minLength: 2, maxLength: 30 }),
        fc.option(fc.tuple(outside, fc.nat()), { nil: undefined }),
        (positions, stray) => {
          const coordinates: [number, number][] = positions.map(([x, y]) => [x, y]);
          const at = stray === undefined ? -1 : stray[1] % (coordinates.length + 1);
          if (stray !== undefined) coordinates.splice(at, 0, stray[0]);
          const geometry: SketchGeometry = deepFreeze({ type: 'LineString', coordinates });
          expect(firstOutsideDenmark(geometry)).toEqual(stray === undefined ? null : stray[0]);
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });

  it('counts every position of a well-formed multipolygon inside Denmark, unless it crosses itself too often', () => {
    const closedRing = fc.array(inside, { minLength: 3, maxLength: 12 }).map((corners) => [...corners, corners[0]!]);
    let counted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(closedRing, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (polygons) => {
          fc.pre(polygons.flat().every((r) => new Set(r.map((p) => p.join())).size >= 3));
          const geometry: SketchGeometry = deepFreeze({ type: 'MultiPolygon', coordinates: polygons });
          const result = checkSketchGeometry(geometry);
          // Random corners all over Denmark cross each other often; past the limit (issue #19) it is refused.
          const complexity = complexityOf(geometry);
          if (complexity) {
            expect(result).toEqual({ kind: 'too_complex', complexity });
          } else {
            counted += 1;
            expect(result).toMatchObject({ kind: 'ok', positions: polygons.flat(2).length });
          }
        },
      ),
      { seed: 25832, numRuns: 200 },
    );
    expect(counted).toBeGreaterThan(50);
  });
});
