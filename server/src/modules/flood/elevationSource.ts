import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElevationAccuracy } from './elevationGrid';

/** The illustrative terrain model shipped with the repository (data/elevation/README.md). */
export const SHIPPED_ELEVATION_FILE = fileURLToPath(
  new URL('../../../../data/elevation/koege-illustrative-dem.tif', import.meta.url),
);

/** Which terrain file the flood model reads, and how far to trust it. */
export interface ElevationFileChoice {
  path: string;
  source: string;
  accuracy: ElevationAccuracy;
}

/** What `npm run flood:import` records next to the imported file. */
export interface ImportRecord {
  /** The name of the file that was imported. */
  fileName: string;
  /** ISO 8601 time of the import. */
  importedAt: string;
}

/** Where `npm run flood:import` puts a terrain model, and its import record, under the data folder. */
export function importedElevationFiles(dataDir: string): { tif: string; record: string } {
  return { tif: join(dataDir, 'elevation', 'dem.tif'), record: join(dataDir, 'elevation', 'dem.json') };
}

/**
 * The imported terrain model in `dataDir` (default `.data`) if there is one, as 'sourced' with the imported file's
 * name and date; otherwise the shipped illustrative grid.
 */
export function elevationFilePath(dataDir: string): ElevationFileChoice {
  const { tif, record } = importedElevationFiles(dataDir);
  if (!existsSync(tif)) {
    return {
      path: SHIPPED_ELEVATION_FILE,
      source: 'Illustrative terrain invented for this project (data/elevation/README.md)',
      accuracy: 'illustrative',
    };
  }
  let name = 'dem.tif';
  try {
    const parsed = JSON.parse(readFileSync(record, 'utf8')) as Partial<ImportRecord>;
    if (typeof parsed.fileName === 'string') {
      name = parsed.importedAt ? `${parsed.fileName}, imported ${parsed.importedAt}` : parsed.fileName;
    }
  } catch {
    // No record (copied in by hand): the file's own name is all there is.
  }
  return { path: tif, source: `Imported GeoTIFF (${name})`, accuracy: 'sourced' };
}
