/**
 * A polygon with one ring as hex-encoded little-endian EWKB with an SRID, the text form PostGIS reads for
 * a `geometry` value (in COPY text and as a query parameter). `ring` is closed; coordinates in the CRS of
 * `srid` (here EPSG:25832 metres).
 */
export function ewkbHex({ ring, srid }: { ring: readonly (readonly [number, number])[]; srid: number }): string {
  const bytes = Buffer.allocUnsafe(17 + 16 * ring.length);
  bytes.writeUInt8(1, 0); // little-endian
  bytes.writeUInt32LE(0x20000003, 1); // Polygon (3) with the EWKB "has SRID" flag
  bytes.writeUInt32LE(srid, 5);
  bytes.writeUInt32LE(1, 9); // rings
  bytes.writeUInt32LE(ring.length, 13);
  let offset = 17;
  for (const [x, y] of ring) {
    bytes.writeDoubleLE(x, offset);
    bytes.writeDoubleLE(y, offset + 8);
    offset += 16;
  }
  return bytes.toString('hex');
}
