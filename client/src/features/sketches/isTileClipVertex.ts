import type { Position } from 'geojson';

/**
 * True when a vertex of a feature read back from a vector tile is where the tile cut the feature rather than one
 * of its own corners: on the line `buffer` units outside the tile's edge (tiles of `extent` units, zoom
 * `tileZoom`, Web Mercator). Such vertices lie on the feature's outline but are no vertex of it, so snapping
 * skips them. A true corner sits on such a line only by chance (2 in 4096 per axis); the tolerance
 * (in tile units) covers the float error of the lon/lat round trip.
 */
export function isTileClipVertex({
  position,
  tileZoom,
  extent,
  buffer,
  tolerance = 0.01,
}: {
  position: Position;
  tileZoom: number;
  extent: number;
  buffer: number;
  tolerance?: number;
}): boolean {
  const tiles = 2 ** tileZoom;
  const sin = Math.sin((position[1]! * Math.PI) / 180);
  const x = ((position[0]! + 180) / 360) * tiles;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * tiles;
  const onCutLine = (world: number) => {
    const units = (world - Math.floor(world)) * extent;
    return Math.abs(units - buffer) < tolerance || Math.abs(units - (extent - buffer)) < tolerance;
  };
  return onCutLine(x) || onCutLine(y);
}
