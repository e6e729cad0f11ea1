import type { ExpressionSpecification, SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LabelStyle, Layer } from '@shared/schemas/layer';
import { layerSource } from './layerSource';
import { labelLayerId, minorLabelLayerId } from './ids';

/** The label fonts the app serves itself (GET /glyphs, data/glyphs): Noto Sans, which has æ, ø and å. */
export const LABEL_FONTS: Record<NonNullable<LabelStyle['font']>, string> = {
  regular: 'Noto Sans Regular',
  medium: 'Noto Sans Medium',
  italic: 'Noto Sans Italic',
};

/** Names of this rank and beyond (villages) are written two zooms after the others. */
export const MINOR_RANK = 3;
const MINOR_DELAY = 2;

const rank: ExpressionSpecification = ['coalesce', ['get', 'rank'], 1];
const HALO = 'rgba(255, 255, 255, 0.92)';

/** The glyph URL template of a style: the app's own fonts, so labels need no request off the machine. */
export const glyphsUrl = (origin: string) => `${origin}/glyphs/{fontstack}/{range}.pbf`;

/**
 * The symbol layers that write a layer's names (style.label): the feature's `label` (a road or plot number) or
 * else its name, in the layer's label colour over a white halo. MapLibre hides a name that would overlap one
 * already placed; `rank` orders them (1 first), and a ranked layer's minor names (rank ≥ 3) start two zooms
 * later, so that a zoomed-out map shows the towns and not every village. A layer without style.label has none.
 */
export function buildLabelSpecs({ layer, visible }: { layer: Layer; visible: boolean }): SymbolLayerSpecification[] {
  const label = layer.style.label;
  if (label === undefined) return [];
  const from = layerSource(layer);
  const along = label.placement === 'line';
  const beside = layer.geometry_type === 'point' && label.text_only !== true;
  const spec = (id: string, minzoom: number, filter?: ExpressionSpecification): SymbolLayerSpecification => ({
    id,
    type: 'symbol',
    ...from,
    minzoom: Math.max(from.minzoom, minzoom),
    ...(filter ? { filter } : {}),
    layout: {
      visibility: visible ? 'visible' : 'none',
      'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
      'text-font': [LABEL_FONTS[label.font ?? 'regular']],
      'text-size': label.size ?? 12,
      'symbol-sort-key': rank,
      'text-max-width': 9,
      'text-padding': 3,
      ...(along
        ? { 'symbol-placement': 'line', 'symbol-spacing': 350, 'text-keep-upright': true }
        : beside
          ? { 'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.9 }
          : {}),
    },
    paint: {
      'text-color': label.color ?? '#333333',
      'text-halo-color': HALO,
      'text-halo-width': 1.6,
      'text-halo-blur': 0.4,
    },
  });
  if (label.text_only !== true) return [spec(labelLayerId(layer.id), label.min_zoom)];
  return [
    spec(labelLayerId(layer.id), label.min_zoom, ['<', rank, MINOR_RANK]),
    spec(minorLabelLayerId(layer.id), label.min_zoom + MINOR_DELAY, ['>=', rank, MINOR_RANK]),
  ];
}

/** Ids of the style layers `buildLabelSpecs` makes for a layer. */
export function labelLayerIds(layer: Pick<Layer, 'id' | 'style'>): string[] {
  const label = layer.style.label;
  if (label === undefined) return [];
  return label.text_only === true ? [labelLayerId(layer.id), minorLabelLayerId(layer.id)] : [labelLayerId(layer.id)];
}
