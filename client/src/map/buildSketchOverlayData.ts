import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { SketchFeature, SketchOverlay } from '../features/sketches/SketchTypes';
import {
  SKETCH_COMPARE_SOURCE_ID,
  SKETCH_CONSTRAINTS_SOURCE_ID,
  SKETCH_DRAFT_FIXED_SOURCE_ID,
  SKETCH_FAULT_SOURCE_ID,
  SKETCH_IMPORT_SOURCE_ID,
  SKETCH_PREVIEW_SOURCE_ID,
  SKETCH_VERTEX_SOURCE_ID,
  SKETCHES_SOURCE_ID,
  type SketchOverlaySourceId,
} from './ids';
import { CONSTRAINT_COLORS, SKETCH_COLORS } from './sketchColors';

/**
 * How a feature of an overlay is painted: the style layers read these properties (buildSketchLayers.ts).
 * `emphasis` 1 marks the selected sketch or the highlighted overlap.
 */
export interface OverlayPaint {
  color: string;
  emphasis: 0 | 1;
  /** The sketch's id on the sketches source (a click selects it); '' elsewhere. */
  sketchId: string;
}

export interface SketchOverlayInput {
  /** The live sketches (current versions). */
  sketches: readonly SketchFeature[];
  /** The sketch whose geometry is in the draft: the drawing tool shows it, so the overlay leaves it out. */
  draftSketchId: string | null;
  selectedSketchId: string | null;
  overlay: SketchOverlay;
  /** The draft's vertex the keyboard works on, EPSG:4326; null for none. */
  activeVertex: Position | null;
  /** What of the draft the drawing tool cannot edit (holes, as lines, and refused parts): drawn dashed. */
  draftFixed: readonly Geometry[];
}

type OverlayCollection = FeatureCollection<Geometry, OverlayPaint>;

function feature(geometry: Geometry, paint: Partial<OverlayPaint> & Pick<OverlayPaint, 'color'>) {
  return {
    type: 'Feature',
    geometry,
    properties: { emphasis: 0, sketchId: '', ...paint },
  } satisfies Feature<Geometry, OverlayPaint>;
}

function collection(features: Feature<Geometry, OverlayPaint>[]): OverlayCollection {
  return { type: 'FeatureCollection', features };
}

/**
 * The data of every sketch overlay source from the store's state: each feature carries the colour and emphasis
 * the layers paint, so a change of selection or highlight is a data update, never a style change. Empty
 * overlays are empty collections (the sources stay on the map).
 */
export function buildSketchOverlayData({
  sketches,
  draftSketchId,
  selectedSketchId,
  overlay,
  activeVertex,
  draftFixed,
}: SketchOverlayInput): Record<SketchOverlaySourceId, OverlayCollection> {
  const { preview, fault, constraints, highlightedConstraintRef, comparison, imported } = overlay;
  const comparisonParts = comparison
    ? ([
        [comparison.only_a, SKETCH_COLORS.onlyA],
        [comparison.only_b, SKETCH_COLORS.onlyB],
        [comparison.intersection, SKETCH_COLORS.intersection],
      ] as const)
    : [];
  return {
    [SKETCHES_SOURCE_ID]: collection(
      sketches
        .filter((sketch) => sketch.id !== draftSketchId)
        .map((sketch) => {
          const selected = sketch.id === selectedSketchId;
          return feature(sketch.geometry, {
            color: selected ? SKETCH_COLORS.selectedSketch : SKETCH_COLORS.sketch,
            emphasis: selected ? 1 : 0,
            sketchId: sketch.id,
          });
        }),
    ),
    [SKETCH_PREVIEW_SOURCE_ID]: collection(
      preview ? [feature(preview.geometry, { color: SKETCH_COLORS.preview })] : [],
    ),
    [SKETCH_FAULT_SOURCE_ID]: collection([
      ...(fault?.repaired ? [feature(fault.repaired, { color: SKETCH_COLORS.repaired })] : []),
      ...(fault?.location
        ? [feature({ type: 'Point', coordinates: fault.location }, { color: SKETCH_COLORS.faultLocation, emphasis: 1 })]
        : []),
    ]),
    [SKETCH_CONSTRAINTS_SOURCE_ID]: collection(
      (constraints ?? []).map((item) =>
        feature(item.geometry, {
          color: CONSTRAINT_COLORS[item.kind],
          emphasis: item.ref === highlightedConstraintRef ? 1 : 0,
        }),
      ),
    ),
    [SKETCH_COMPARE_SOURCE_ID]: collection(
      comparisonParts.flatMap(([geometry, color]) => (geometry ? [feature(geometry, { color })] : [])),
    ),
    [SKETCH_IMPORT_SOURCE_ID]: collection(
      (imported?.features ?? []).map((item) =>
        feature(item.geometry, {
          color: item.properties.faulty ? SKETCH_COLORS.importedFaulty : SKETCH_COLORS.imported,
          emphasis: item.properties.faulty ? 1 : 0,
        }),
      ),
    ),
    [SKETCH_DRAFT_FIXED_SOURCE_ID]: collection(
      draftFixed.map((geometry) => feature(geometry, { color: SKETCH_COLORS.draftFixed })),
    ),
    [SKETCH_VERTEX_SOURCE_ID]: collection(
      activeVertex
        ? [
            feature(
              { type: 'Point', coordinates: [...activeVertex] },
              { color: SKETCH_COLORS.activeVertex, emphasis: 1 },
            ),
          ]
        : [],
    ),
  };
}
