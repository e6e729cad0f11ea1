import { contours } from 'd3-contour';
import type { GridFrame } from './elevationGrid';

/** A GeoJSON MultiPolygon in EPSG:25832 metres (so not RFC 7946, which is EPSG:4326 only). */
export interface MultiPolygon25832 {
  type: 'MultiPolygon';
  coordinates: [number, number][][][];
}

/** The outline of a flood mask and its size. */
export interface FloodOutline {
  /** Flooded cells, outer rings counter-clockwise and holes clockwise (the GeoJSON right-hand rule). */
  geometry: MultiPolygon25832;
  /** Flooded cells × cellSize², in m²: the model's own figure, independent of the outline. */
  floodedAreaM2: number;
  floodedCells: number;
}

/**
 * Turns a flood mask (1 = flooded, row-major, row 0 = north) into polygons along the cell edges, in EPSG:25832.
 *
 * d3-contour traces the 0.5 contour through cell-edge midpoints and cuts every corner by ⅛ cell; each cut is
 * put back to the true cell corner, so the outline's area equals the flooded area. The one exception is a
 * saddle, a corner where two flooded cells touch only diagonally: there the cut stays, because a ring through
 * the shared corner would touch itself, which PostGIS rejects as invalid.
 * Pixel (px, py) maps to x = originX + px·cellSize, y = originY − py·cellSize.
 */
export function floodPolygons({ grid, mask }: { grid: GridFrame; mask: Uint8Array }): FloodOutline {
  const { width, height, cellSize } = grid;
  if (mask.length !== width * height) {
    throw new RangeError(`mask has ${mask.length} cells, the grid ${width} × ${height}`);
  }
  let floodedCells = 0;
  for (const v of mask) floodedCells += v;

  const at = (col: number, row: number): number =>
    col >= 0 && col < width && row >= 0 && row < height ? mask[row * width + col]! : 0;
  const isSaddle = (cx: number, cy: number): boolean => {
    const nw = at(cx - 1, cy - 1);
    const ne = at(cx, cy - 1);
    return nw === at(cx, cy) && ne === at(cx - 1, cy) && nw !== ne;
  };
  const toMap = ([px, py]: [number, number]): [number, number] => [
    grid.originX + px * cellSize,
    grid.originY - py * cellSize,
  ];

  const coordinates: [number, number][][][] = [];
  if (floodedCells > 0) {
    const [multi] = contours().size([width, height]).thresholds([0.5]).smooth(false)(Array.from(mask));
    for (const polygon of multi?.coordinates ?? []) {
      coordinates.push(
        polygon.map((ring, i) => orient(squareCorners(ring as [number, number][], isSaddle).map(toMap), i === 0)),
      );
    }
  }
  return { geometry: { type: 'MultiPolygon', coordinates }, floodedAreaM2: floodedCells * cellSize ** 2, floodedCells };
}

/**
 * Replaces each diagonal step of a closed ring (pixel units, from an edge midpoint on a vertical cell edge to one
 * on a horizontal edge or back) by the cell corner between them, unless that corner is a saddle, then drops the
 * midpoints left on straight runs.
 */
function squareCorners(ring: [number, number][], isSaddle: (cx: number, cy: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    out.push([x0, y0]);
    if (x0 !== x1 && y0 !== y1) {
      const cx = Number.isInteger(x0) ? x0 : x1;
      const cy = Number.isInteger(y0) ? y0 : y1;
      if (!isSaddle(cx, cy)) out.push([cx, cy]);
    }
  }
  const n = out.length;
  const kept = out.filter((p, i) => {
    const prev = out[(i + n - 1) % n]!;
    const next = out[(i + 1) % n]!;
    return !((prev[0] === p[0] && p[0] === next[0]) || (prev[1] === p[1] && p[1] === next[1]));
  });
  return [...kept, kept[0]!];
}

/** The ring, reversed if needed so that an outer ring runs counter-clockwise and a hole clockwise (y north-up). */
function orient(ring: [number, number][], outer: boolean): [number, number][] {
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    twiceArea += x0 * y1 - x1 * y0;
  }
  return twiceArea > 0 === outer ? ring : [...ring].reverse();
}
