import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { Layer } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import { buildLabelSpecs, labelLayerIds } from './buildLabelSpecs';
import { buildLayerSpecs, fillOpacity, geometryLayerIds, orderForDrawing } from './buildLayerSpecs';
import { ALL_LABELS_ID, fillLayerId, layerSourceId } from './ids';
import { buildSources } from './buildSourceSpec';

/**
 * Puts the API's layers on a map (the main one and the swipe's second, issue #7): adds the sources (one per tileset,
 * one per other layer) and each layer's style layers once, below `before` when given; on a reload it replaces a point
 * layer's data and points a tile source at its new version's tiles. A layer's delivery follows its geometry type,
 * which never changes, so a source never changes type.
 *
 * A layer delivered as GeoJSON goes on once its features are in: added empty and filled later, its source would be
 * cut into tiles twice, and its names laid out twice (issue #16: names must cost the page load little). A style
 * layer added later goes under the next one in drawing order that is already on, so the order is the same either way.
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
  const present = layers.filter((layer) => featuresAtHand(layer, collections));
  for (const [id, spec] of buildSources({ layers: present, origin: window.location.origin, collections })) {
    const existing = map.getSource(id);
    if (!existing) map.addSource(id, spec);
    else if (spec.type === 'geojson' && spec.data) setDataIfChanged(existing as GeoJSONSource, spec.data);
    else if (spec.type === 'vector' && spec.tiles) setTilesIfChanged(existing as VectorTileSource, spec.tiles);
  }
  const ordered = orderForDrawing(present);
  // Names above every shape; MapLibre places the topmost first, so place names win over plot numbers.
  const specs = [
    ...ordered.flatMap((layer) => buildLayerSpecs({ layer, visible: !hidden.has(layer.id), overBasemap })),
    ...orderForLabels(ordered).flatMap((layer) => buildLabelSpecs({ layer, visible: labelsVisible(layer, hidden) })),
  ];
  // Top down, so that each one missing goes right under the one drawn above it.
  let above = before;
  for (const spec of specs.reverse()) {
    if (!map.getLayer(spec.id)) map.addLayer(spec, above);
    above = spec.id;
  }
}

/** A layer the map can draw now: a tile layer always, a GeoJSON layer once its features are in. */
export const featuresAtHand = (
  layer: Pick<Layer, 'id' | 'delivery'>,
  collections: Readonly<Record<string, FeatureCollection>>,
) => layer.delivery !== 'geojson' || layer.id in collections;

/** Label layers bottom to top: shapes' names, then lines', then points', and the place names last (on top). */
export function orderForLabels<T extends Pick<Layer, 'style'>>(ordered: readonly T[]): T[] {
  const textOnly = (layer: T) => layer.style.label?.text_only === true;
  return [...ordered.filter((layer) => !textOnly(layer)), ...ordered.filter(textOnly)];
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
  const show = (id: string, visible: boolean) => {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  };
  for (const layer of layers) {
    for (const id of geometryLayerIds(layer)) show(id, !hidden.has(layer.id));
    for (const id of labelLayerIds(layer)) show(id, labelsVisible(layer, hidden));
  }
}

/** A layer's names show when the layer does and names are not switched off (ALL_LABELS_ID). */
const labelsVisible = (layer: Pick<Layer, 'id'>, hidden: ReadonlySet<string>) =>
  !hidden.has(layer.id) && !hidden.has(ALL_LABELS_ID);

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

/** Loads every tile layer's tiles again, e.g. after a failure: setTiles reloads them, the failed ones included. */
export function reloadApiTiles(map: MapLibreMap, layers: Iterable<Layer>): void {
  const tileSources = new Set([...layers].filter((l) => l.delivery === 'tiles').map(layerSourceId));
  for (const id of tileSources) {
    const source = map.getSource<VectorTileSource>(id);
    if (source) source.setTiles([...(source.serialize().tiles ?? [])]);
  }
}

/** setData cuts the whole source into tiles again: only for other features (a reload gives a new collection). */
function setDataIfChanged(source: GeoJSONSource, data: NonNullable<GeoJSONSourceSpecification['data']>): void {
  if (source.serialize().data !== data) source.setData(data);
}

/**
 * setTiles reloads every tile of the source: only when the version's URLs really changed. The URLs are read from
 * the source's options, which it has from the start (`source.tiles` is only set once it has loaded).
 */
function setTilesIfChanged(source: VectorTileSource, tiles: string[]): void {
  const current = source.serialize().tiles ?? [];
  if (current.length !== tiles.length || current.some((url, i) => url !== tiles[i])) source.setTiles(tiles);
}
