import { HttpProblem } from '../../platform/errors';

/** A tile address in the XYZ scheme (Web Mercator, EPSG:3857), as used by MapLibre. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export const MAX_TILE_ZOOM = 22;

/**
 * Parses z/x/y path parts: integers only, 0 ≤ z ≤ 22 and 0 ≤ x, y < 2^z. Throws a 400 naming the part.
 */
export function parseTileAddress(parts: { z: string; x: string; y: string }): TileAddress {
  const integer = (name: 'z' | 'x' | 'y') => {
    const text = parts[name];
    if (!/^\d{1,8}$/.test(text)) throw HttpProblem.badRequest(name, 'must be a non-negative integer');
    return Number(text);
  };
  const z = integer('z');
  if (z > MAX_TILE_ZOOM) throw HttpProblem.badRequest('z', `must be between 0 and ${MAX_TILE_ZOOM}`);
  const size = 2 ** z;
  const x = integer('x');
  if (x >= size) throw HttpProblem.badRequest('x', `must be between 0 and ${size - 1} at zoom ${z}`);
  const y = integer('y');
  if (y >= size) throw HttpProblem.badRequest('y', `must be between 0 and ${size - 1} at zoom ${z}`);
  return { z, x, y };
}

/** Width of one tile in EPSG:3857 metres at zoom z. */
export const tileSpanMetres = (z: number) => (2 * 20_037_508.342789244) / 2 ** z;
