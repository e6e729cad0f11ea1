import { writeArrayBuffer, type GeotiffWriterMetadata } from 'geotiff';
import type { ElevationGrid } from './elevationGrid';

/** The value that stands for NaN in the file, declared in GDAL_NODATA. */
const NO_DATA = -9999;

/**
 * The grid as a single-band float32 GeoTIFF in EPSG:25832, the layout of Danmarks Højdemodel: ModelPixelScale,
 * a ModelTiepoint at the north-west corner, PixelIsArea, NaN stored as −9999 (GDAL_NODATA). Source and
 * accuracy go into ImageDescription as JSON, where {@link readElevationGeoTiff} finds them again.
 */
export function writeElevationGeoTiff({ grid }: { grid: ElevationGrid }): ArrayBuffer {
  const values = grid.values.map((v) => (Number.isNaN(v) ? NO_DATA : v));
  const metadata: GeotiffWriterMetadata & { ImageDescription: string } = {
    width: grid.width,
    height: grid.height,
    ModelPixelScale: [grid.cellSize, grid.cellSize, 0],
    ModelTiepoint: [0, 0, 0, grid.originX, grid.originY, 0],
    GTModelTypeGeoKey: 1, // projected
    GTRasterTypeGeoKey: 1, // PixelIsArea
    ProjectedCSTypeGeoKey: 25832,
    GDAL_NODATA: String(NO_DATA),
    ImageDescription: asciiJson({ source: grid.source, accuracy: grid.accuracy }),
  };
  return writeArrayBuffer(values, metadata);
}

/** JSON with every non-ASCII character escaped, because a TIFF ASCII field holds 7-bit text (ø would not survive). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
