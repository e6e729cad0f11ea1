/** [minX, minY, maxX, maxY] in the geometry's own CRS units. */
export type Envelope = [number, number, number, number];

/** The WKB geometry type of `wkb` (1 Point … 7 GeometryCollection), whatever its Z/M flags. */
export function wkbGeometryType(wkb: Uint8Array): number {
  if (wkb.length < 5) throw new Error('WKB is shorter than its header');
  const view = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  return view.getUint32(1, view.getUint8(0) === 1) % 1000;
}

/**
 * The 2D envelope of an ISO WKB geometry (as PostGIS's ST_AsBinary writes it), or null when it is empty.
 * Walks the bytes itself, so the GeoPackage writer needs nothing but the WKB.
 */
export function wkbEnvelope(wkb: Uint8Array): Envelope | null {
  const view = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  const env: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  let offset = 0;
  const readGeometry = (): void => {
    const little = view.getUint8(offset) === 1;
    const code = view.getUint32(offset + 1, little);
    offset += 5;
    // ISO WKB: 1000 adds Z, 2000 adds M, 3000 adds both.
    const dims = 2 + (Math.floor(code / 1000) === 3 ? 2 : Math.floor(code / 1000) === 0 ? 0 : 1);
    const count = () => {
      const n = view.getUint32(offset, little);
      offset += 4;
      return n;
    };
    const points = (n: number) => {
      for (let i = 0; i < n; i++) {
        const x = view.getFloat64(offset, little);
        const y = view.getFloat64(offset + 8, little);
        offset += dims * 8;
        // An empty point is written as NaN, NaN.
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        env[0] = Math.min(env[0], x);
        env[1] = Math.min(env[1], y);
        env[2] = Math.max(env[2], x);
        env[3] = Math.max(env[3], y);
      }
    };
    switch (code % 1000) {
      case 1:
        return points(1);
      case 2:
        return points(count());
      case 3:
        for (let rings = count(); rings > 0; rings--) points(count());
        return;
      case 4:
      case 5:
      case 6:
      case 7:
        for (let parts = count(); parts > 0; parts--) readGeometry();
        return;
      default:
        throw new Error(`unsupported WKB geometry type ${code}`);
    }
  };
  readGeometry();
  if (offset !== wkb.length) throw new Error('WKB has trailing bytes');
  return env[0] === Infinity ? null : env;
}

/**
 * A GeoPackage geometry blob (GeoPackage 1.3, §2.1.3 "GeoPackageBinary"): 'GP', version 0, flags, srs_id, the
 * envelope [minx, maxx, miny, maxy] (none for points, as GDAL writes them), then the ISO WKB unchanged.
 */
export function geoPackageGeometry({ srsId, wkb }: { srsId: number; wkb: Uint8Array }): Uint8Array {
  const envelope = wkbEnvelope(wkb);
  const withEnvelope = envelope !== null && wkbGeometryType(wkb) !== 1;
  const header = new Uint8Array(8 + (withEnvelope ? 32 : 0));
  const view = new DataView(header.buffer);
  header[0] = 0x47; // 'G'
  header[1] = 0x50; // 'P'
  header[2] = 0; // version 1
  // bit 0: little-endian header; bits 1–3: envelope kind (1 = xy); bit 4: empty geometry.
  header[3] = 1 | ((withEnvelope ? 1 : 0) << 1) | ((envelope === null ? 1 : 0) << 4);
  view.setInt32(4, srsId, true);
  if (withEnvelope) {
    view.setFloat64(8, envelope[0], true);
    view.setFloat64(16, envelope[2], true);
    view.setFloat64(24, envelope[1], true);
    view.setFloat64(32, envelope[3], true);
  }
  const out = new Uint8Array(header.length + wkb.length);
  out.set(header, 0);
  out.set(wkb, header.length);
  return out;
}
