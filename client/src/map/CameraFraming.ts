import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox } from '@shared/schemas/geojson';
import { contextBbox } from './contextBbox';

/** How far the camera zooms in when it frames something (issue #20): a plot never fills the screen. */
export const FIT_MAX_ZOOM = 15;

/** Margin around a fitted bbox inside the visible map, in CSS pixels: at most this, less on a small map. */
const FIT_MARGIN = 60;

/** Edges of the map covered by panels, in CSS pixels. */
export interface MapInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Readonly<MapInsets> = { top: 0, right: 0, bottom: 0, left: 0 };

export interface FitOptions {
  /** A site: widen the bbox so that its surroundings stay in view. */
  context?: boolean;
}

/**
 * The camera's framing (issue #20): the parts of the map that panels cover (the phone's bottom sheet) are the
 * map's padding, so that its centre and every fit fall in the part that can be seen; fits stop at zoom 15.
 */
export class CameraFraming {
  /** The last fit, until the user moves the map: a resize (a panel opening beside the map) fits it again. */
  private lastFit: { bbox: Bbox; options: FitOptions } | null = null;

  constructor(private readonly map: MapLibreMap) {
    map.on('resize', () => {
      if (this.lastFit) this.fit(this.lastFit.bbox, this.lastFit.options);
    });
    // A move the user makes (it has a DOM event) ends the framing: later resizes leave the camera be.
    map.on('movestart', (event: { originalEvent?: unknown }) => {
      if (event.originalEvent) this.lastFit = null;
    });
  }

  /** The covered edges, in CSS pixels; the camera's centre moves with them into the visible part. */
  setInsets(insets: MapInsets): void {
    const current = this.insets();
    if (
      current.top === insets.top &&
      current.right === insets.right &&
      current.bottom === insets.bottom &&
      current.left === insets.left
    ) {
      return;
    }
    this.map.setPadding(insets);
  }

  /** Fits the camera to a [west, south, east, north] bbox in EPSG:4326 degrees, inside the visible part. */
  fit(bbox: Bbox, options: FitOptions = {}): void {
    this.lastFit = { bbox, options };
    const [west, south, east, north] = options.context ? contextBbox(bbox) : bbox;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: this.margin(), maxZoom: FIT_MAX_ZOOM, duration: reduceMotion ? 0 : 600 },
    );
  }

  /** Frames a site when any of it lies outside the visible part (e.g. under the sheet that just rose). */
  reveal(bbox: Bbox): void {
    if (this.map.isMoving() || this.isVisible(bbox)) return;
    this.fit(bbox, { context: true });
  }

  /** Whether the whole bbox lies in the part of the map the panels leave visible. */
  isVisible([west, south, east, north]: Bbox): boolean {
    const { top, right, bottom, left } = this.insets();
    const canvas = this.map.getContainer();
    const sw = this.map.project([west, south]);
    const ne = this.map.project([east, north]);
    return sw.x >= left && ne.x <= canvas.clientWidth - right && ne.y >= top && sw.y <= canvas.clientHeight - bottom;
  }

  /** The map's padding, every edge given. */
  private insets(): MapInsets {
    const { top = 0, right = 0, bottom = 0, left = 0 } = this.map.getPadding();
    return { top, right, bottom, left };
  }

  /** A margin that leaves most of a small visible map to the bbox. */
  private margin(): number {
    const { top, right, bottom, left } = this.insets();
    const canvas = this.map.getContainer();
    const visible = Math.min(canvas.clientWidth - left - right, canvas.clientHeight - top - bottom);
    return Math.max(8, Math.min(FIT_MARGIN, Math.round(visible * 0.08)));
  }
}
