import type { Geometry, Position } from 'geojson';
import type {
  GeoJSONSource,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  MapMouseEvent,
  VectorTileSource,
} from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
  type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { fromParts, toParts, type DraftPart } from '../features/sketches/draftParts';
import { moveVertex, removeVertex, vertexAt, vertexCount } from '../features/sketches/editVertex';
import { geometryVertices } from '../features/sketches/geometryVertices';
import { isTileClipVertex } from '../features/sketches/isTileClipVertex';
import { measureSketch } from '../features/sketches/measureSketch';
import { nearestVertex, type ScreenVertex } from '../features/sketches/nearestVertex';
import type { DraftReport, DrawCommand, DrawMode } from '../features/sketches/sketchDrawSlice';
import { API_TILE_BUFFER, API_TILE_EXTENT } from './apiTiles';
import { buildSketchLayers, CLICKABLE_SKETCH_LAYER_IDS } from './buildSketchLayers';
import { buildSketchOverlayData, type SketchOverlayInput } from './buildSketchOverlayData';
import { EMPTY_SKETCH_OVERLAY } from '../features/sketches/activeSketchEditor';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redoHistory,
  undoHistory,
  type DrawHistory,
} from './drawHistory';
import { fromUtm32 } from './fromUtm32';
import {
  isApiSourceId,
  SKETCH_DRAW_PREFIX,
  SKETCH_IMPORT_SOURCE_ID,
  SKETCH_OVERLAY_SOURCE_IDS,
  SKETCH_PREVIEW_SOURCE_ID,
  SKETCHES_SOURCE_ID,
} from './ids';
import { sketchShortcutFor, type SketchShortcutAction } from './sketchShortcuts';
import { toUtm32 } from './toUtm32';

/** The overlays' inputs that come from the store; the draft's own (vertex, holes) the controller adds. */
export type SketchOverlayState = Omit<SketchOverlayInput, 'activeVertex' | 'draftFixed'>;

/** What the shortcuts ask of the app: a drawing tool, or stopping the tool. */
export type SketchModeRequest = Exclude<DrawMode, 'off'> | 'off';

export interface SketchDrawOptions {
  /** The draft changed (drawn, edited, undone): its geometry, live measure and undo state. */
  onDraft(report: DraftReport): void;
  /** A shortcut or a finished shape asks for another tool (after drawing, editing the new shape). */
  onModeRequest(mode: SketchModeRequest): void;
  /** A click on a saved sketch (with the tool off). */
  onSketchClick(id: string): void;
}

/** How close (CSS pixels) the cursor must come to a vertex to snap to it, or to pick it for the keyboard. */
const SNAP_DISTANCE_PX = 12;
/** Arrow keys move the active vertex this far (metres, EPSG:25832); with Shift ten times as far. */
const ARROW_STEP_M = 1;
/** terra-draw's default; 1e-9° is 0.1 mm, far below what anyone draws. */
const COORDINATE_PRECISION = 9;

const DRAFT_COLOR = '#d01c8b';
const DRAFT_OUTLINE = '#7a0177';
const VERTEX_COLOR = '#ffffff';

/** The drawing modes by terra-draw's mode name, which is also the `mode` property of the features they make. */
const DRAW_MODE_OF_PART: Record<DraftPart['type'], 'polygon' | 'linestring' | 'point'> = {
  Polygon: 'polygon',
  LineString: 'linestring',
  Point: 'point',
};

/** Features the drawing tool adds as handles (vertices, midpoints, the closing point) rather than drawn parts. */
function isGuidance(feature: GeoJSONStoreFeatures): boolean {
  const p = feature.properties;
  return Boolean(p.midPoint || p.selectionPoint || p.coordinatePoint || p.snappingPoint || p.closingPoint);
}

const sameGeometry = (a: Geometry | null, b: Geometry | null) => JSON.stringify(a) === JSON.stringify(b);

const round = (value: number) => Number(value.toFixed(COORDINATE_PRECISION));
/** The API's coordinates may carry 15 decimals; terra-draw refuses more than its precision. */
function roundPart(part: DraftPart): DraftPart {
  const at = (p: Position) => [round(p[0]!), round(p[1]!)];
  if (part.type === 'Point') return { type: 'Point', coordinates: at(part.coordinates) };
  if (part.type === 'LineString') return { type: 'LineString', coordinates: part.coordinates.map(at) };
  return { type: 'Polygon', coordinates: part.coordinates.map((ring) => ring.map(at)) };
}

/**
 * Owns the sketch tab's drawing (issue #6) on the map: one TerraDraw instance (polygon, line, point and select
 * modes, created after the style loaded), the undo history of the one draft geometry, snapping to the vertices
 * of what the map shows, the keyboard shortcuts, and the overlays the sketch panel asks for. MapView drives it
 * from the store; it reports the draft back through `onDraft`. Loaded with import() when the sketch tab first
 * opens, so that terra-draw stays out of the first page load.
 */
export class SketchDrawController {
  private readonly map: MapLibreMap;
  private readonly options: SketchDrawOptions;
  private readonly draw: TerraDraw;
  private history: DrawHistory<Geometry | null> = createHistory(null);
  private mode: DrawMode = 'off';
  private active = false;
  private editable = false;
  private snapping = true;
  private overlay: SketchOverlayState | null = null;
  /**
   * What terra-draw cannot edit but the draft keeps: the holes of polygons (by the id of the outer ring's feature,
   * whose outline is editable) and parts it refused. Both are drawn dashed and saved unchanged.
   */
  private holes = new Map<string | number, Position[][]>();
  private fixedParts: DraftPart[] = [];
  /** The draft part and vertex the keyboard moves or deletes. */
  private activeVertex: { featureId: string | number; index: number } | null = null;
  private reportQueued = false;
  /** The pointer was over a saved sketch at the last mouse move (its cursor is to be undone on leaving). */
  private overSketch = false;
  private readonly onKeyDown = (event: KeyboardEvent) => this.handleKey(event);
  private readonly onPointerDown = (event: PointerEvent) => this.pickVertex(event);
  private readonly onMapClick = (event: MapMouseEvent) => this.clickSketch(event);
  private readonly onMapMouseMove = (event: MapMouseEvent) => this.hoverSketch(event);

  constructor({ map, ...options }: SketchDrawOptions & { map: MapLibreMap }) {
    this.map = map;
    this.options = options;
    for (const source of SKETCH_OVERLAY_SOURCE_IDS) {
      map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    }
    for (const layer of buildSketchLayers()) map.addLayer(layer);

    const snapping = { toCoordinate: true, toCustom: this.snapToMap };
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
    this.draw = new TerraDraw({
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
    this.draw.start();
    this.draw.setMode('static');
    this.draw.on('change', (_ids, type) => {
      if (type !== 'styling') this.queueReport();
    });
    this.draw.on('finish', (id, context) => this.onFinish(id, context.action));
    map.on('click', this.onMapClick);
    map.on('mousemove', this.onMapMouseMove);
    // Capture: the map's own keyboard handler (arrows pan) must not see a key the sketch tool used.
    window.addEventListener('keydown', this.onKeyDown, true);
    map.getCanvas().addEventListener('pointerdown', this.onPointerDown, true);
    // Browser tests wait for this before they draw (like data-map-ready).
    document.documentElement.dataset.sketchDrawReady = 'true';
  }

  /** The sketch tab opened (true) or closed: the draft and overlays show only while it is open. */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    if (active) {
      this.showSnapshot(this.history.present);
      this.applyMode();
    } else {
      this.draw.setMode('static');
      this.draw.clear();
    }
    this.renderOverlays();
  }

  /** Whether the user may draw (a planner): the shortcuts work only then. */
  setEditable(editable: boolean): void {
    this.editable = editable;
  }

  setMode(mode: DrawMode): void {
    if (mode === this.mode) return;
    if (this.isDrawing()) this.cancelDrawing();
    this.mode = mode;
    if (this.active) this.applyMode();
  }

  setSnapping(on: boolean): void {
    this.snapping = on;
    const snapping = on ? { toCoordinate: true, toCustom: this.snapToMap } : {};
    this.draw.updateModeOptions<typeof TerraDrawPolygonMode>('polygon', { snapping });
    this.draw.updateModeOptions<typeof TerraDrawLineStringMode>('linestring', { snapping });
  }

  /** The overlays to draw (other sketches, preview, fault, constraints, comparison, import). */
  setOverlay(overlay: SketchOverlayState): void {
    this.overlay = overlay;
    this.renderOverlays();
  }

  run(command: DrawCommand): void {
    switch (command.kind) {
      case 'undo':
        this.undo();
        break;
      case 'redo':
        this.redo();
        break;
      case 'clear':
        this.history = createHistory(null);
        this.showSnapshot(null);
        break;
      case 'load':
        this.history = createHistory(command.geometry ?? null);
        this.showSnapshot(this.history.present);
        break;
    }
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKeyDown, true);
    this.map.getCanvas().removeEventListener('pointerdown', this.onPointerDown, true);
    this.map.off('click', this.onMapClick);
    this.map.off('mousemove', this.onMapMouseMove);
    this.draw.stop();
    delete document.documentElement.dataset.sketchDrawReady;
  }

  // --- modes -----------------------------------------------------------------------------------------------

  private applyMode(): void {
    const terraMode = this.mode === 'off' ? 'static' : this.mode;
    if (this.draw.getMode() !== terraMode) this.draw.setMode(terraMode);
    if (this.mode === 'select') {
      const [first] = this.parts();
      if (first !== undefined && !first.properties.selected) this.draw.selectFeature(first.id!);
    }
    this.activeVertex = null;
    this.queueReport();
  }

  private isDrawing(): boolean {
    return this.draw.getModeState() === 'drawing';
  }

  /** Drops the shape being drawn and shows the draft as it was before. */
  private cancelDrawing(): void {
    const mode = this.draw.getMode();
    // Stopping a mode removes its unfinished shape (terra-draw's cleanUp); starting it again is a fresh start.
    this.draw.setMode('static');
    this.draw.setMode(mode);
    this.showSnapshot(this.history.present);
  }

  private onFinish(id: string | number, action: string): void {
    if (action === 'draw') {
      // One draft at a time: the new shape replaces what was there (the history keeps it for undo).
      const others = this.parts().filter((feature) => feature.id !== id);
      if (others.length > 0) this.draw.removeFeatures(others.map((feature) => feature.id!));
      this.holes.clear();
      this.fixedParts = [];
      this.commit();
      // terra-draw is still inside its click handler: switch tools after it returned.
      setTimeout(() => this.options.onModeRequest('select'), 0);
      return;
    }
    this.commit();
  }

  // --- the draft and its history ------------------------------------------------------------------------------

  /** The finished parts of the draft (not the handles, not a shape being drawn). */
  private parts(): GeoJSONStoreFeatures[] {
    return this.draw.getSnapshot().filter((feature) => !isGuidance(feature) && !feature.properties.currentlyDrawing);
  }

  /** A part as the draft has it: the feature's geometry with the polygon's holes put back. */
  private partOf(feature: GeoJSONStoreFeatures): DraftPart {
    const geometry = feature.geometry as DraftPart;
    const holes = geometry.type === 'Polygon' ? this.holes.get(feature.id!) : undefined;
    if (holes === undefined || geometry.type !== 'Polygon') return geometry;
    return { type: 'Polygon', coordinates: [geometry.coordinates[0]!, ...holes] };
  }

  private draftGeometry(): Geometry | null {
    return fromParts([...this.parts().map((feature) => this.partOf(feature)), ...this.fixedParts]);
  }

  /** Records the draft as it is now as one undo step. */
  private commit(): void {
    this.history = pushHistory(this.history, this.draftGeometry(), { equals: sameGeometry });
    this.syncActiveVertex();
    this.queueReport();
  }

  private undo(): void {
    if (this.isDrawing()) {
      if (this.draw.canUndo()) this.draw.undo();
      else this.cancelDrawing();
      return;
    }
    this.history = undoHistory(this.history);
    this.showSnapshot(this.history.present);
  }

  private redo(): void {
    if (this.isDrawing()) {
      if (this.draw.canRedo()) this.draw.redo();
      return;
    }
    this.history = redoHistory(this.history);
    this.showSnapshot(this.history.present);
  }

  /** Puts a snapshot of the draft on the map (as separate parts, which terra-draw edits one at a time). */
  private showSnapshot(geometry: Geometry | null): void {
    const selectedIndex = this.parts().findIndex((feature) => feature.properties.selected);
    this.draw.clear();
    this.holes.clear();
    this.fixedParts = [];
    if (this.active && geometry !== null) {
      const parts = new Map<string | number, DraftPart>();
      const features = toParts(geometry).map((part): GeoJSONStoreFeatures => {
        const id = this.draw.getFeatureId();
        parts.set(id, part);
        // terra-draw edits one ring per polygon: the outline goes to it, the holes wait here.
        if (part.type === 'Polygon' && part.coordinates.length > 1) this.holes.set(id, part.coordinates.slice(1));
        const editable: DraftPart =
          part.type === 'Polygon' ? { type: 'Polygon', coordinates: [part.coordinates[0]!] } : part;
        return {
          id,
          type: 'Feature',
          geometry: roundPart(editable),
          properties: { mode: DRAW_MODE_OF_PART[part.type] },
        };
      });
      for (const result of this.draw.addFeatures(features)) {
        // The API stores valid geometry, so this is rare (a broken ring from an undo): keep the part, uneditable.
        const part = result.id === undefined ? undefined : parts.get(result.id);
        if (!result.valid && part !== undefined) this.fixedParts.push(part);
      }
      if (this.mode === 'select') {
        const parts = this.parts();
        const part = parts[Math.max(0, Math.min(selectedIndex, parts.length - 1))];
        if (part !== undefined) this.draw.selectFeature(part.id!);
      }
    }
    this.syncActiveVertex();
    this.queueReport();
  }

  /** Reports the draft once per frame at most: terra-draw changes on every mouse move while drawing. */
  private queueReport(): void {
    if (this.reportQueued) return;
    this.reportQueued = true;
    requestAnimationFrame(() => {
      this.reportQueued = false;
      this.report();
    });
  }

  private report(): void {
    const drawing = this.isDrawing();
    const geometry = this.draftGeometry();
    // While drawing, the live measure is the new shape's (it replaces the draft when finished).
    const unfinished = this.draw
      .getSnapshot()
      .filter((feature) => !isGuidance(feature) && feature.properties.currentlyDrawing)
      .map((feature) => feature.geometry as DraftPart);
    this.options.onDraft({
      geometry,
      measure: measureSketch({ geometry: drawing ? fromParts(unfinished) : geometry }),
      // While drawing, Ctrl+Z takes back a vertex or, at the first one, the whole unfinished shape.
      canUndo: drawing || canUndo(this.history),
      canRedo: drawing ? this.draw.canRedo() : canRedo(this.history),
      drawing,
    });
    this.renderOverlays();
  }

  // --- keyboard ---------------------------------------------------------------------------------------------

  private handleKey(event: KeyboardEvent): void {
    if (!this.active || !this.editable) return;
    const action = sketchShortcutFor(event);
    if (action === null) return;
    if (this.perform(action, event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** Runs a shortcut; false when it does not apply now (the key then keeps its usual meaning). */
  private perform(action: SketchShortcutAction, event: KeyboardEvent): boolean {
    switch (action) {
      case 'polygon':
      case 'linestring':
      case 'point':
      case 'select':
        this.options.onModeRequest(action);
        return true;
      case 'undo':
        this.undo();
        return true;
      case 'redo':
        this.redo();
        return true;
      case 'cancel':
        return this.cancel();
      case 'finish':
        return this.finishFromKeyboard(event);
      case 'delete':
        return this.deleteSelection();
      case 'nextVertex':
      case 'previousVertex':
        return this.stepVertex(action === 'nextVertex' ? 1 : -1);
      case 'moveVertex':
        return this.moveActiveVertex(event);
    }
  }

  /** Esc: drops an unfinished shape, else lets go of the vertex, else of the selection, else stops the tool. */
  private cancel(): boolean {
    if (this.isDrawing()) {
      this.cancelDrawing();
      return true;
    }
    if (this.activeVertex !== null) {
      this.activeVertex = null;
      this.renderOverlays();
      return true;
    }
    const selected = this.parts().find((feature) => feature.properties.selected);
    if (selected !== undefined) {
      this.draw.deselectFeature(selected.id!);
      return true;
    }
    if (this.mode === 'off') return false;
    this.options.onModeRequest('off');
    return true;
  }

  /**
   * Enter finishes the shape being drawn. On the map canvas terra-draw sees the key itself; from anywhere else
   * (the panel had the focus) the key is handed to the canvas, where terra-draw listens.
   */
  private finishFromKeyboard(event: KeyboardEvent): boolean {
    if (!this.isDrawing() || this.mode === 'point') return false;
    const canvas = this.map.getCanvas();
    if (event.target !== canvas) canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    return true;
  }

  /** Delete: the active vertex (or its part, when it would stop being one), else the selected part. */
  private deleteSelection(): boolean {
    if (this.isDrawing()) return false;
    const vertex = this.activeVertex;
    if (vertex !== null && this.draw.hasFeature(vertex.featureId)) {
      const part = this.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart;
      const smaller = removeVertex({ part, index: vertex.index });
      if (smaller !== null) {
        this.draw.updateFeatureGeometry(vertex.featureId, smaller);
        this.activeVertex = { ...vertex, index: Math.min(vertex.index, vertexCount(smaller) - 1) };
      } else {
        this.draw.removeFeatures([vertex.featureId]);
        this.activeVertex = null;
      }
      this.commit();
      return true;
    }
    const selected = this.parts().find((feature) => feature.properties.selected);
    if (selected === undefined) return false;
    this.draw.removeFeatures([selected.id!]);
    this.commit();
    return true;
  }

  /** V / Shift+V: the next or previous vertex of the selected part (selecting the first part if none is). */
  private stepVertex(step: 1 | -1): boolean {
    if (this.isDrawing() || this.mode !== 'select') return false;
    const parts = this.parts();
    const part =
      parts.find((feature) => feature.id === this.activeVertex?.featureId) ??
      parts.find((feature) => feature.properties.selected) ??
      parts[0];
    if (part === undefined) return false;
    if (!part.properties.selected) this.draw.selectFeature(part.id!);
    const count = vertexCount(part.geometry as DraftPart);
    const active = this.activeVertex;
    const current = active !== null && active.featureId === part.id ? active.index : step === 1 ? -1 : 0;
    this.activeVertex = { featureId: part.id!, index: (current + step + count) % count };
    this.renderOverlays();
    return true;
  }

  /** Arrow keys: moves the active vertex 1 m (Shift: 10 m) east, west, north or south in EPSG:25832. */
  private moveActiveVertex(event: KeyboardEvent): boolean {
    const vertex = this.activeVertex;
    if (vertex === null || !this.draw.hasFeature(vertex.featureId) || this.isDrawing()) return false;
    const part = this.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart;
    const position = vertexAt(part, vertex.index);
    if (position === null) return false;
    const step = ARROW_STEP_M * (event.shiftKey ? 10 : 1);
    const [dEast, dNorth] = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    }[event.key] ?? [0, 0];
    const utm = toUtm32({ lon: position[0]!, lat: position[1]! });
    const { lon, lat } = fromUtm32({ easting: utm.easting + dEast!, northing: utm.northing + dNorth! });
    const moved = moveVertex({ part, index: vertex.index, to: [round(lon), round(lat)] });
    if (moved === null) return false;
    this.draw.updateFeatureGeometry(vertex.featureId, moved);
    this.commit();
    return true;
  }

  // --- pointer ------------------------------------------------------------------------------------------------

  /** A press near a vertex of the selected part makes it the keyboard's active vertex (Delete, arrows). */
  private pickVertex(event: PointerEvent): void {
    if (!this.active || this.mode !== 'select') return;
    const rect = this.map.getCanvas().getBoundingClientRect();
    const cursor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    let picked: { featureId: string | number; index: number } | null = null;
    let best = SNAP_DISTANCE_PX;
    for (const feature of this.parts()) {
      const part = feature.geometry as DraftPart;
      for (let index = 0; index < vertexCount(part); index += 1) {
        const point = this.map.project(vertexAt(part, index) as [number, number]);
        const distance = Math.hypot(point.x - cursor.x, point.y - cursor.y);
        if (distance <= best) {
          best = distance;
          picked = { featureId: feature.id!, index };
        }
      }
    }
    this.activeVertex = picked;
    this.renderOverlays();
  }

  private clickSketch(event: MapMouseEvent): void {
    if (!this.active || this.mode !== 'off') return;
    const [hit] = this.sketchesAt(event);
    const id: unknown = hit?.properties.sketchId;
    if (typeof id === 'string' && id !== '') this.options.onSketchClick(id);
  }

  /**
   * The cursor over the map in the sketch tab: a crosshair while drawing, a pointer over a sketch one can click.
   * Runs after MapController's own hover (registered later), which sets the pointer for plots.
   */
  private hoverSketch(event: MapMouseEvent): void {
    if (!this.active) return;
    const canvas = this.map.getCanvas();
    if (this.mode === 'polygon' || this.mode === 'linestring' || this.mode === 'point') {
      canvas.style.cursor = 'crosshair';
    } else if (this.mode === 'off') {
      const over = this.sketchesAt(event).length > 0;
      if (over) canvas.style.cursor = 'pointer';
      else if (this.overSketch) canvas.style.cursor = '';
      this.overSketch = over;
    }
  }

  private sketchesAt(event: MapMouseEvent): MapGeoJSONFeature[] {
    const layers = CLICKABLE_SKETCH_LAYER_IDS.filter((id) => this.map.getLayer(id));
    return this.map.queryRenderedFeatures(event.point, { layers });
  }

  /**
   * Snapping to what the map shows (terra-draw's toCustom): the nearest vertex, within SNAP_DISTANCE_PX, of the
   * API layers' features (plots, plan areas, energy zones …) and of the other sketches near the cursor. Tile
   * geometry is quantised to the tile grid (a few centimetres at the zooms one draws at), and the points where a
   * tile cut a feature are left out.
   */
  private readonly snapToMap: SnapToCustom = (event: TerraDrawMouseEvent) => {
    if (!this.snapping) return undefined;
    const { containerX: x, containerY: y } = event;
    const r = SNAP_DISTANCE_PX;
    const features = this.map.queryRenderedFeatures([
      [x - r, y - r],
      [x + r, y + r],
    ]);
    const vertices: ScreenVertex[] = [];
    for (const feature of features) {
      if (!isSnapSource(feature.source)) continue;
      const tileZoom = this.tileZoomOf(feature.source);
      for (const position of geometryVertices(feature.geometry)) {
        if (
          tileZoom !== null &&
          isTileClipVertex({ position, tileZoom, extent: API_TILE_EXTENT, buffer: API_TILE_BUFFER })
        ) {
          continue;
        }
        const point = this.map.project(position as [number, number]);
        vertices.push({ x: point.x, y: point.y, position });
      }
    }
    const nearest = nearestVertex({ cursor: { x, y }, vertices, maxDistancePx: r });
    return nearest === null ? undefined : [round(nearest.position[0]!), round(nearest.position[1]!)];
  };

  /** The zoom of the tiles a vector source shows now (floor of the map's, within the source's range); null for GeoJSON. */
  private tileZoomOf(sourceId: string): number | null {
    const source = this.map.getSource(sourceId);
    if (source?.type !== 'vector') return null;
    const { minzoom, maxzoom } = source as VectorTileSource;
    return Math.max(minzoom, Math.min(maxzoom, Math.floor(this.map.getZoom())));
  }

  // --- overlays -----------------------------------------------------------------------------------------------

  private syncActiveVertex(): void {
    const vertex = this.activeVertex;
    if (vertex === null) return;
    const feature = this.draw.hasFeature(vertex.featureId) ? this.draw.getSnapshotFeature(vertex.featureId) : undefined;
    if (feature === undefined || vertex.index >= vertexCount(feature.geometry as DraftPart)) this.activeVertex = null;
  }

  private activeVertexPosition(): Position | null {
    const vertex = this.activeVertex;
    if (vertex === null || !this.draw.hasFeature(vertex.featureId)) return null;
    return vertexAt(this.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart, vertex.index);
  }

  /** The holes and refused parts of the draft, to draw (terra-draw shows the rest). */
  private fixedGeometries(): Geometry[] {
    const ids = new Set(this.parts().map((feature) => feature.id));
    const holes = [...this.holes]
      .filter(([id]) => ids.has(id))
      .flatMap(([, rings]) => rings.map((ring): Geometry => ({ type: 'LineString', coordinates: ring })));
    return [...holes, ...this.fixedParts];
  }

  private renderOverlays(): void {
    const empty = { sketches: [], draftSketchId: null, selectedSketchId: null, overlay: EMPTY_SKETCH_OVERLAY };
    const data = buildSketchOverlayData({
      ...(this.active && this.overlay !== null ? this.overlay : empty),
      activeVertex: this.active ? this.activeVertexPosition() : null,
      draftFixed: this.active ? this.fixedGeometries() : [],
    });
    for (const source of SKETCH_OVERLAY_SOURCE_IDS) {
      this.map.getSource<GeoJSONSource>(source)?.setData(data[source]);
    }
  }
}

/** Sources whose vertices the draft snaps to: the API layers' and the sketch overlays of shapes. */
function isSnapSource(source: string): boolean {
  return (
    isApiSourceId(source) ||
    source === SKETCHES_SOURCE_ID ||
    source === SKETCH_PREVIEW_SOURCE_ID ||
    source === SKETCH_IMPORT_SOURCE_ID
  );
}
