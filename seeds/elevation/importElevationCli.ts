// npm run flood:import -- path/to/dhm.tif: checks a terrain model and installs it as ${DATA_DIR:-.data}/elevation/dem.tif.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { importedElevationFiles, type ImportRecord } from '../../server/src/modules/flood/elevationSource';
import { readElevationGeoTiffFile } from '../../server/src/modules/flood/readElevationGeoTiff';

const file = process.argv[2];
if (!file) {
  console.error(
    'usage: npm run flood:import -- path/to/dhm.tif   (a single-band GeoTIFF in EPSG:25832, heights in m DVR90)',
  );
  process.exit(2);
}
try {
  const grid = await readElevationGeoTiffFile({ path: file, source: basename(file), accuracy: 'sourced' });
  let noData = 0;
  for (const v of grid.values) if (Number.isNaN(v)) noData++;
  if (noData === grid.values.length) throw new Error('every cell is no-data');
  const { tif, record } = importedElevationFiles(process.env.DATA_DIR || '.data');
  await mkdir(dirname(tif), { recursive: true });
  await copyFile(file, tif);
  const entry: ImportRecord = { fileName: basename(file), importedAt: new Date().toISOString() };
  await writeFile(record, `${JSON.stringify(entry, null, 2)}\n`);
  console.log(
    `imported ${file}: ${grid.width} × ${grid.height} cells of ${grid.cellSize} m, north-west corner ` +
      `E ${grid.originX} N ${grid.originY} (EPSG:25832), ${noData} no-data cells → ${tif}`,
  );
} catch (error) {
  console.error(`flood:import: ${file} was not imported: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
