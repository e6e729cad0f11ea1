import type { Layer } from '@shared/schemas/layer';
import { layerSourceId } from './ids';

/** Where a style layer reads its features, and the zooms at which it is drawn. */
export interface LayerSource {
  source: string;
  'source-layer'?: string;
  minzoom: number;
  maxzoom: number;
}

/**
 * The source part shared by all style layers of an API layer: its own source or its tileset's, where its
 * features are in the source-layer named after it. The layer is drawn from `min_zoom` up to the end of zoom `max_zoom` (a style
 * layer's maxzoom is exclusive); beyond the tiles' own maxzoom MapLibre overzooms.
 */
export function layerSource(layer: Layer): LayerSource {
  return {
    source: layerSourceId(layer),
    ...(layer.delivery === 'tiles' ? { 'source-layer': layer.id } : {}),
    minzoom: layer.min_zoom,
    maxzoom: layer.max_zoom + 1,
  };
}
