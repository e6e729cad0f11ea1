/** Answers "is this on land?" for one outline polygon. */
export interface LandMask {
  /** Strictly inside the outline (points on the coast count as outside). */
  containsPoint(x: number, y: number): boolean;
  /** The whole ring lies inside: every vertex inside and no edge touching or crossing the coast. */
  containsRing(ring: readonly (readonly [number, number])[]): boolean;
}

/** Sign of the turn a → b → c: > 0 left (counter-clockwise), < 0 right, 0 collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Do closed segments ab and cd share any point (crossing, touching or overlapping)? */
function segmentsMeet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  );
}

/**
 * A land mask for a simple polygon `outline` (any orientation, not closed), in one planar CRS
 * (here EPSG:25832 metres). Exact predicates on the given coordinates; no tolerance.
 */
export function createLandMask(outline: readonly (readonly [number, number])[]): LandMask {
  const n = outline.length;
  const xs = Float64Array.from(outline, (p) => p[0]);
  const ys = Float64Array.from(outline, (p) => p[1]);

  const containsPoint = (x: number, y: number): boolean => {
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = xs[i]!;
      const yi = ys[i]!;
      const xj = xs[j]!;
      const yj = ys[j]!;
      if (orient(xj, yj, xi, yi, x, y) === 0 && onSegment(xj, yj, xi, yi, x, y)) return false;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

  const containsRing = (ring: readonly (readonly [number, number])[]): boolean => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of ring) {
      if (!containsPoint(x, y)) return false;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    // All vertices are inside; the ring leaves the land only if one of its edges meets the coast.
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = xs[i]!;
      const yi = ys[i]!;
      const xj = xs[j]!;
      const yj = ys[j]!;
      if (Math.max(xi, xj) < minX || Math.min(xi, xj) > maxX || Math.max(yi, yj) < minY || Math.min(yi, yj) > maxY) {
        continue;
      }
      for (let k = 0; k < ring.length; k++) {
        const a = ring[k]!;
        const b = ring[(k + 1) % ring.length]!;
        if (segmentsMeet(a[0], a[1], b[0], b[1], xj, yj, xi, yi)) return false;
      }
    }
    return true;
  };

  return { containsPoint, containsRing };
}
