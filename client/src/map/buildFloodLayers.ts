import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection as GeoJsonFeatureCollection } from 'geojson';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type { Layer } from '@shared/schemas/layer';
import { orderForDrawing, styleLayerIds } from './buildLayerSpecs';
import {
  FLOOD_COMPARE_FILL_LAYER_ID,
  FLOOD_COMPARE_LINE_LAYER_ID,
  FLOOD_COMPARE_SOURCE_ID,
  FLOOD_FILL_LAYER_ID,
  FLOOD_LINE_LAYER_ID,
  FLOOD_SOURCE_ID,
} from './ids';

/** Water blue, translucent so that the land and plots under the flood stay readable. */
export const FLOOD_FILL_COLOR = '#1f78b4';
export const FLOOD_FILL_OPACITY = 0.35;
export const FLOOD_LINE_COLOR = '#0d4f8b';
/** Scenario B of the comparison: orange under A's blue, so that the land only B floods shows orange, dash-outlined. */
export const FLOOD_COMPARE_FILL_COLOR = '#e66101';
export const FLOOD_COMPARE_FILL_OPACITY = 0.45;
export const FLOOD_COMPARE_LINE_COLOR = '#b35806';

/** The flood source's data: the extent, or no feature at all when no flood is shown. */
export function floodSourceData(extent: FloodExtent | null): GeoJsonFeatureCollection {
  // The schema leaves coordinates loose; PostGIS made them, so they are valid GeoJSON.
  return {
    type: 'FeatureCollection',
    features: extent === null ? [] : [extent as GeoJsonFeatureCollection['features'][number]],
  };
}

/** The flood's style layers, bottom to top: a translucent fill and a thin outline. */
export function buildFloodLayerSpecs(): LayerSpecification[] {
  return [
    {
      id: FLOOD_FILL_LAYER_ID,
      type: 'fill',
      source: FLOOD_SOURCE_ID,
      paint: { 'fill-color': FLOOD_FILL_COLOR, 'fill-opacity': FLOOD_FILL_OPACITY },
    },
    {
      id: FLOOD_LINE_LAYER_ID,
      type: 'line',
      source: FLOOD_SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FLOOD_LINE_COLOR, 'line-width': 0.8, 'line-opacity': 0.8 },
    },
  ];
}

/**
 * Scenario B's style layers (issue #7), bottom to top: an orange fill and a dashed outline. They go under
 * scenario A's, so where both flood the land reads as A and B's extra land stays orange.
 */
export function buildFloodCompareLayerSpecs(): LayerSpecification[] {
  return [
    {
      id: FLOOD_COMPARE_FILL_LAYER_ID,
      type: 'fill',
      source: FLOOD_COMPARE_SOURCE_ID,
      paint: { 'fill-color': FLOOD_COMPARE_FILL_COLOR, 'fill-opacity': FLOOD_COMPARE_FILL_OPACITY },
    },
    {
      id: FLOOD_COMPARE_LINE_LAYER_ID,
      type: 'line',
      source: FLOOD_COMPARE_SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FLOOD_COMPARE_LINE_COLOR, 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
  ];
}

/**
 * The style layer the flood is inserted below: the first one of the first API layer in drawing order that is
 * not context (municipality, sea), so the flood lies over the land and sea and under plots, roads and the dike.
 * Undefined (draw on top) when every layer is context.
 */
export function floodBeforeLayerId(
  layers: readonly Pick<Layer, 'id' | 'theme' | 'geometry_type' | 'sort_order' | 'style'>[],
): string | undefined {
  const first = orderForDrawing(layers).find((layer) => layer.theme !== 'kontekst');
  return first === undefined ? undefined : styleLayerIds(first)[0];
}
