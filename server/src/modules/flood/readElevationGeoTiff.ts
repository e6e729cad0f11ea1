import { readFile } from 'node:fs/promises';
import { fromArrayBuffer } from 'geotiff';
import { ACCURACIES } from '@shared/schemas/vocabulary';
import type { ElevationAccuracy, ElevationGrid } from './elevationGrid';

/**
 * Cells accepted by default: 4 km² at Danmarks Højdemodel's 0.4 m, 100 km² resampled to 2 m. About 100 MB of
 * float32, plus the flood model's work arrays (about 10 bytes a cell).
 */
const DEFAULT_MAX_CELLS = 25_000_000;

interface ReadOptions {
  /** Overrides the source written in the file's ImageDescription. */
  source?: string;
  /** Overrides the accuracy written in the file's ImageDescription. */
  accuracy?: ElevationAccuracy;
  /** Refuse larger rasters before decoding them. */
  maxCells?: number;
}

/**
 * Reads a single-band, north-up GeoTIFF in EPSG:25832 (metres, heights in metres DVR90; the format of Danmarks
 * Højdemodel) into an {@link ElevationGrid}. The GDAL_NODATA value becomes NaN. Source and accuracy come from
 * the options, else from the JSON that {@link writeElevationGeoTiff} puts in ImageDescription, else
 * 'unknown source' / 'approximate'.
 *
 * Throws an Error naming the problem for another CRS, a rotated or non-square raster, more than one band,
 * or more than `maxCells` cells.
 */
export async function readElevationGeoTiff({
  buffer,
  ...options
}: { buffer: ArrayBuffer } & ReadOptions): Promise<ElevationGrid> {
  const image = await (await fromArrayBuffer(buffer)).getImage();
  const geoKeys = image.getGeoKeys() ?? {};
  const epsg: unknown = geoKeys.ProjectedCSTypeGeoKey;
  if (epsg !== 25832) {
    const found =
      epsg !== undefined
        ? `ProjectedCSTypeGeoKey ${String(epsg)}`
        : geoKeys.GeographicTypeGeoKey !== undefined
          ? `GeographicTypeGeoKey ${String(geoKeys.GeographicTypeGeoKey)} (not projected)`
          : 'no CRS';
    throw new Error(`elevation GeoTIFF must be in EPSG:25832 (ProjectedCSTypeGeoKey 25832); found ${found}`);
  }
  const bands = image.getSamplesPerPixel();
  if (bands !== 1) throw new Error(`elevation GeoTIFF must have one band; found ${bands}`);
  const directory = image.getFileDirectory();
  const transformation: unknown = directory.getValue('ModelTransformation');
  if (Array.isArray(transformation) && (transformation[1] !== 0 || transformation[4] !== 0)) {
    throw new Error('elevation GeoTIFF must be north-up; found a rotated ModelTransformation');
  }
  const [scaleX, scaleY] = image.getResolution();
  if (!(scaleX! > 0 && scaleY! < 0)) {
    throw new Error(
      `elevation GeoTIFF must be north-up with rows running south; found pixel size ${scaleX}, ${scaleY}`,
    );
  }
  const cellSize = scaleX!;
  if (Math.abs(cellSize + scaleY!) > 1e-9 * cellSize) {
    throw new Error(`elevation GeoTIFF must have square cells; found ${scaleX} × ${-scaleY!} m`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (width * height > maxCells) {
    throw new Error(`elevation GeoTIFF has ${width} × ${height} cells; at most ${maxCells} are accepted`);
  }

  let [originX, originY] = image.getOrigin();
  // PixelIsPoint ties the first cell's centre, not its corner, to the tie point.
  if (geoKeys.GTRasterTypeGeoKey === 2) {
    originX = originX! - cellSize / 2;
    originY = originY! + cellSize / 2;
  }
  const raster = await image.readRasters({ interleave: true });
  const noData = image.getGDALNoData();
  const noData32 = noData === null ? Number.NaN : Math.fround(noData);
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) {
    const v = Number(raster[i]);
    values[i] = v === noData32 || v === noData ? Number.NaN : v;
  }
  const described = describedSource(await directory.loadValue('ImageDescription'));
  return {
    width,
    height,
    originX: originX!,
    originY: originY!,
    cellSize,
    values,
    source: options.source ?? described.source ?? 'unknown source',
    accuracy: options.accuracy ?? described.accuracy ?? 'approximate',
  };
}

/** {@link readElevationGeoTiff} on a file. */
export async function readElevationGeoTiffFile({
  path,
  ...options
}: { path: string } & ReadOptions): Promise<ElevationGrid> {
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return readElevationGeoTiff({ buffer, ...options });
}

/** Source and accuracy from an ImageDescription holding JSON; anything else (GDAL's own text) gives neither. */
function describedSource(description: unknown): { source?: string; accuracy?: ElevationAccuracy } {
  if (typeof description !== 'string') return {};
  try {
    // TIFF ASCII fields end in NUL.
    const parsed: unknown = JSON.parse(description.replace(/\0+$/, ''));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { source, accuracy } = parsed as Record<string, unknown>;
    return {
      ...(typeof source === 'string' ? { source } : {}),
      ...((ACCURACIES as readonly unknown[]).includes(accuracy) ? { accuracy: accuracy as ElevationAccuracy } : {}),
    };
  } catch {
    return {};
  }
}
