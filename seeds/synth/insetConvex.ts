/** A ring of [x, y] points, not closed. */
export type Ring = [number, number][];

/**
 * Moves every edge of a convex, counter-clockwise polygon inwards by `distance` (same unit as the
 * coordinates, here metres) and returns the smaller polygon; the input is left unchanged. Corners are
 * mitred. `distance` must be small against the polygon's width, or the result turns inside out.
 */
export function insetConvex({
  ring,
  distance,
}: {
  ring: readonly (readonly [number, number])[];
  distance: number;
}): Ring {
  const n = ring.length;
  // Each edge i (ring[i] → ring[i+1]) as a point on the shifted line and a unit direction.
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % n]!;
    const length = Math.hypot(bx - ax, by - ay);
    dx[i] = (bx - ax) / length;
    dy[i] = (by - ay) / length;
    // The inward normal of a counter-clockwise ring is the left normal (-dy, dx).
    px[i] = ax - dy[i]! * distance;
    py[i] = ay + dx[i]! * distance;
  }
  const out: Ring = [];
  for (let i = 0; i < n; i++) {
    const e = (i + n - 1) % n; // the edge that ends at vertex i
    const cross = dx[e]! * dy[i]! - dy[e]! * dx[i]!;
    // Intersect line e (p_e + s·d_e) with line i (p_i + t·d_i).
    const s = ((px[i]! - px[e]!) * dy[i]! - (py[i]! - py[e]!) * dx[i]!) / cross;
    out.push([px[e]! + s * dx[e]!, py[e]! + s * dy[e]!]);
  }
  return out;
}
