import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FloodExtent } from '../features/climate/FloodExtent';
import { floodSourceData } from './buildFloodLayers';

/**
 * Puts a flood into its GeoJSON source (issue #7). The source and its style layers (`specs`, below `before`) are added
 * with the first flood and then kept, emptied, when the flood is cleared, so that they keep their place in the stack.
 */
export function putFloodLayers({
  map,
  sourceId,
  extent,
  specs,
  before,
}: {
  map: MapLibreMap;
  sourceId: string;
  extent: FloodExtent | null;
  specs: () => LayerSpecification[];
  before: string | undefined;
}): void {
  const data = floodSourceData(extent);
  const source = map.getSource<GeoJSONSource>(sourceId);
  if (source) {
    source.setData(data);
    return;
  }
  if (extent === null) return;
  map.addSource(sourceId, { type: 'geojson', data });
  for (const spec of specs()) map.addLayer(spec, before);
}
