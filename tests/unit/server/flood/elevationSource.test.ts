import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { elevationFilePath, SHIPPED_ELEVATION_FILE } from '../../../../server/src/modules/flood/elevationSource';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('elevationFilePath', () => {
  it('falls back to the shipped illustrative grid', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flood-'));
    expect(elevationFilePath(dataDir)).toMatchObject({ path: SHIPPED_ELEVATION_FILE, accuracy: 'illustrative' });
  });

  it('prefers an imported file, as sourced, named after the original file', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flood-'));
    mkdirSync(join(dataDir, 'elevation'));
    writeFileSync(join(dataDir, 'elevation', 'dem.tif'), '');
    writeFileSync(
      join(dataDir, 'elevation', 'dem.json'),
      JSON.stringify({ fileName: 'DHM_terraen_1km_6150_701.tif', importedAt: '2026-11-27T10:00:00Z' }),
    );
    expect(elevationFilePath(dataDir)).toEqual({
      path: join(dataDir, 'elevation', 'dem.tif'),
      source: 'Imported GeoTIFF (DHM_terraen_1km_6150_701.tif, imported 2026-11-27T10:00:00Z)',
      accuracy: 'sourced',
    });
  });
});
