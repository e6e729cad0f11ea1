import { prng } from '../../bench/lib/prng';
import { cellCentre, type ElevationGrid } from '../../server/src/modules/flood/elevationGrid';

type Point = readonly [number, number];

/** Køge town, the harbour, the coast from Skensved Å to Vedskølle Å, Køge Nord and Bellingeparken (EPSG:25832). */
export const ILLUSTRATIVE_EXTENT = { west: 696_000, north: 6_157_000, east: 705_000, south: 6_146_000 } as const;
/** Metres; 360 × 440 cells keeps the committed file near 630 kB. */
export const ILLUSTRATIVE_CELL_SIZE = 25;

const SEA_FLOOR = -3;
/** No land cell is allowed down to 0 m, where it would count as sea. */
const LOWEST_LAND = 0.2;

/** Where the sea layer stops (about N 6156000) the coast goes on north-north-east towards Solrød Strand. */
const isNorthernSea = ([x, y]: Point): boolean => y > 6_155_990 && x > 702_420 + 0.25 * (y - 6_156_040);

/**
 * Raised ground that the dike ties into, so that water cannot go round it: at its north end by Skensved Å, at its
 * south end by Vedskølle Å, and across the ~200 m between the two sections at Køge Marina, where the dike layer
 * leaves a gap. Crest in metres DVR90, flat within `halfWidth` metres of the line, then falling 1.2 m per 100 m.
 */
const TIE_INS: readonly { line: readonly [Point, Point]; crest: number; halfWidth: number }[] = [
  {
    line: [
      [702_300, 6_155_600],
      [700_800, 6_155_450],
    ],
    crest: 3.6,
    halfWidth: 75,
  },
  {
    line: [
      [702_790, 6_148_050],
      [701_300, 6_148_250],
    ],
    crest: 3.6,
    halfWidth: 75,
  },
  {
    line: [
      [701_850, 6_151_700],
      [701_800, 6_151_500],
    ],
    crest: 3.2,
    halfWidth: 40,
  },
];

/** River centre lines from the mouth inland. Floors rise 1.2 m per km from 0.4 m; sides 1.2 m per 100 m. */
const VALLEYS: readonly (readonly Point[])[] = [
  // Skensved Å, along the north side of Køge Nord.
  [
    [702_420, 6_155_880],
    [701_500, 6_155_980],
    [700_000, 6_155_900],
    [698_500, 6_155_750],
    [696_000, 6_155_900],
  ],
  // Køge Å, from the west into the inner harbour, south of the old town.
  [
    [701_540, 6_150_010],
    [701_000, 6_149_930],
    [700_200, 6_149_800],
    [699_000, 6_149_600],
    [697_500, 6_149_700],
    [696_000, 6_149_500],
  ],
  // Vedskølle Å, south of the dike's south end.
  [
    [702_950, 6_147_780],
    [702_000, 6_147_650],
    [700_500, 6_147_450],
    [698_500, 6_147_250],
    [696_000, 6_147_000],
  ],
];

/** Køge Torv: the old town sits a little higher than the harbour side around it. */
const TOWN = { centre: [701_237, 6_150_220] as Point, height: 1.1, sigma: 220 };
/** The harbour's quays (1.5–2.2 m) lie within 100 m of its basins inside this box. */
const HARBOUR = { west: 701_400, east: 702_400, south: 6_149_700, north: 6_150_900, reach: 100 };

/**
 * An invented terrain model of Køge's coast in EPSG:25832, heights in metres DVR90, for the flood model to run on
 * until a real one (Danmarks Højdemodel) is imported. Pure and deterministic: the same rings give the same grid.
 *
 * The sea (−3 m) is inside `seaRings` (EPSG:25832, even-odd). Inland of the shore lies a low strip (0.7–1.8 m)
 * some 700 m deep, then ground rising to 4 m at 1.3 km and on to about 35 m at the grid's west edge; river valleys
 * cut into it, the old town and the quays stand a little higher, and raised ground at the dike's ends and at the
 * marina lets the dike hold up to its 2.8 m crest. Smooth noise from a seeded PRNG roughens it all.
 */
export function makeIllustrativeGrid({ seaRings }: { seaRings: readonly (readonly Point[])[] }): ElevationGrid {
  const { west, north, east, south } = ILLUSTRATIVE_EXTENT;
  const cellSize = ILLUSTRATIVE_CELL_SIZE;
  const frame = {
    width: (east - west) / cellSize,
    height: (north - south) / cellSize,
    originX: west,
    originY: north,
    cellSize,
  };
  const { width, height } = frame;
  const centres: Point[] = [];
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) centres.push(cellCentre({ grid: frame, col, row }));
  }
  const sea = centres.map((p) => isNorthernSea(p) || insideRings(p, seaRings));
  const shoreDistance = chamferDistance({ width, height, cellSize, sources: sea });
  const coarse = valueNoise({ seed: 259, spacing: 700 });
  const fine = valueNoise({ seed: 2590, spacing: 220 });

  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) {
    if (sea[i]) {
      values[i] = SEA_FLOOR;
      continue;
    }
    const p = centres[i]!;
    const d = shoreDistance[i]!;
    const noise = 0.7 * coarse(p) + 0.3 * fine(p);
    let h = inlandHeight(d) + noiseAmplitude(d) * noise + townBump(p);
    const [x, y] = p;
    if (x > HARBOUR.west && x < HARBOUR.east && y > HARBOUR.south && y < HARBOUR.north && d <= HARBOUR.reach) {
      h = 1.5 + 0.35 * (noise + 1);
    }
    for (const valley of VALLEYS) {
      const { distance, along } = nearestOnPath(p, valley);
      h = Math.min(h, 0.4 + 0.0012 * along + 0.012 * distance);
    }
    for (const { line, crest, halfWidth } of TIE_INS) {
      const distance = distanceToSegment(p, line[0], line[1]).distance;
      h = Math.max(h, crest - 0.012 * Math.max(0, distance - halfWidth));
    }
    values[i] = Math.round(Math.max(LOWEST_LAND, h) * 100) / 100;
  }
  return {
    ...frame,
    values,
    source:
      'Illustrative terrain invented for this project from the Køge Bugt sea polygon and the dike line; not a survey',
    accuracy: 'illustrative',
  };
}

/** Ground height (m DVR90) at `d` metres from the shore, before valleys, town, quays and noise. */
function inlandHeight(d: number): number {
  if (d <= 700) return 0.9 + (0.6 * d) / 700;
  if (d <= 1300) return 1.5 + (2.5 * (d - 700)) / 600;
  return Math.min(40, 4 + 0.006 * (d - 1300));
}

/** Metres of noise: small on the coastal flat, where the flood levels matter, up to 3 m in the hills. */
function noiseAmplitude(d: number): number {
  return d < 1000 ? 0.25 : Math.min(3, 0.25 + 0.0012 * (d - 1000));
}

function townBump([x, y]: Point): number {
  const [cx, cy] = TOWN.centre;
  return TOWN.height * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * TOWN.sigma ** 2));
}

/** Even-odd point-in-polygon over all rings. */
function insideRings([x, y]: Point, rings: readonly (readonly Point[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Two-pass chamfer distance (metres, 8 neighbours) from every cell to the nearest source cell. */
function chamferDistance({
  width,
  height,
  cellSize,
  sources,
}: {
  width: number;
  height: number;
  cellSize: number;
  sources: readonly boolean[];
}): Float64Array {
  const d = Float64Array.from(sources, (s) => (s ? 0 : Infinity));
  const diagonal = cellSize * Math.SQRT2;
  const relax = (i: number, col: number, row: number, step: number): void => {
    if (col >= 0 && col < width && row >= 0 && row < height) d[i] = Math.min(d[i]!, d[row * width + col]! + step);
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      relax(i, col - 1, row, cellSize);
      relax(i, col, row - 1, cellSize);
      relax(i, col - 1, row - 1, diagonal);
      relax(i, col + 1, row - 1, diagonal);
    }
  }
  for (let row = height - 1; row >= 0; row--) {
    for (let col = width - 1; col >= 0; col--) {
      const i = row * width + col;
      relax(i, col + 1, row, cellSize);
      relax(i, col, row + 1, cellSize);
      relax(i, col + 1, row + 1, diagonal);
      relax(i, col - 1, row + 1, diagonal);
    }
  }
  return d;
}

/** Smooth value noise in [−1, 1] on a lattice of `spacing` metres over the extent, seeded. */
function valueNoise({ seed, spacing }: { seed: number; spacing: number }): (p: Point) => number {
  const { west, north, east, south } = ILLUSTRATIVE_EXTENT;
  const cols = Math.ceil((east - west) / spacing) + 2;
  const rows = Math.ceil((north - south) / spacing) + 2;
  const random = prng(seed);
  const lattice = Float64Array.from({ length: cols * rows }, () => 2 * random() - 1);
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  return ([x, y]) => {
    const gx = (x - west) / spacing;
    const gy = (north - y) / spacing;
    const c = Math.floor(gx);
    const r = Math.floor(gy);
    const tx = smooth(gx - c);
    const ty = smooth(gy - r);
    const v = (cc: number, rr: number): number => lattice[rr * cols + cc]!;
    const top = v(c, r) + (v(c + 1, r) - v(c, r)) * tx;
    const bottom = v(c, r + 1) + (v(c + 1, r + 1) - v(c, r + 1)) * tx;
    return top + (bottom - top) * ty;
  };
}

/** Distance (m) from p to segment a–b and how far along the segment (m) the nearest point lies. */
function distanceToSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point): { distance: number; along: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  return { distance: Math.hypot(x - ax - t * dx, y - ay - t * dy), along: t * Math.sqrt(length2) };
}

/** Distance (m) from p to a polyline and the distance along it (m, from its first vertex) of the nearest point. */
function nearestOnPath(p: Point, path: readonly Point[]): { distance: number; along: number } {
  let best = { distance: Infinity, along: 0 };
  let start = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const hit = distanceToSegment(p, a, b);
    if (hit.distance < best.distance) best = { distance: hit.distance, along: start + hit.along };
    start += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return best;
}
