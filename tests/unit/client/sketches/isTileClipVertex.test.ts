import { describe, expect, it } from 'vitest';
import { isTileClipVertex } from '../../../../client/src/features/sketches/isTileClipVertex';
import { API_TILE_BUFFER, API_TILE_EXTENT } from '../../../../client/src/map/apiTiles';
import { BUFFER, EXTENT } from '../../../../server/src/modules/tiles/tileQueries';

/** The lon/lat of tile units (ux, uy) of tile (x, y) at zoom z, as MapLibre decodes a tile's geometry. */
function lonLatOf(z: number, x: number, y: number, ux: number, uy: number): [number, number] {
  const tiles = 2 ** z;
  const lon = ((x + ux / EXTENT) / tiles) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * (y + uy / EXTENT)) / tiles;
  return [lon, (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
}

const options = { tileZoom: 16, extent: EXTENT, buffer: BUFFER };
// The tile over Køge Nord at z16.
const [X, Y] = [34978, 20570];

describe('isTileClipVertex', () => {
  it('uses the server’s tile extent and buffer', () => {
    expect([API_TILE_EXTENT, API_TILE_BUFFER]).toEqual([EXTENT, BUFFER]);
  });

  it('spots the points where a tile cut a feature, on each of the four buffer lines', () => {
    for (const [ux, uy] of [
      [-BUFFER, 1000],
      [EXTENT + BUFFER, 1000],
      [1000, -BUFFER],
      [1000, EXTENT + BUFFER],
    ] as const) {
      expect(isTileClipVertex({ position: lonLatOf(16, X, Y, ux, uy), ...options }), `${ux},${uy}`).toBe(true);
    }
  });

  it('keeps a feature’s own corners, inside the tile or in its buffer', () => {
    for (const [ux, uy] of [
      [1000, 1000],
      [0, 0],
      [-BUFFER + 1, 2000],
      [EXTENT + 10, 3000],
    ] as const) {
      expect(isTileClipVertex({ position: lonLatOf(16, X, Y, ux, uy), ...options }), `${ux},${uy}`).toBe(false);
    }
  });

  it('depends on the zoom of the tiles', () => {
    const cut = lonLatOf(16, X, Y, -BUFFER, 1000);
    expect(isTileClipVertex({ position: cut, ...options, tileZoom: 15 })).toBe(false);
  });
});
