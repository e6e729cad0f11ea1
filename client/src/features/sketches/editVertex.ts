import type { Position } from 'geojson';
import type { DraftPart } from './draftParts';

/** Where vertex `index` of a part lies: the ring (0 for a line or point) and the position in it. */
function locate(part: DraftPart, index: number): { ring: number; at: number } | null {
  if (!Number.isInteger(index) || index < 0) return null;
  if (part.type === 'Point') return index === 0 ? { ring: 0, at: 0 } : null;
  if (part.type === 'LineString') return index < part.coordinates.length ? { ring: 0, at: index } : null;
  let rest = index;
  for (const [ring, positions] of part.coordinates.entries()) {
    const open = positions.length - 1;
    if (rest < open) return { ring, at: rest };
    rest -= open;
  }
  return null;
}

/** How many vertices a part has that can be edited (a ring's closing position is its first vertex). */
export function vertexCount(part: DraftPart): number {
  if (part.type === 'Point') return 1;
  if (part.type === 'LineString') return part.coordinates.length;
  return part.coordinates.reduce((sum, ring) => sum + ring.length - 1, 0);
}

/** Vertex `index` of a part (numbered as vertexCount counts them), or null when there is none. */
export function vertexAt(part: DraftPart, index: number): Position | null {
  const where = locate(part, index);
  if (where === null) return null;
  if (part.type === 'Point') return part.coordinates;
  if (part.type === 'LineString') return part.coordinates[where.at] ?? null;
  return part.coordinates[where.ring]?.[where.at] ?? null;
}

/**
 * A copy of the part with vertex `index` moved to `to` (EPSG:4326); moving a ring's first vertex moves its
 * closing position with it. Null when there is no such vertex. The input is never changed.
 */
export function moveVertex({ part, index, to }: { part: DraftPart; index: number; to: Position }): DraftPart | null {
  const where = locate(part, index);
  if (where === null) return null;
  const position = [...to];
  if (part.type === 'Point') return { type: 'Point', coordinates: position };
  if (part.type === 'LineString') {
    return { type: 'LineString', coordinates: part.coordinates.map((p, i) => (i === where.at ? position : p)) };
  }
  return {
    type: 'Polygon',
    coordinates: part.coordinates.map((ring, r) => {
      if (r !== where.ring) return ring;
      const last = ring.length - 1;
      return ring.map((p, i) => (i === where.at || (where.at === 0 && i === last) ? position : p));
    }),
  };
}

/**
 * A copy of the part without vertex `index`. Null when there is no such vertex or the part would stop being one:
 * a ring needs 3 vertices, a line 2, and a point cannot lose its one (delete the whole part instead).
 */
export function removeVertex({ part, index }: { part: DraftPart; index: number }): DraftPart | null {
  const where = locate(part, index);
  if (where === null || part.type === 'Point') return null;
  if (part.type === 'LineString') {
    if (part.coordinates.length <= 2) return null;
    return { type: 'LineString', coordinates: part.coordinates.filter((_, i) => i !== where.at) };
  }
  const ring = part.coordinates[where.ring]!;
  if (ring.length - 1 <= 3) return null;
  const open = ring.slice(0, -1).filter((_, i) => i !== where.at);
  const closed = [...open, open[0]!];
  return { type: 'Polygon', coordinates: part.coordinates.map((other, r) => (r === where.ring ? closed : other)) };
}
