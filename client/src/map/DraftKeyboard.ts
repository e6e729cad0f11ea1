import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import type { DraftPart } from '../features/sketches/draftParts';
import { moveVertex, removeVertex, vertexAt, vertexCount } from '../features/sketches/editVertex';
import type { DrawMode } from '../features/sketches/sketchDrawSlice';
import { roundCoordinate as round } from './createSketchTerraDraw';
import { fromUtm32 } from './fromUtm32';
import type { SketchModeRequest } from './SketchDrawController';
import { sketchShortcutFor, type SketchShortcutAction } from './sketchShortcuts';
import { SNAP_DISTANCE_PX } from './snapDistance';
import { toUtm32 } from './toUtm32';

/** Arrow keys move the active vertex this far (metres, EPSG:25832); with Shift ten times as far. */
const ARROW_STEP_M = 1;

/** What the keyboard needs of the drawing tool (SketchDrawController). */
export interface DraftKeyboardHost {
  readonly map: MapLibreMap;
  readonly draw: TerraDraw;
  /** The sketch tab is open. */
  open(): boolean;
  /** The tab is open and the draft may be changed (a planner is logged in). */
  editing(): boolean;
  mode(): DrawMode;
  /** A shape is being drawn and is not finished yet. */
  isDrawing(): boolean;
  cancelDrawing(): void;
  /** The draft's drawn parts (no handles). */
  parts(): GeoJSONStoreFeatures[];
  /** Records the draft as one step of the undo history and reports it. */
  commit(): void;
  undo(): void;
  redo(): void;
  renderOverlays(): void;
  requestMode(mode: SketchModeRequest): void;
}

/**
 * The sketch tool's keyboard (issue #6): the shortcuts (tools, undo, redo, Esc, Enter, Delete) wherever the focus
 * is, and the active vertex, picked with the pointer or V / Shift+V, which Delete removes and the arrow keys move
 * in metres. The map's own keyboard handler never sees a key used here.
 */
export class DraftKeyboard {
  /** The vertex Delete and the arrow keys act on: a part of the draft and the vertex's index in it. */
  activeVertex: { featureId: string | number; index: number } | null = null;

  constructor(private readonly host: DraftKeyboardHost) {}

  handleKey(event: KeyboardEvent): void {
    if (!this.host.editing()) return;
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
        this.host.requestMode(action);
        return true;
      case 'undo':
        this.host.undo();
        return true;
      case 'redo':
        this.host.redo();
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
    if (this.host.isDrawing()) {
      this.host.cancelDrawing();
      return true;
    }
    if (this.activeVertex !== null) {
      this.activeVertex = null;
      this.host.renderOverlays();
      return true;
    }
    const selected = this.host.parts().find((feature) => feature.properties.selected);
    if (selected !== undefined) {
      this.host.draw.deselectFeature(selected.id!);
      return true;
    }
    if (this.host.mode() === 'off') return false;
    this.host.requestMode('off');
    return true;
  }

  /**
   * Enter finishes the shape being drawn. On the map canvas terra-draw sees the key itself; from anywhere else
   * (the panel had the focus) the key is handed to the canvas, where terra-draw listens.
   */
  private finishFromKeyboard(event: KeyboardEvent): boolean {
    if (!this.host.isDrawing() || this.host.mode() === 'point') return false;
    const canvas = this.host.map.getCanvas();
    if (event.target !== canvas) canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    return true;
  }

  /** Delete: the active vertex (or its part, when it would stop being one), else the selected part. */
  private deleteSelection(): boolean {
    if (this.host.isDrawing()) return false;
    const vertex = this.activeVertex;
    if (vertex !== null && this.host.draw.hasFeature(vertex.featureId)) {
      const part = this.host.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart;
      const smaller = removeVertex({ part, index: vertex.index });
      if (smaller !== null) {
        this.host.draw.updateFeatureGeometry(vertex.featureId, smaller);
        this.activeVertex = { ...vertex, index: Math.min(vertex.index, vertexCount(smaller) - 1) };
      } else {
        this.host.draw.removeFeatures([vertex.featureId]);
        this.activeVertex = null;
      }
      this.host.commit();
      return true;
    }
    const selected = this.host.parts().find((feature) => feature.properties.selected);
    if (selected === undefined) return false;
    this.host.draw.removeFeatures([selected.id!]);
    this.host.commit();
    return true;
  }

  /** V / Shift+V: the next or previous vertex of the selected part (selecting the first part if none is). */
  private stepVertex(step: 1 | -1): boolean {
    if (this.host.isDrawing() || this.host.mode() !== 'select') return false;
    const parts = this.host.parts();
    const part =
      parts.find((feature) => feature.id === this.activeVertex?.featureId) ??
      parts.find((feature) => feature.properties.selected) ??
      parts[0];
    if (part === undefined) return false;
    if (!part.properties.selected) this.host.draw.selectFeature(part.id!);
    const count = vertexCount(part.geometry as DraftPart);
    const active = this.activeVertex;
    const current = active !== null && active.featureId === part.id ? active.index : step === 1 ? -1 : 0;
    this.activeVertex = { featureId: part.id!, index: (current + step + count) % count };
    this.host.renderOverlays();
    return true;
  }

  /** Arrow keys: moves the active vertex 1 m (Shift: 10 m) east, west, north or south in EPSG:25832. */
  private moveActiveVertex(event: KeyboardEvent): boolean {
    const vertex = this.activeVertex;
    if (vertex === null || !this.host.draw.hasFeature(vertex.featureId) || this.host.isDrawing()) return false;
    const part = this.host.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart;
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
    this.host.draw.updateFeatureGeometry(vertex.featureId, moved);
    this.host.commit();
    return true;
  }

  /** A press near a vertex of the selected part makes it the keyboard's active vertex (Delete, arrows). */
  pickVertex(event: PointerEvent): void {
    if (!this.host.open() || this.host.mode() !== 'select') return;
    const rect = this.host.map.getCanvas().getBoundingClientRect();
    const cursor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    let picked: { featureId: string | number; index: number } | null = null;
    let best = SNAP_DISTANCE_PX;
    for (const feature of this.host.parts()) {
      const part = feature.geometry as DraftPart;
      for (let index = 0; index < vertexCount(part); index += 1) {
        const point = this.host.map.project(vertexAt(part, index) as [number, number]);
        const distance = Math.hypot(point.x - cursor.x, point.y - cursor.y);
        if (distance <= best) {
          best = distance;
          picked = { featureId: feature.id!, index };
        }
      }
    }
    this.activeVertex = picked;
    this.host.renderOverlays();
  }

  syncActiveVertex(): void {
    const vertex = this.activeVertex;
    if (vertex === null) return;
    const feature = this.host.draw.hasFeature(vertex.featureId)
      ? this.host.draw.getSnapshotFeature(vertex.featureId)
      : undefined;
    if (feature === undefined || vertex.index >= vertexCount(feature.geometry as DraftPart)) this.activeVertex = null;
  }

  activeVertexPosition(): Position | null {
    const vertex = this.activeVertex;
    if (vertex === null || !this.host.draw.hasFeature(vertex.featureId)) return null;
    return vertexAt(this.host.draw.getSnapshotFeature(vertex.featureId)!.geometry as DraftPart, vertex.index);
  }
}
