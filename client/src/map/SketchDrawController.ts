import type { Geometry, Position } from 'geojson';
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { EMPTY_SKETCH_OVERLAY } from '../features/sketches/activeSketchEditor';
import { fromParts, toParts, type DraftPart } from '../features/sketches/draftParts';
import { measureSketch } from '../features/sketches/measureSketch';
import type { DraftReport, DrawCommand, DrawMode } from '../features/sketches/sketchDrawSlice';
import { buildSketchLayers, CLICKABLE_SKETCH_LAYER_IDS } from './buildSketchLayers';
import { buildSketchOverlayData, type SketchOverlayInput } from './buildSketchOverlayData';
import { createMapSnap } from './createMapSnap';
import { createSketchTerraDraw, DRAW_MODE_OF_PART, isGuidance, roundPart } from './createSketchTerraDraw';
import { DraftKeyboard } from './DraftKeyboard';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redoHistory,
  undoHistory,
  type DrawHistory,
} from './drawHistory';
import { SKETCH_OVERLAY_SOURCE_IDS } from './ids';

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

const sameGeometry = (a: Geometry | null, b: Geometry | null) => JSON.stringify(a) === JSON.stringify(b);

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
  /** Snapping to the vertices of what the map shows (terra-draw's toCustom), while snapping is on. */
  private readonly snapToMap: SnapToCustom;
  /** The shortcuts and the active vertex. */
  private readonly keys: DraftKeyboard;
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
  private reportQueued = false;
  /** The pointer was over a saved sketch at the last mouse move (its cursor is to be undone on leaving). */
  private overSketch = false;
  private readonly onKeyDown = (event: KeyboardEvent) => this.keys.handleKey(event);
  private readonly onPointerDown = (event: PointerEvent) => this.keys.pickVertex(event);
  private readonly onMapClick = (event: MapMouseEvent) => this.clickSketch(event);
  private readonly onMapMouseMove = (event: MapMouseEvent) => this.hoverSketch(event);

  constructor({ map, ...options }: SketchDrawOptions & { map: MapLibreMap }) {
    this.map = map;
    this.options = options;
    for (const source of SKETCH_OVERLAY_SOURCE_IDS) {
      map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    }
    for (const layer of buildSketchLayers()) map.addLayer(layer);

    this.snapToMap = createMapSnap({ map, enabled: () => this.snapping });
    this.draw = createSketchTerraDraw({ map, snapToCustom: this.snapToMap });
    this.keys = new DraftKeyboard({
      map,
      draw: this.draw,
      open: () => this.active,
      editing: () => this.active && this.editable,
      mode: () => this.mode,
      isDrawing: () => this.isDrawing(),
      cancelDrawing: () => this.cancelDrawing(),
      parts: () => this.parts(),
      commit: () => this.commit(),
      undo: () => this.undo(),
      redo: () => this.redo(),
      renderOverlays: () => this.renderOverlays(),
      requestMode: (mode) => this.options.onModeRequest(mode),
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
    this.keys.activeVertex = null;
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
    this.keys.syncActiveVertex();
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
    this.keys.syncActiveVertex();
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

  // --- overlays -----------------------------------------------------------------------------------------------

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
      activeVertex: this.active ? this.keys.activeVertexPosition() : null,
      draftFixed: this.active ? this.fixedGeometries() : [],
    });
    for (const source of SKETCH_OVERLAY_SOURCE_IDS) {
      this.map.getSource<GeoJSONSource>(source)?.setData(data[source]);
    }
  }
}
