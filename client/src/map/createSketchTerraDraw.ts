import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { DraftPart } from '../features/sketches/draftParts';
import { SKETCH_DRAW_PREFIX } from './ids';

/** terra-draw's default; 1e-9° is 0.1 mm, far below what anyone draws. */
const COORDINATE_PRECISION = 9;
const DRAFT_COLOR = '#d01c8b';
const DRAFT_OUTLINE = '#7a0177';
const VERTEX_COLOR = '#ffffff';

/** A longitude or latitude (degrees) at the drawing tool's precision: it refuses more decimals. */
export const roundCoordinate = (value: number) => Number(value.toFixed(COORDINATE_PRECISION));

/** The API's coordinates may carry 15 decimals; terra-draw refuses more than its precision. */
export function roundPart(part: DraftPart): DraftPart {
  const at = (p: Position) => [roundCoordinate(p[0]!), roundCoordinate(p[1]!)];
  if (part.type === 'Point') return { type: 'Point', coordinates: at(part.coordinates) };
  if (part.type === 'LineString') return { type: 'LineString', coordinates: part.coordinates.map(at) };
  return { type: 'Polygon', coordinates: part.coordinates.map((ring) => ring.map(at)) };
}

/** Features the drawing tool adds as handles (vertices, midpoints, the closing point) rather than drawn parts. */
export function isGuidance(feature: GeoJSONStoreFeatures): boolean {
  const p = feature.properties;
  return Boolean(p.midPoint || p.selectionPoint || p.coordinatePoint || p.snappingPoint || p.closingPoint);
}

/**
 * The sketch tab's one TerraDraw instance (issue #6), not started: polygon, line and point modes that snap to
 * coordinates and to `snapToCustom`, and a select mode whose shapes may self-intersect (the server validates and
 * offers a repair; the tool must let a planner make, and see, the fault). Keys are the app's own, except Enter.
 */
export function createSketchTerraDraw({
  map,
  snapToCustom,
}: {
  map: MapLibreMap;
  snapToCustom: SnapToCustom;
}): TerraDraw {
  const snapping = { toCoordinate: true, toCustom: snapToCustom };
  const editable = {
    feature: {
      draggable: true,
      // The server validates and offers a repair; the tool must let a planner make (and see) the fault.
      selfIntersectable: true,
      coordinates: { draggable: true, deletable: true, midpoints: true, snappable: snapping },
    },
  };
  const vertexStyles = {
    coordinatePointColor: VERTEX_COLOR,
    coordinatePointOutlineColor: DRAFT_OUTLINE,
    closingPointColor: VERTEX_COLOR,
    closingPointOutlineColor: DRAFT_OUTLINE,
  } as const;
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({
      map,
      prefixId: SKETCH_DRAW_PREFIX,
      coordinatePrecision: COORDINATE_PRECISION,
    }),
    modes: [
      new TerraDrawPolygonMode({
        snapping,
        // Enter finishes (on the map; the global shortcut forwards it); Esc is the app's own (cancelDrawing).
        keyEvents: { finish: 'Enter', cancel: null },
        showCoordinatePoints: true,
        styles: {
          fillColor: DRAFT_COLOR,
          fillOpacity: 0.25,
          outlineColor: DRAFT_OUTLINE,
          outlineWidth: 2,
          ...vertexStyles,
        },
      }),
      new TerraDrawLineStringMode({
        snapping,
        keyEvents: { finish: 'Enter', cancel: null },
        showCoordinatePoints: true,
        styles: { lineStringColor: DRAFT_OUTLINE, lineStringWidth: 3, ...vertexStyles },
      }),
      new TerraDrawPointMode({ styles: { pointColor: DRAFT_COLOR, pointOutlineColor: VERTEX_COLOR, pointWidth: 7 } }),
      new TerraDrawSelectMode({
        flags: { polygon: editable, linestring: editable, point: { feature: { draggable: true } } },
        // Delete, Esc and the rest are the app's shortcuts (handleKey), the same wherever the focus is.
        keyEvents: null,
        styles: {
          selectedPolygonColor: DRAFT_COLOR,
          selectedPolygonFillOpacity: 0.3,
          selectedPolygonOutlineColor: DRAFT_OUTLINE,
          selectedPolygonOutlineWidth: 3,
          selectedLineStringColor: DRAFT_OUTLINE,
          selectedLineStringWidth: 4,
          selectedPointColor: DRAFT_COLOR,
          selectedPointOutlineColor: VERTEX_COLOR,
          selectionPointColor: VERTEX_COLOR,
          selectionPointOutlineColor: DRAFT_OUTLINE,
          selectionPointWidth: 5,
          midPointColor: DRAFT_COLOR,
          midPointOutlineColor: VERTEX_COLOR,
        },
      }),
    ],
    // Mode-level undo takes back the last vertex of a shape still being drawn; finished shapes use `history`.
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
  });
}

/** The drawing modes by terra-draw's mode name, which is also the `mode` property of the features they make. */
export const DRAW_MODE_OF_PART: Record<DraftPart['type'], 'polygon' | 'linestring' | 'point'> = {
  Polygon: 'polygon',
  LineString: 'linestring',
  Point: 'point',
};
