/** XYZ tile of a lon/lat at zoom z (Web Mercator). */
export function lonLatToTile(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, x), y: Math.min(n - 1, y) };
}

/** All tiles at zoom z that a [w, s, e, n] box touches. */
export function tilesCovering(bbox: readonly [number, number, number, number], z: number) {
  const nw = lonLatToTile(bbox[0], bbox[3], z);
  const se = lonLatToTile(bbox[2], bbox[1], z);
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}
