import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Layer } from '@shared/schemas/layer';
import {
  circleLayerId,
  fillLayerId,
  illustrativeLineLayerId,
  lineLayerId,
  STATE_HIGHLIGHTED,
  STATE_HOVER,
  STATE_SELECTED,
  STATE_UNMATCHED,
} from './ids';
import { labelLayerIds } from './buildLabelSpecs';
import { layerSource, type LayerSource } from './layerSource';
import { tenderColorExpression } from './tenderColors';

/** `style.fill` value meaning "colour each feature by its tender status". */
export const FILL_BY_TENDER_STATUS = 'by-tender-status';
/** Dash of illustrative outlines and lines, in line widths. */
export const ILLUSTRATIVE_DASH: readonly number[] = [2, 1.5];
/** Outline colour of the selected site. */
export const SELECTED_COLOR = '#0b1f33';
/** Outline colour of the sites of the chosen policy action. */
export const HIGHLIGHT_COLOR = '#d81b60';

const DEFAULT_FILL = '#9aa5b1';
const DEFAULT_LINE = '#4a5560';

const isIllustrative: ExpressionSpecification = ['==', ['get', 'accuracy'], 'illustrative'];
const isNotIllustrative: ExpressionSpecification = ['!=', ['get', 'accuracy'], 'illustrative'];

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

export interface BuildLayerSpecsInput {
  layer: Layer;
  visible: boolean;
  /** True when an online raster basemap lies underneath: context fills then let it show through. */
  overBasemap?: boolean;
}

/**
 * The MapLibre style layers drawing one API layer, bottom to top. Polygons get a fill, an outline and a
 * dashed outline for illustrative features; lines a line and a dashed line; points a circle layer.
 * Hover, selection and policy highlighting are read from feature-state, so no layer is rebuilt for them.
 * The style layers of a tile layer read the source-layer named after it (see buildSourceSpec).
 */
export function buildLayerSpecs({ layer, visible, overBasemap = false }: BuildLayerSpecsInput): LayerSpecification[] {
  const from = layerSource(layer);
  const layout = { visibility: visible ? ('visible' as const) : ('none' as const) };
  switch (layer.geometry_type) {
    case 'polygon':
      return [
        {
          id: fillLayerId(layer.id),
          type: 'fill',
          ...from,
          layout,
          paint: { 'fill-color': fillColor(layer), 'fill-opacity': fillOpacity({ layer, overBasemap }) },
        },
        ...lineSpecs({ layer, from, layout, defaultWidth: 1.2 }),
      ];
    case 'line':
      return lineSpecs({ layer, from, layout, defaultWidth: 2 });
    case 'point':
      // A place name is text only (buildLabelSpecs writes it); other points are circles.
      if (isTextOnly(layer)) return [];
      return [
        {
          id: circleLayerId(layer.id),
          type: 'circle',
          ...from,
          layout,
          paint: {
            'circle-color': layer.style.fill ?? DEFAULT_FILL,
            'circle-radius': [
              'case',
              state(STATE_SELECTED),
              8,
              state(STATE_HIGHLIGHTED),
              8,
              state(STATE_HOVER),
              7,
              5.5,
            ],
            'circle-stroke-color': [
              'case',
              state(STATE_SELECTED),
              SELECTED_COLOR,
              state(STATE_HIGHLIGHTED),
              HIGHLIGHT_COLOR,
              layer.style.line ?? '#ffffff',
            ],
            'circle-stroke-width': ['case', state(STATE_SELECTED), 3, state(STATE_HIGHLIGHTED), 3, 1.5],
            // An illustrative point is drawn hollow-ish: the location is invented.
            'circle-opacity': ['case', isIllustrative, 0.4, 1],
          },
        },
      ];
  }
}

/** A layer of names only (place names): no symbol, no clicks. */
const isTextOnly = (layer: Pick<Layer, 'style'>) => layer.style.label?.text_only === true;

/**
 * Whether features of the layer answer hover and click. The context polygons (municipality, sea) are
 * the basemap and would catch every click, so they do not; nor do place names.
 */
export function isInteractiveLayer(layer: Pick<Layer, 'theme' | 'geometry_type' | 'style'>): boolean {
  return layer.theme !== 'kontekst' || (layer.geometry_type === 'point' && !isTextOnly(layer));
}

/** Ids of the style layers `buildLayerSpecs` makes for a layer, bottom to top. */
export function geometryLayerIds(layer: Pick<Layer, 'id' | 'geometry_type' | 'style'>): string[] {
  switch (layer.geometry_type) {
    case 'polygon':
      return [fillLayerId(layer.id), lineLayerId(layer.id), illustrativeLineLayerId(layer.id)];
    case 'line':
      return [lineLayerId(layer.id), illustrativeLineLayerId(layer.id)];
    case 'point':
      return isTextOnly(layer) ? [] : [circleLayerId(layer.id)];
  }
}

/** Ids of every style layer of a layer: its geometry's (buildLayerSpecs), then its labels' (buildLabelSpecs). */
export function styleLayerIds(layer: Pick<Layer, 'id' | 'geometry_type' | 'style'>): string[] {
  return [...geometryLayerIds(layer), ...labelLayerIds(layer)];
}

const GEOMETRY_ORDER = { polygon: 0, line: 1, point: 2 } as const;

/** Context areas and lines (municipalities, sea, imported OSM roads, water, land use) are the basemap. */
const isBasemap = (layer: Pick<Layer, 'theme' | 'geometry_type'>) =>
  layer.theme === 'kontekst' && layer.geometry_type !== 'point';

/**
 * The API layers in drawing order: the context's areas and lines first, as a basemap (an imported road lies under
 * the plots, issue #16), then polygons, lines and points, each group by sort_order, so that the motorways and
 * stations stay visible above the plots. Returns a new array.
 */
export function orderForDrawing<T extends Pick<Layer, 'theme' | 'geometry_type' | 'sort_order'>>(
  layers: readonly T[],
): T[] {
  return [...layers].sort(
    (a, b) =>
      Number(!isBasemap(a)) - Number(!isBasemap(b)) ||
      GEOMETRY_ORDER[a.geometry_type] - GEOMETRY_ORDER[b.geometry_type] ||
      a.sort_order - b.sort_order,
  );
}

function fillColor(layer: Layer): DataDrivenPropertyValueSpecification<string> {
  if (layer.style.fill === FILL_BY_TENDER_STATUS) return tenderColorExpression();
  return layer.style.fill ?? DEFAULT_FILL;
}

/** Fill opacity of a plot that does not match the plot finder's filters (issue #4): still findable, clearly out. */
export const UNMATCHED_FILL_OPACITY = 0.12;

/**
 * The fill opacity of a polygon layer. With `matchingIds` (the plot finder's result, for the layer it
 * searches) every other feature is dimmed, unless it is selected, highlighted or hovered. Matching
 * reads the `id` property, which the tiles carry (and promote to the feature id).
 */
export function fillOpacity({
  layer,
  overBasemap = false,
}: {
  layer: Layer;
  overBasemap?: boolean;
}): DataDrivenPropertyValueSpecification<number> {
  if (layer.theme === 'kontekst') return overBasemap ? 0.35 : 1;
  return [
    'case',
    state(STATE_SELECTED),
    0.9,
    state(STATE_HIGHLIGHTED),
    0.85,
    state(STATE_HOVER),
    0.8,
    state(STATE_UNMATCHED),
    UNMATCHED_FILL_OPACITY,
    isIllustrative,
    0.4,
    0.65,
  ];
}

function lineSpecs({
  layer,
  from,
  layout,
  defaultWidth,
}: {
  layer: Layer;
  from: LayerSource;
  layout: { visibility: 'visible' | 'none' };
  defaultWidth: number;
}): LayerSpecification[] {
  const width = layer.style.width ?? defaultWidth;
  const paint = {
    'line-color': [
      'case',
      state(STATE_SELECTED),
      SELECTED_COLOR,
      state(STATE_HIGHLIGHTED),
      HIGHLIGHT_COLOR,
      layer.style.line ?? DEFAULT_LINE,
    ] as ExpressionSpecification,
    'line-width': [
      'case',
      state(STATE_SELECTED),
      width + 2.5,
      state(STATE_HIGHLIGHTED),
      width + 2,
      state(STATE_HOVER),
      width + 1,
      width,
    ] as ExpressionSpecification,
  };
  return [
    {
      id: lineLayerId(layer.id),
      type: 'line',
      ...from,
      filter: isNotIllustrative,
      layout: { ...layout, 'line-join': 'round' },
      paint: { ...paint, ...(layer.style.dash ? { 'line-dasharray': [...layer.style.dash] } : {}) },
    },
    {
      id: illustrativeLineLayerId(layer.id),
      type: 'line',
      ...from,
      filter: isIllustrative,
      layout: { ...layout, 'line-join': 'round' },
      paint: { ...paint, 'line-dasharray': [...ILLUSTRATIVE_DASH], 'line-opacity': 0.85 },
    },
  ];
}
