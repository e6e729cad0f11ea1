import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryVertices } from '../../../../client/src/features/sketches/geometryVertices';
import { nearestVertex, type ScreenVertex } from '../../../../client/src/features/sketches/nearestVertex';
import { deepFreeze } from '../fixtures';

const v = (x: number, y: number): ScreenVertex => ({ x, y, position: [x / 1000, y / 1000] });

describe('nearestVertex (snapping)', () => {
  it('picks the nearest vertex within the distance', () => {
    const vertices = deepFreeze([v(0, 0), v(10, 0), v(4, 3)]);
    expect(nearestVertex({ cursor: { x: 5, y: 1 }, vertices, maxDistancePx: 12 })).toBe(vertices[2]);
  });

  it('snaps to nothing when every vertex is farther than the distance', () => {
    expect(nearestVertex({ cursor: { x: 0, y: 0 }, vertices: deepFreeze([v(20, 0)]), maxDistancePx: 12 })).toBeNull();
    expect(nearestVertex({ cursor: { x: 0, y: 0 }, vertices: [], maxDistancePx: 12 })).toBeNull();
  });

  it('prefers the first of two equally near vertices (callers list their own first)', () => {
    const vertices = deepFreeze([v(3, 4), v(-3, -4)]);
    expect(nearestVertex({ cursor: { x: 0, y: 0 }, vertices, maxDistancePx: 12 })).toBe(vertices[0]);
  });

  it('never returns a vertex farther than another one or than the distance', () => {
    const point = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(point, fc.array(point, { maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (cursor, points, max) => {
        const vertices = points.map(({ x, y }) => v(x, y));
        const found = nearestVertex({ cursor, vertices, maxDistancePx: max });
        const d = (p: { x: number; y: number }) => Math.hypot(p.x - cursor.x, p.y - cursor.y);
        const within = vertices.filter((vertex) => d(vertex) <= max);
        if (within.length === 0) expect(found).toBeNull();
        else expect(d(found!)).toBe(Math.min(...within.map(d)));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});

describe('geometryVertices', () => {
  it('lists each vertex once, without a ring’s closing position', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(geometryVertices(deepFreeze({ type: 'Polygon', coordinates: [square] }))).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(geometryVertices(deepFreeze({ type: 'MultiPolygon', coordinates: [[square], [square]] }))).toHaveLength(6);
    expect(geometryVertices(deepFreeze({ type: 'LineString', coordinates: square }))).toHaveLength(4);
    expect(geometryVertices(deepFreeze({ type: 'Point', coordinates: [3, 4] }))).toEqual([[3, 4]]);
    expect(
      geometryVertices(
        deepFreeze({
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'MultiPoint',
              coordinates: [
                [1, 2],
                [3, 4],
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
