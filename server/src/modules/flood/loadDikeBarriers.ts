import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import proj4 from 'proj4';
import { EPSG_25832_PROJ4 } from '@shared/crs';
import type { Barrier } from './barrier';

/** The dike layer of the seed data (EPSG:4326). */
export const DIKE_LAYER_FILE = fileURLToPath(new URL('../../../../data/layers/koege-dige.geojson', import.meta.url));

/**
 * The barriers of the dike layer: every LineString feature with `properties.kind` 'dike-section', projected from
 * EPSG:4326 to EPSG:25832 metres, with `properties.attributes.design_level_m` (metres DVR90) as its crest.
 * Pure: takes the parsed GeoJSON. Throws an Error naming the feature when a section has no usable crest or
 * geometry, and when there is no section at all.
 */
export function dikeBarriers({ collection }: { collection: unknown }): Barrier[] {
  const features = (collection as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new Error('dike layer: not a GeoJSON FeatureCollection');
  const barriers: Barrier[] = [];
  for (const feature of features as { properties?: Record<string, unknown>; geometry?: Record<string, unknown> }[]) {
    const properties = feature.properties ?? {};
    if (properties.kind !== 'dike-section') continue;
    const id = String(properties.id ?? '(no id)');
    const crestLevel = (properties.attributes as { design_level_m?: unknown } | undefined)?.design_level_m;
    if (typeof crestLevel !== 'number' || !Number.isFinite(crestLevel)) {
      throw new Error(`dike layer: ${id} has no numeric attributes.design_level_m`);
    }
    const coordinates = feature.geometry?.coordinates;
    if (feature.geometry?.type !== 'LineString' || !Array.isArray(coordinates) || coordinates.length < 2) {
      throw new Error(`dike layer: ${id} is not a LineString of at least two positions`);
    }
    barriers.push({
      crestLevel,
      coordinates: (coordinates as [number, number][]).map(
        ([lon, lat]) => proj4('EPSG:4326', EPSG_25832_PROJ4, [lon, lat]) as [number, number],
      ),
    });
  }
  if (barriers.length === 0) throw new Error('dike layer: no feature of kind dike-section');
  return barriers;
}

/** {@link dikeBarriers} of a GeoJSON file, by default the seed data's dike layer. */
export async function loadDikeBarriers(path: string = DIKE_LAYER_FILE): Promise<Barrier[]> {
  return dikeBarriers({ collection: JSON.parse(await readFile(path, 'utf8')) });
}
