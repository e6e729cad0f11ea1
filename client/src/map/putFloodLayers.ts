import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type { Layer } from '@shared/schemas/layer';
import {
  buildFloodCompareLayerSpecs,
  buildFloodLayerSpecs,
  floodBeforeLayerId,
  floodSourceData,
} from './buildFloodLayers';
import { FLOOD_COMPARE_SOURCE_ID, FLOOD_FILL_LAYER_ID, FLOOD_SOURCE_ID } from './ids';

/**
 * Puts the floods into their sources: scenario A (the finder's filter, the climate view's or the presentation's)
 * under the first non-context API layer, and the climate comparison's scenario B under A. Called again whenever the
 * API layers change, so that the floods keep their place.
 */
export function putFloods({
  map,
  layers,
  flood,
  comparison,
}: {
  map: MapLibreMap;
  layers: readonly Layer[];
  flood: FloodExtent | null;
  comparison: FloodExtent | null;
}): void {
  if (layers.length === 0) return;
  const before = floodBeforeLayerId([...layers]);
  const under = before !== undefined && map.getLayer(before) ? before : undefined;
  putFloodLayers({ map, sourceId: FLOOD_SOURCE_ID, extent: flood, specs: buildFloodLayerSpecs, before: under });
  putFloodLayers({
    map,
    sourceId: FLOOD_COMPARE_SOURCE_ID,
    extent: comparison,
    specs: buildFloodCompareLayerSpecs,
    before: map.getLayer(FLOOD_FILL_LAYER_ID) ? FLOOD_FILL_LAYER_ID : under,
  });
}

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
