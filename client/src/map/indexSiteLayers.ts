import type { FeatureCollection } from '../../../server/src/schemas/site';

/** Maps each feature id to the id of the API layer holding it (feature-state needs the source). */
export function indexSiteLayers(collections: Readonly<Record<string, FeatureCollection>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [layerId, collection] of Object.entries(collections)) {
    for (const feature of collection.features) index.set(feature.id, layerId);
  }
  return index;
}
