// npm run flood:grid: writes the shipped illustrative terrain model, data/elevation/koege-illustrative-dem.tif.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_ELEVATION_FILE } from '../../server/src/modules/flood/elevationSource';
import { writeElevationGeoTiff } from '../../server/src/modules/flood/writeElevationGeoTiff';
import { makeIllustrativeGrid } from './makeIllustrativeGrid';
import { projectSeaRings } from './projectSeaRings';

const SEA_LAYER = fileURLToPath(new URL('../../data/elevation/illustrative-sea.geojson', import.meta.url));

const seaRings = projectSeaRings({ collection: JSON.parse(await readFile(SEA_LAYER, 'utf8')) });
const grid = makeIllustrativeGrid({ seaRings });
const bytes = new Uint8Array(writeElevationGeoTiff({ grid }));
await mkdir(dirname(SHIPPED_ELEVATION_FILE), { recursive: true });
await writeFile(SHIPPED_ELEVATION_FILE, bytes);
console.log(
  `wrote ${SHIPPED_ELEVATION_FILE}: ${grid.width} × ${grid.height} cells of ${grid.cellSize} m, ${bytes.length} bytes`,
);
