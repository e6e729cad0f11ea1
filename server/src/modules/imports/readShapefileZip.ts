import { inflateRawSync } from 'node:zlib';
import proj4 from 'proj4';
import { iter, type ZipItem } from 'but-unzip';
import { parseDbf, parseShp } from 'shpjs';
import { HttpProblem } from '../../platform/errors';
import { EPSG_25832_PROJ4 } from '@shared/crs';
import type { ImportCrs, ImportSource } from './ImportSource';

/** Most bytes the files of one zip may unpack to: far above a planner's layer, far below a zip bomb's. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

const problem = (reason: string) => HttpProblem.badRequest('body', reason);

/** Køge, a point in every CRS the .prj may name: where the two accepted CRSs are told apart. */
const PROBE: [number, number] = [12.18, 55.45];

/**
 * The CRS a .prj describes, found by projecting a point in Køge with it: the same easting/northing as
 * EPSG:25832 (within a metre) or the same lon/lat (ETRS89 or WGS 84 degrees). Any other CRS is a 400 naming
 * `crs`, so that nothing lands in the wrong place.
 */
export function prjCrs(prj: string): ImportCrs {
  let projected: number[];
  try {
    projected = proj4(prj).forward(PROBE);
  } catch {
    throw HttpProblem.badRequest('crs', 'the .prj file is not a coordinate system GDAL or proj4 can read');
  }
  const utm = proj4('EPSG:4326', EPSG_25832_PROJ4, PROBE);
  const near = (a: number[], b: number[], tolerance: number) =>
    Math.abs(a[0]! - b[0]!) <= tolerance && Math.abs(a[1]! - b[1]!) <= tolerance;
  if (near(projected, utm, 1)) return 'EPSG:25832';
  if (near(projected, PROBE, 1e-6)) return 'EPSG:4326';
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\["([^"]{1,80})"/i.exec(prj)?.[1] ?? 'another CRS';
  throw HttpProblem.badRequest('crs', `the .prj names ${name}; reproject to EPSG:25832 or EPSG:4326 first`);
}

/**
 * Whether the zip ends with an intact end-of-central-directory record (within the last 22 + 65 535 bytes, the
 * longest comment) whose directory lies inside the file. but-unzip must not see a zip without one: its search
 * for the record wraps around at byte 0 and never ends, which would stall the whole server on a truncated file.
 */
export function hasEndOfCentralDirectory(zip: Uint8Array): boolean {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const directorySize = view.getUint32(at + 12, true);
    const directoryOffset = view.getUint32(at + 16, true);
    const commentLength = view.getUint16(at + 20, true);
    return at + 22 + commentLength <= zip.length && directoryOffset + directorySize <= at;
  }
  return false;
}

/** A .shp's header: the magic number 9994 and a file length (in 16-bit words) that the bytes really have. */
function checkShpHeader(shp: Uint8Array): void {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0) !== 9994) throw problem('the .shp file is not a Shapefile');
  const declared = view.getInt32(24) * 2;
  if (declared > shp.byteLength) {
    throw problem(`the .shp file is truncated: its header says ${declared} bytes, it has ${shp.byteLength}`);
  }
}

/** A .dbf whose records fit in its bytes; parsedbf would otherwise loop over records that are not there. */
function checkDbf(dbf: Uint8Array, shapes: number): void {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw problem('the .dbf file is truncated');
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength + records * recordLength > dbf.byteLength) throw problem('the .dbf file is truncated');
  if (records !== shapes) throw problem(`the .dbf has ${records} records for ${shapes} shapes`);
}

/** The .dbf's text encoding: its .cpg, else UTF-8 if the bytes are UTF-8, else Windows-1252 (older ArcGIS). */
function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): string | undefined {
  if (cpg?.trim()) return cpg.trim();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return undefined;
  } catch {
    return 'windows-1252';
  }
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const stem = (name: string) => name.replace(/\.[a-z0-9]+$/i, '').toLowerCase();

/**
 * A zipped Shapefile as an import: exactly one .shp (with its .dbf, .prj and .cpg when present), parsed by
 * shpjs. Coordinates stay in the file's CRS; the .prj, when there is one, declares it. A file that is not a
 * zip, is damaged, holds no or several .shp files, or unpacks to more than MAX_UNZIPPED_BYTES is refused
 * (400, or 413 for the size) before anything is saved.
 */
export async function readShapefileZip(zip: Uint8Array): Promise<ImportSource> {
  const magic = zip.length >= 4 ? new DataView(zip.buffer, zip.byteOffset, 4).getUint32(0) : 0;
  if (magic !== 0x504b0304 && magic !== 0x504b0506) throw problem('is not a zip file');
  let budget = MAX_UNZIPPED_BYTES;
  const inflate = (raw: Uint8Array) => inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
  if (!hasEndOfCentralDirectory(zip)) throw problem('the zip file is damaged or truncated');
  let items: ZipItem[];
  try {
    items = [...iter(zip, inflate)];
  } catch {
    throw problem('the zip file is damaged or truncated');
  }
  const files = items.filter((i) => !i.filename.endsWith('/') && !i.filename.includes('__MACOSX'));
  const shps = files.filter((f) => extension(f.filename) === 'shp');
  if (shps.length === 0) throw problem('the zip holds no .shp file');
  if (shps.length > 1) throw problem(`the zip holds ${shps.length} .shp files; import one layer at a time`);
  const base = stem(shps[0]!.filename);
  const part = async (ext: string): Promise<Uint8Array | undefined> => {
    const item = files.find((f) => stem(f.filename) === base && extension(f.filename) === ext);
    if (!item) return undefined;
    try {
      const bytes = await item.read();
      budget -= bytes.byteLength;
      if (budget < 0) throw new RangeError('over budget');
      return bytes;
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new HttpProblem(413, 'Payload too large', `the zip unpacks to more than ${MAX_UNZIPPED_BYTES} bytes`, [
          { name: 'body', reason: `unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB` },
        ]);
      }
      throw problem(`the zip's ${ext} file cannot be unpacked`);
    }
  };
  const shp = (await part('shp'))!;
  const dbf = await part('dbf');
  const prj = await part('prj');
  const cpg = await part('cpg');

  checkShpHeader(shp);
  let geometries: ReturnType<typeof parseShp>;
  try {
    // No .prj to shpjs: it would reproject silently, also from CRSs we do not accept. The CRS is ours to settle.
    geometries = parseShp(shp, false);
  } catch (err) {
    throw problem(`the .shp file is broken (${err instanceof Error ? err.message.slice(0, 100) : 'unreadable'})`);
  }
  let records: Record<string, unknown>[] = [];
  if (dbf) {
    checkDbf(dbf, geometries.length);
    try {
      records = parseDbf(dbf, dbfEncoding(dbf, cpg && new TextDecoder().decode(cpg)));
    } catch {
      throw problem('the .dbf file is broken');
    }
  }
  const prjText = prj ? new TextDecoder().decode(prj).trim() : '';
  return {
    format: 'shapefile',
    features: geometries.map((geometry, i) => ({ geometry, properties: records[i] ?? {} })),
    declared: prjText ? { crs: prjCrs(prjText), reason: '.prj' } : null,
  };
}
