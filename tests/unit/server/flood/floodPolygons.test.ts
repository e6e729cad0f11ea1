import { describe, expect, it } from 'vitest';
import { floodPolygons } from '../../../../server/src/modules/flood/floodPolygons';
import { FIXTURE_ORIGIN } from './gridFixture';

const { originX, originY } = FIXTURE_ORIGIN;
const frameOf = (width: number, height: number) => Object.freeze({ width, height, originX, originY, cellSize: 10 });

/** Shoelace area of a ring, positive when counter-clockwise (x east, y north). */
function signedArea(ring: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return twice / 2;
}
const polygonArea = (polygon: [number, number][][]): number => polygon.reduce((sum, ring) => sum + signedArea(ring), 0);

describe('floodPolygons', () => {
  it('outlines an L of three cells along the cell edges: area = cells × cellSize²', () => {
    const mask = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const { geometry, floodedAreaM2, floodedCells } = floodPolygons({ grid: frameOf(4, 4), mask });
    expect(floodedCells).toBe(3);
    expect(floodedAreaM2).toBe(300);
    expect(geometry.coordinates).toHaveLength(1);
    const [outer] = geometry.coordinates[0]!;
    expect(signedArea(outer!)).toBe(300);
    expect(outer).toHaveLength(7); // six corners of the L, closed
    const xs = outer!.map(([x]) => x);
    const ys = outer!.map(([, y]) => y);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([
      originX + 10,
      originX + 30,
      originY - 30,
      originY - 10,
    ]);
  });

  it('follows the right-hand rule: outer rings counter-clockwise, holes clockwise', () => {
    const mask = Uint8Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]);
    const { geometry, floodedAreaM2 } = floodPolygons({ grid: frameOf(3, 3), mask });
    const [polygon] = geometry.coordinates;
    expect(polygon).toHaveLength(2);
    expect(signedArea(polygon![0]!)).toBe(900);
    expect(signedArea(polygon![1]!)).toBe(-100);
    expect(polygonArea(polygon!)).toBe(floodedAreaM2);
  });

  it('keeps cells that touch only at a corner apart, cutting that corner by ⅛ cell on each side', () => {
    const mask = Uint8Array.from([1, 0, 0, 1]);
    const { geometry, floodedAreaM2 } = floodPolygons({ grid: frameOf(2, 2), mask });
    expect(floodedAreaM2).toBe(200);
    expect(geometry.coordinates).toHaveLength(2);
    for (const polygon of geometry.coordinates) expect(polygonArea(polygon)).toBe(100 - 12.5);
  });

  it('gives an empty MultiPolygon for a dry mask', () => {
    const { geometry, floodedAreaM2 } = floodPolygons({ grid: frameOf(2, 2), mask: new Uint8Array(4) });
    expect(geometry).toEqual({ type: 'MultiPolygon', coordinates: [] });
    expect(floodedAreaM2).toBe(0);
  });

  it('rejects a mask of the wrong size', () => {
    expect(() => floodPolygons({ grid: frameOf(2, 2), mask: new Uint8Array(3) })).toThrow(RangeError);
  });
});
