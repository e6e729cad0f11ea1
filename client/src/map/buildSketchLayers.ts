import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { SKETCH_OVERLAY_SOURCE_IDS, sketchLayerId, type SketchOverlaySourceId } from './ids';
import { SKETCH_COLORS } from './sketchColors';

const POLYGONS: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const LINES_AND_RINGS: FilterSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']],
];
const POINTS: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];

const COLOR: ExpressionSpecification = ['get', 'color'];
/** `normal` for ordinary features, `emphasised` for the selected sketch or highlighted overlap. */
const byEmphasis = (normal: number, emphasised: number): ExpressionSpecification => [
  'case',
  ['==', ['get', 'emphasis'], 1],
  emphasised,
  normal,
];

interface OverlayLook {
  fillOpacity: ExpressionSpecification | number;
  lineWidth: ExpressionSpecification | number;
  /** Dashes mark what is not (yet) a saved sketch's current geometry, and sketches as illustrative (data-truth rule). */
  dash?: number[];
  circleRadius: ExpressionSpecification | number;
}

const LOOKS: Record<SketchOverlaySourceId, OverlayLook> = {
  'sketch-constraints': { fillOpacity: byEmphasis(0.35, 0.7), lineWidth: byEmphasis(1, 3), circleRadius: 4 },
  'sketch-compare': { fillOpacity: 0.5, lineWidth: 1.5, circleRadius: 4 },
  sketches: { fillOpacity: byEmphasis(0.15, 0.3), lineWidth: byEmphasis(1.5, 3), dash: [3, 1.5], circleRadius: 5 },
  'sketch-preview': { fillOpacity: 0.15, lineWidth: 2.5, dash: [2, 2], circleRadius: 6 },
  'sketch-import': { fillOpacity: 0.2, lineWidth: byEmphasis(1.5, 3), dash: [3, 1.5], circleRadius: 5 },
  'sketch-fault': { fillOpacity: 0.15, lineWidth: 2.5, dash: [2, 1.5], circleRadius: byEmphasis(5, 8) },
  'sketch-draft-fixed': { fillOpacity: 0.15, lineWidth: 2, dash: [1.5, 1.5], circleRadius: 5 },
  // Drawn under terra-draw's vertex handles: large enough to ring the handle it marks.
  'sketch-vertex': { fillOpacity: 0, lineWidth: 0, circleRadius: 9 },
};

function overlayLayers(source: SketchOverlaySourceId): LayerSpecification[] {
  const look = LOOKS[source];
  const circle: LayerSpecification = {
    id: sketchLayerId(source, 'circle'),
    type: 'circle',
    source,
    filter: POINTS,
    paint: {
      'circle-color': COLOR,
      'circle-radius': look.circleRadius,
      'circle-stroke-width': source === 'sketch-vertex' ? 3 : 2,
      'circle-stroke-color':
        source === 'sketch-vertex' || source === 'sketch-fault' ? SKETCH_COLORS.activeVertexStroke : '#ffffff',
    },
  };
  if (source === 'sketch-vertex') return [circle];
  return [
    {
      id: sketchLayerId(source, 'fill'),
      type: 'fill',
      source,
      filter: POLYGONS,
      paint: { 'fill-color': COLOR, 'fill-opacity': look.fillOpacity },
    },
    {
      id: sketchLayerId(source, 'line'),
      type: 'line',
      source,
      filter: LINES_AND_RINGS,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': COLOR,
        'line-width': look.lineWidth,
        ...(look.dash ? { 'line-dasharray': look.dash } : {}),
      },
    },
    circle,
  ];
}

/**
 * The style layers of the sketch tab's overlays, bottom to top (fill, line, circle per source, in
 * SKETCH_OVERLAY_SOURCE_IDS order). Colours and emphasis come from the features' properties
 * (buildSketchOverlayData.ts).
 */
export function buildSketchLayers(): LayerSpecification[] {
  return SKETCH_OVERLAY_SOURCE_IDS.flatMap(overlayLayers);
}

/** The layers a click selects a sketch on. */
export const CLICKABLE_SKETCH_LAYER_IDS = [
  sketchLayerId('sketches', 'fill'),
  sketchLayerId('sketches', 'line'),
  sketchLayerId('sketches', 'circle'),
];
