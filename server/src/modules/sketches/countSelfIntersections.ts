import Flatbush from 'flatbush';

/** A position as GeoJSON has it; only x and y are read. */
type Position = readonly number[];

/**
 * What {@link countSelfIntersections} found: `count` contacts between segments that are not neighbours along a
 * ring, counted up to `limit + 1`; `complete` is false when it stopped early, because the count passed the
 * limit or because more segment pairs lay close than it may test.
 */
export interface SelfIntersectionCount {
  count: number;
  complete: boolean;
  /** True when the count of segment pairs to test passed `maxPairTests` (not the crossings themselves). */
  tooDense: boolean;
}

interface Segment {
  ring: number;
  /** Position of the segment in its ring, after dropping zero-length segments. */
  index: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

class Stop extends Error {}

/** Sign of the turn a → b → c: 1 left, -1 right, 0 collinear. */
function turn(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const cross = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return cross > 0 ? 1 : cross < 0 ? -1 : 0;
}

/** Whether c, collinear with a–b, lies within the segment's box. */
const within = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Whether two closed segments share at least one point (crossing, touching or overlapping). */
function touches(s: Segment, t: Segment): boolean {
  const d1 = turn(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = turn(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = turn(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = turn(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return true;
  return (
    (d1 === 0 && within(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
    (d2 === 0 && within(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
    (d3 === 0 && within(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
    (d4 === 0 && within(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
  );
}

/** The non-degenerate segments of closed rings, each knowing its ring and place in it. */
function segmentsOf(rings: readonly (readonly Position[])[]): { segments: Segment[]; ringLengths: number[] } {
  const segments: Segment[] = [];
  const ringLengths: number[] = [];
  rings.forEach((ring, r) => {
    let index = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      segments.push({ ring: r, index, ax: a[0]!, ay: a[1]!, bx: b[0]!, by: b[1]! });
      index += 1;
    }
    ringLengths.push(index);
  });
  return { segments, ringLengths };
}

/**
 * Counts where the rings of a polygon (closed rings, any units) cross or touch themselves or each other, not
 * counting the shared corner of two consecutive segments. It exists to bound what PostGIS is given (issue #19):
 * ST_MakeValid's cost grows with the number of crossings (a 100-corner star, with about 4,500 of them, took
 * 2.9 s and a 20,000-corner one grew a backend past 20 GB), so a geometry is refused before PostGIS sees it.
 *
 * Segments are indexed by their boxes (Flatbush), so an ordinary outline of n corners costs about n log n.
 * The work is bounded twice: it stops once `limit` is passed, and once `maxPairTests` pairs of segments with
 * overlapping boxes have been tested (a comb of long parallel segments, which never cross but all overlap).
 * Pure: never changes its input.
 */
export function countSelfIntersections(
  rings: readonly (readonly Position[])[],
  { limit, maxPairTests }: { limit: number; maxPairTests: number },
): SelfIntersectionCount {
  const { segments, ringLengths } = segmentsOf(rings);
  if (segments.length < 2) return { count: 0, complete: true, tooDense: false };
  const index = new Flatbush(segments.length);
  for (const s of segments) {
    index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  }
  index.finish();
  const neighbours = (s: Segment, t: Segment) => {
    if (s.ring !== t.ring) return false;
    const n = ringLengths[s.ring]!;
    const gap = Math.abs(s.index - t.index);
    return gap === 1 || gap === n - 1;
  };
  let count = 0;
  let tests = 0;
  let tooDense = false;
  try {
    segments.forEach((s, i) => {
      index.search(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by), (j) => {
        if (j <= i) return false;
        tests += 1;
        if (tests > maxPairTests) {
          tooDense = true;
          throw new Stop();
        }
        const t = segments[j]!;
        if (!neighbours(s, t) && touches(s, t)) {
          count += 1;
          if (count > limit) throw new Stop();
        }
        return false;
      });
    });
  } catch (err) {
    if (err instanceof Stop) return { count, complete: false, tooDense };
    throw err;
  }
  return { count, complete: true, tooDense: false };
}
