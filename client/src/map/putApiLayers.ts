import type { GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { Layer } from '../../../server/src/schemas/layer';
import type { FeatureCollection } from '../../../server/src/schemas/site';
import { buildLayerSpecs, orderForDrawing, styleLayerIds } from './buildLayerSpecs';
import { buildSourceSpec } from './buildSourceSpec';
import { sourceId } from './ids';

/**
 * Puts the API's layers on a map (the main one and the swipe's second, issue #7): adds each layer's source and style
 * layers once, below `before` when given; on a reload it replaces a point layer's data and points a tile layer at its
 * new version's tiles. A layer's delivery follows its geometry type, which never changes, so a source never changes
 * type.
 */
export function putApiLayers({
  map,
  layers,
  collections,
  hiddenLayerIds,
  overBasemap,
  before,
}: {
  map: MapLibreMap;
  layers: readonly Layer[];
  /** Features of the layers delivered as GeoJSON (points), by layer id; tile layers need none. */
  collections: Readonly<Record<string, FeatureCollection>>;
  hiddenLayerIds: readonly string[];
  overBasemap: boolean;
  before?: string;
}): void {
  const hidden = new Set(hiddenLayerIds);
  const origin = window.location.origin;
  for (const layer of orderForDrawing(layers)) {
    const spec = buildSourceSpec({ layer, origin, features: collections[layer.id] });
    const existing = map.getSource(sourceId(layer.id));
    if (existing) {
      if (spec.type === 'geojson' && spec.data) (existing as GeoJSONSource).setData(spec.data);
      if (spec.type === 'vector' && spec.tiles) setTilesIfChanged(existing as VectorTileSource, spec.tiles);
      continue;
    }
    map.addSource(sourceId(layer.id), spec);
    for (const styleLayer of buildLayerSpecs({ layer, visible: !hidden.has(layer.id), overBasemap })) {
      map.addLayer(styleLayer, before);
    }
  }
}

/** Switches the API layers' style layers on and off; those not (yet) on the map are skipped. */
export function setApiLayersHidden({
  map,
  layers,
  hiddenLayerIds,
}: {
  map: MapLibreMap;
  layers: Iterable<Layer>;
  hiddenLayerIds: readonly string[];
}): void {
  const hidden = new Set(hiddenLayerIds);
  for (const layer of layers) {
    for (const id of styleLayerIds(layer)) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', hidden.has(layer.id) ? 'none' : 'visible');
    }
  }
}

// setTiles reloads every tile of the source: only when the version's URLs really changed.
function setTilesIfChanged(source: VectorTileSource, tiles: string[]): void {
  if (source.tiles.length !== tiles.length || source.tiles.some((url, i) => url !== tiles[i])) source.setTiles(tiles);
}
