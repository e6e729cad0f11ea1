import type { GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { Layer } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import { buildLayerSpecs, fillOpacity, orderForDrawing, styleLayerIds } from './buildLayerSpecs';
import { fillLayerId } from './ids';
import { buildSources } from './buildSourceSpec';

/**
 * Puts the API's layers on a map (the main one and the swipe's second, issue #7): adds the sources (one per tileset,
 * one per other layer) and each layer's style layers once, below `before` when given; on a reload it replaces a point
 * layer's data and points a tile source at its new version's tiles. A layer's delivery follows its geometry type,
 * which never changes, so a source never changes type.
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
  for (const [id, spec] of buildSources({ layers, origin: window.location.origin, collections })) {
    const existing = map.getSource(id);
    if (!existing) map.addSource(id, spec);
    else if (spec.type === 'geojson' && spec.data) (existing as GeoJSONSource).setData(spec.data);
    else if (spec.type === 'vector' && spec.tiles) setTilesIfChanged(existing as VectorTileSource, spec.tiles);
  }
  for (const layer of orderForDrawing(layers)) {
    if (styleLayerIds(layer).some((id) => map.getLayer(id))) continue;
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

/**
 * Repaints the API layers' fills for an online basemap that came or went (issue #16): the context fills let it show
 * through while it is there; those not (yet) on the map are skipped, and get the right opacity when added.
 */
export function setApiLayersOverBasemap({
  map,
  layers,
  overBasemap,
}: {
  map: MapLibreMap;
  layers: Iterable<Layer>;
  overBasemap: boolean;
}): void {
  for (const layer of layers) {
    const id = fillLayerId(layer.id);
    if (layer.geometry_type === 'polygon' && map.getLayer(id)) {
      map.setPaintProperty(id, 'fill-opacity', fillOpacity({ layer, overBasemap }));
    }
  }
}

/**
 * setTiles reloads every tile of the source: only when the version's URLs really changed. The URLs are read from
 * the source's options, which it has from the start (`source.tiles` is only set once it has loaded).
 */
function setTilesIfChanged(source: VectorTileSource, tiles: string[]): void {
  const current = source.serialize().tiles ?? [];
  if (current.length !== tiles.length || current.some((url, i) => url !== tiles[i])) source.setTiles(tiles);
}
