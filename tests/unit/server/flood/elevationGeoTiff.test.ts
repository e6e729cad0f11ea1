import { writeArrayBuffer, type GeotiffWriterMetadata } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { readElevationGeoTiff } from '../../../../server/src/modules/flood/readElevationGeoTiff';
import { writeElevationGeoTiff } from '../../../../server/src/modules/flood/writeElevationGeoTiff';
import { gridFromRows } from './gridFixture';

const grid = Object.freeze({
  ...gridFromRows(
    [
      [-3, 0.25, 1.5],
      [NaN, 2.75, 12.5],
    ],
    25,
  ),
  source: 'Testgitter ved Køge Å',
});

function foreignTiff(metadata: GeotiffWriterMetadata): ArrayBuffer {
  return writeArrayBuffer(Float32Array.from([1, 2, 3, 4]), { width: 2, height: 2, ...metadata });
}

describe('elevation GeoTIFF', () => {
  it('reads back what it wrote: values (NaN as no-data), origin, cell size, source and accuracy', async () => {
    const read = await readElevationGeoTiff({ buffer: writeElevationGeoTiff({ grid }) });
    expect(read).toEqual({ ...grid });
  });

  it('lets the caller override source and accuracy', async () => {
    const read = await readElevationGeoTiff({
      buffer: writeElevationGeoTiff({ grid }),
      source: 'DHM',
      accuracy: 'official',
    });
    expect([read.source, read.accuracy]).toEqual(['DHM', 'official']);
  });

  it('rejects another projected CRS and names the code it found', async () => {
    const buffer = foreignTiff({
      ModelPixelScale: [25, 25, 0],
      ModelTiepoint: [0, 0, 0, 700_000, 6_150_000, 0],
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32632,
    });
    await expect(readElevationGeoTiff({ buffer })).rejects.toThrow(/EPSG:25832.*ProjectedCSTypeGeoKey 32632/);
  });

  it('rejects a geographic (lon/lat) GeoTIFF', async () => {
    const buffer = foreignTiff({ ModelPixelScale: [0.001, 0.001, 0], ModelTiepoint: [0, 0, 0, 12.18, 55.46, 0] });
    await expect(readElevationGeoTiff({ buffer })).rejects.toThrow(/GeographicTypeGeoKey 4326/);
  });

  it('refuses a raster larger than maxCells before decoding it', async () => {
    await expect(readElevationGeoTiff({ buffer: writeElevationGeoTiff({ grid }), maxCells: 5 })).rejects.toThrow(
      /at most 5/,
    );
  });
});
