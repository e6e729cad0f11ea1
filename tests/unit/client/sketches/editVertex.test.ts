import type { LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fromParts, toParts } from '../../../../client/src/features/sketches/draftParts';
import { moveVertex, removeVertex, vertexAt, vertexCount } from '../../../../client/src/features/sketches/editVertex';
import { deepFreeze } from '../fixtures';

const square: Polygon = deepFreeze({
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
});
const line: LineString = deepFreeze({
  type: 'LineString',
  coordinates: [
    [0, 0],
    [1, 0],
    [2, 0],
  ],
});

describe('vertex editing', () => {
  it('counts a ring’s closing position as its first vertex', () => {
    expect(vertexCount(square)).toBe(4);
    expect(vertexCount(line)).toBe(3);
    expect(vertexAt(square, 3)).toEqual([0, 1]);
    expect(vertexAt(square, 4)).toBeNull();
  });

  it('moves the first vertex of a ring together with its closing position', () => {
    expect(moveVertex({ part: square, index: 0, to: [-1, -1] })).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-1, -1],
          [1, 0],
          [1, 1],
          [0, 1],
          [-1, -1],
        ],
      ],
    });
    expect(moveVertex({ part: line, index: 2, to: [2, 5] })?.coordinates).toEqual([
      [0, 0],
      [1, 0],
      [2, 5],
    ]);
    expect(moveVertex({ part: line, index: 3, to: [2, 5] })).toBeNull();
  });

  it('removes a vertex and keeps the ring closed', () => {
    expect(removeVertex({ part: square, index: 0 })?.coordinates).toEqual([
      [
        [1, 0],
        [1, 1],
        [0, 1],
        [1, 0],
      ],
    ]);
    expect(removeVertex({ part: line, index: 1 })?.coordinates).toEqual([
      [0, 0],
      [2, 0],
    ]);
  });

  it('refuses to remove a vertex a shape cannot lose: a triangle’s, a two-point line’s, a point’s', () => {
    const triangle = removeVertex({ part: square, index: 1 })!;
    expect(removeVertex({ part: triangle, index: 0 })).toBeNull();
    expect(removeVertex({ part: removeVertex({ part: line, index: 0 })!, index: 0 })).toBeNull();
    expect(removeVertex({ part: { type: 'Point', coordinates: [0, 0] }, index: 0 })).toBeNull();
  });
});

describe('draft parts', () => {
  it('splits a Multi geometry into parts and joins them back', () => {
    const multi = deepFreeze({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] } as const);
    const parts = toParts(multi as unknown as Polygon);
    expect(parts).toEqual([square, square]);
    expect(fromParts(parts)).toEqual(multi);
    expect(fromParts([line])).toBe(line);
    expect(fromParts([])).toBeNull();
    expect(toParts(null)).toEqual([]);
  });

  it('joins mixed parts into a GeometryCollection (which the API refuses by name)', () => {
    expect(fromParts([square, line])).toEqual({ type: 'GeometryCollection', geometries: [square, line] });
  });
});
