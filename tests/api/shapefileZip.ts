import { crc32, deflateRawSync } from 'node:zlib';
import { write } from '@mapbox/shp-write';

/** ETRS89 / UTM zone 32N as ArcGIS writes it into a .prj. */
export const ESRI_UTM32_PRJ =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,' +
  '298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],' +
  'PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** ETRS89 / UTM zone 33N: a real CRS the import does not take. */
export const ESRI_UTM33_PRJ = ESRI_UTM32_PRJ.replace('Zone_32N', 'Zone_33N').replace(
  'PARAMETER["Central_Meridian",9.0]',
  'PARAMETER["Central_Meridian",15.0]',
);

const bytes = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/**
 * The .shp, .shx and .dbf of polygons (each a list of rings of [x, y]) with one attribute row each, written by
 * @mapbox/shp-write, an implementation independent of the reader under test.
 */
export function polygonShapefile(
  polygons: number[][][][],
  rows: Record<string, string | number>[],
): { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array } {
  let out: { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array } | undefined;
  write(rows, 'POLYGON', polygons, (err, data) => {
    if (err) throw err;
    out = { shp: bytes(data.shp as DataView), shx: bytes(data.shx as DataView), dbf: bytes(data.dbf as DataView) };
  });
  if (!out) throw new Error('shp-write did not answer');
  return out;
}

/**
 * A zip (PKZIP) of `files`, entries stored uncompressed (or deflated with `deflate`), so tests can build and
 * damage archives byte by byte.
 */
export function zipOf(files: Record<string, Uint8Array | string>, { deflate = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const method = deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
