import type { Random } from './createRandom';
import type { LandUse } from './createUrbanModel';
import { insetConvex, type Ring } from './insetConvex';

/** Parcel shape by land use; lengths in metres and areas in m², at layout scale 1. */
const PARCELS: Record<
  LandUse,
  {
    /** Smallest area, and the factor to the largest; `skew` > 1 favours small parcels. */
    minArea: number;
    spread: number;
    skew: number;
    /** Depth : width of a typical parcel. */
    aspect: number;
    /** No parcel is narrower than this, except the last of a row, which may be half as wide. */
    minWidth: number;
    /** Chance that a parcel gets a fifth corner: one edge bent in, or a corner cut at a street crossing. */
    bend: number;
    chamfer: number;
    /** A private lane between every two rows of parcels (towns), metres wide; 0 for none. */
    lane: number;
  }
> = {
  city: { minArea: 250, spread: 6, skew: 1.3, aspect: 1.6, minWidth: 6, bend: 0.1, chamfer: 0.5, lane: 5 },
  town: { minArea: 550, spread: 9, skew: 2, aspect: 1.8, minWidth: 10, bend: 0.15, chamfer: 0.5, lane: 6 },
  country: { minArea: 10_000, spread: 30, skew: 1.2, aspect: 1.5, minWidth: 25, bend: 0.3, chamfer: 0, lane: 0 },
};

/** Neighbours are kept this far apart (metres), so that rounding to centimetres can never make them overlap. */
const GAP = 0.05;

const lerp = (a: readonly [number, number], b: readonly [number, number], t: number): [number, number] => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
];
const round = (v: number) => Math.round(v * 100) / 100;

/** Twice the signed area; > 0 for counter-clockwise. */
function doubleArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % ring.length]!;
    sum += ax * by - bx * ay;
  }
  return sum;
}

/** Replaces corner `i` of a convex ring by two points `cut` metres along its edges: a street-corner cut. */
function cutCorner(ring: Ring, i: number, cut: number): Ring {
  const n = ring.length;
  const v = ring[i]!;
  const prev = ring[(i + n - 1) % n]!;
  const next = ring[(i + 1) % n]!;
  const a = lerp(v, prev, Math.min(0.25, cut / Math.hypot(prev[0] - v[0], prev[1] - v[1])));
  const b = lerp(v, next, Math.min(0.25, cut / Math.hypot(next[0] - v[0], next[1] - v[1])));
  return [...ring.slice(0, i), a, b, ...ring.slice(i + 1)];
}

/** Adds a point near the middle of edge `i`, pushed inwards: an old boundary that was never straightened. */
function bendEdge(ring: Ring, i: number, random: Random): Ring {
  const a = ring[i]!;
  const b = ring[(i + 1) % ring.length]!;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  // Half the mean width bounds the bend, so the new point stays well inside a thin parcel too.
  const perimeter = ring.reduce((sum, p, k) => {
    const q = ring[(k + 1) % ring.length]!;
    return sum + Math.hypot(q[0] - p[0], q[1] - p[1]);
  }, 0);
  const depth = Math.min(length * random.range(0.02, 0.06), (0.5 * doubleArea(ring)) / perimeter);
  const [mx, my] = lerp(a, b, random.range(0.35, 0.65));
  const m: [number, number] = [mx - ((b[1] - a[1]) / length) * depth, my + ((b[0] - a[0]) / length) * depth];
  return [...ring.slice(0, i + 1), m, ...ring.slice(i + 1)];
}

/**
 * Cuts a block (a convex quadrilateral, counter-clockwise, EPSG:25832 metres) into rows of parcels whose
 * sizes follow the land use, `scale` times the natural lengths. Rows share their long edges and parcels in a
 * row share their side edges, so parcels never overlap; each is then drawn in by 5 cm and rounded to 1 cm.
 * Returns open, counter-clockwise rings of 4 or 5 points. Pure: the block is not changed.
 */
export function subdivideBlock({
  block,
  use,
  scale,
  random,
}: {
  block: readonly (readonly [number, number])[];
  use: LandUse;
  scale: number;
  random: Random;
}): Ring[] {
  const shape = PARCELS[use];
  // Rows run along edge AB; turning the corner labels turns the rows.
  const turn = random.chance(0.5) ? 1 : 0;
  const [a, b, c, d] = [0, 1, 2, 3].map((k) => block[(k + turn) % 4]!) as [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
  const areaScale = scale * scale;
  const minWidth = shape.minWidth * scale;
  const sampleArea = () => shape.minArea * areaScale * shape.spread ** (random.next() ** shape.skew);
  const medianArea = shape.minArea * areaScale * shape.spread ** (0.5 ** shape.skew);
  const across = (Math.hypot(d[0] - a[0], d[1] - a[1]) + Math.hypot(c[0] - b[0], c[1] - b[1])) / 2;
  const rows = Math.max(1, Math.round(across / Math.sqrt(medianArea * shape.aspect)));

  // Row boundaries as fractions along AD (left) and BC (right), jittered separately so rows are not parallel.
  const left = [0];
  const right = [0];
  for (let r = 1; r < rows; r++) {
    left.push((r + random.range(-0.15, 0.15)) / rows);
    right.push((r + random.range(-0.15, 0.15)) / rows);
  }
  left.push(1);
  right.push(1);
  const lane = shape.lane > 0 ? (shape.lane * scale) / across / 2 : 0;

  const parcels: Ring[] = [];
  for (let r = 0; r < rows; r++) {
    // A lane separates row pairs: rows 0|1 back to back, lane, rows 2|3 back to back, …
    const laneBelow = r > 0 && r % 2 === 0 ? lane : 0;
    const laneAbove = r < rows - 1 && r % 2 === 1 ? lane : 0;
    const bottomLeft = lerp(a, d, left[r]! + laneBelow);
    const bottomRight = lerp(b, c, right[r]! + laneBelow);
    const topLeft = lerp(a, d, left[r + 1]! - laneAbove);
    const topRight = lerp(b, c, right[r + 1]! - laneAbove);
    const length =
      (Math.hypot(bottomRight[0] - bottomLeft[0], bottomRight[1] - bottomLeft[1]) +
        Math.hypot(topRight[0] - topLeft[0], topRight[1] - topLeft[1])) /
      2;
    const depth = (across * (left[r + 1]! + right[r + 1]! - left[r]! - right[r]!)) / 2;

    // Cut the row into widths from the area distribution; the last parcel takes what is left.
    const cuts = [0];
    const widths: number[] = [];
    for (let at = 0; ;) {
      const du = Math.max(sampleArea() / depth, minWidth) / length;
      if (at + du * 1.5 >= 1) break;
      at += du;
      cuts.push(at);
      widths.push(du);
    }
    cuts.push(1);
    widths.push(1 - cuts[cuts.length - 2]!);
    // The far ends of the cuts wander a little, so neighbours are not exact rectangles.
    const topCuts = cuts.map((u, k) =>
      k === 0 || k === cuts.length - 1 ? u : u + random.range(-0.2, 0.2) * Math.min(widths[k - 1]!, widths[k]!),
    );

    for (let k = 0; k < cuts.length - 1; k++) {
      let ring = insetConvex({
        ring: [
          lerp(bottomLeft, bottomRight, cuts[k]!),
          lerp(bottomLeft, bottomRight, cuts[k + 1]!),
          lerp(topLeft, topRight, topCuts[k + 1]!),
          lerp(topLeft, topRight, topCuts[k]!),
        ],
        distance: GAP,
      });
      // Which corner of this parcel is a corner of the block (a street crossing), if any.
      const last = k === cuts.length - 2;
      const blockCorner =
        r === 0 && k === 0 ? 0 : r === 0 && last ? 1 : r === rows - 1 && last ? 2 : r === rows - 1 && k === 0 ? 3 : -1;
      if (blockCorner >= 0 && random.chance(shape.chamfer)) {
        ring = cutCorner(ring, blockCorner, random.range(3, 5) * scale);
      } else if (random.chance(shape.bend)) {
        ring = bendEdge(ring, Math.floor(random.next() * 4), random);
      }
      parcels.push(ring.map(([x, y]) => [round(x), round(y)]));
    }
  }
  return parcels;
}
