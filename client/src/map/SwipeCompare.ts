import { Map as MapLibreMap } from 'maplibre-gl';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type { DikeState } from '@shared/schemas/flood';
import type { Lang } from '@shared/i18n/Lang';
import type { Basemap } from '@shared/schemas/mapConfig';
import { BasemapAttachment } from './BasemapAttachment';
import { buildBaseStyle } from './buildBaseStyle';
import {
  buildFloodCompareLayerSpecs,
  FLOOD_COMPARE_FILL_COLOR,
  FLOOD_FILL_COLOR,
  floodBeforeLayerId,
} from './buildFloodLayers';
import { FLOOD_COMPARE_SOURCE_ID } from './ids';
import type { MapData } from './MapController';
import { MAX_ZOOM, MIN_ZOOM } from './MapViewState';
import { putApiLayers, setApiLayersHidden } from './putApiLayers';
import { putFloodLayers } from './putFloodLayers';
import { SWIPE_START_PERCENT, swipeClipPath, swipePercentAtPointer, swipePercentForKey } from './swipePercent';
import { swipeTexts } from './swipeTexts';
import './swipeCompare.css';
import { TEST_HOOKS } from '../testHooks';

/** Where browser tests find the second map, next to the main map's `__koegeMap`. */
const TEST_HOOK = '__koegeSwipeMap';
type TestHookWindow = Record<typeof TEST_HOOK, MapLibreMap | undefined>;

/** What the swipe shows: the two scenarios (metres DVR90, dike state), which its labels name, and B's flood. */
export interface SwipeView {
  a: { level: number; dike: DikeState };
  b: { level: number; dike: DikeState };
  /** Scenario B's flood; null while it loads. */
  flood: FloodExtent | null;
  /** The UI language of the labels. */
  lang: Lang;
}

export interface SwipeCompareOptions {
  /** The main map: it shows scenario A and keeps its place, controls and clicks. */
  main: MapLibreMap;
  view: SwipeView;
  /** The main map's online basemap while it shows (issue #16); this map drops it silently if it fails. */
  basemap: Basemap | null;
}

/**
 * The swipe comparison of two flood scenarios (issue #7): a second MapLibre map stacked over the main one in its
 * frame, with the same base and API layers but scenario B's flood, clipped (CSS clip-path) to the right of a
 * vertical divider. The two cameras follow each other both ways. The divider is a slider: dragged with a pointer,
 * or stepped with the arrow keys, Home and End.
 */
export class SwipeCompare {
  private readonly main: MapLibreMap;
  private readonly map: MapLibreMap;
  private readonly root: HTMLDivElement;
  private readonly mapElement: HTMLDivElement;
  private readonly divider: HTMLDivElement;
  private readonly handle: HTMLDivElement;
  private readonly labelA: HTMLSpanElement;
  private readonly labelB: HTMLSpanElement;
  private basemap: BasemapAttachment | null = null;
  private view: SwipeView;
  private data: MapData | null = null;
  private loaded = false;
  private percent = SWIPE_START_PERCENT;
  /** The pointer dragging the divider, if one is. */
  private dragPointer: number | null = null;
  /** True while one map is being moved to the other's camera: its own move must not echo back. */
  private syncing = false;

  constructor({ main, view, basemap }: SwipeCompareOptions) {
    this.main = main;
    this.view = view;
    // Inside the main map's container, under its controls (CSS z-index): zoom buttons and the scale stay usable.
    this.root = element('div', 'swipe-compare', main.getContainer());
    this.root.dataset.testid = 'swipe-compare';
    this.mapElement = element('div', 'swipe-compare__map', this.root);
    this.mapElement.dataset.testid = 'swipe-map';
    this.divider = element('div', 'swipe-compare__divider', this.root);
    this.labelA = element('span', 'swipe-compare__label swipe-compare__label--a', this.divider);
    this.labelA.dataset.testid = 'swipe-label-a';
    this.labelB = element('span', 'swipe-compare__label swipe-compare__label--b', this.divider);
    this.labelB.dataset.testid = 'swipe-label-b';
    // Each label is marked in its scenario's colour, as in the legend.
    this.labelA.style.borderLeftColor = FLOOD_FILL_COLOR;
    this.labelB.style.borderLeftColor = FLOOD_COMPARE_FILL_COLOR;
    this.handle = element('div', 'swipe-compare__handle', this.divider);
    this.handle.dataset.testid = 'swipe-divider';
    this.handle.tabIndex = 0;
    this.handle.setAttribute('role', 'slider');
    this.handle.setAttribute('aria-valuemin', '0');
    this.handle.setAttribute('aria-valuemax', '100');
    this.handle.addEventListener('pointerdown', this.onPointerDown);
    this.handle.addEventListener('pointermove', this.onPointerMove);
    this.handle.addEventListener('pointerup', this.onPointerUp);
    this.handle.addEventListener('pointercancel', this.onPointerUp);
    this.handle.addEventListener('keydown', this.onKeyDown);

    this.map = new MapLibreMap({
      container: this.mapElement,
      style: buildBaseStyle({ origin: window.location.origin }),
      center: main.getCenter(),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // The main map's credit line shows over both (its controls lie above this map).
      attributionControl: false,
    });
    // One tab stop for the camera is enough: the main map's, which this one follows.
    this.map.getCanvas().tabIndex = -1;
    this.map.once('load', () => {
      this.loaded = true;
      if (basemap !== null) this.attachBasemap(basemap);
      this.applyData();
    });
    this.main.on('move', this.onMainMove);
    this.map.on('move', this.onSwipeMove);
    this.applyView();
    this.setPercent(SWIPE_START_PERCENT);
    if (TEST_HOOKS) (window as unknown as TestHookWindow)[TEST_HOOK] = this.map;
  }

  /** The API layers as the main map has them. */
  setData(data: MapData): void {
    this.data = data;
    this.applyData();
  }

  /** Switches layers on and off, as on the main map. */
  setHidden(hiddenLayerIds: readonly string[]): void {
    if (this.data === null) return;
    this.data = { ...this.data, hiddenLayerIds };
    if (this.loaded) setApiLayersHidden({ map: this.map, layers: this.data.layers, hiddenLayerIds });
  }

  /** A new flood for B, or new texts (a scenario or the language changed). */
  setView(view: SwipeView): void {
    const floodChanged = view.flood !== this.view.flood;
    this.view = view;
    this.applyView();
    if (floodChanged) this.applyFlood();
  }

  destroy(): void {
    this.main.off('move', this.onMainMove);
    this.basemap?.remove();
    this.map.remove();
    this.root.remove();
    if (TEST_HOOKS) {
      const hook = window as unknown as Partial<TestHookWindow>;
      if (hook[TEST_HOOK] === this.map) delete hook[TEST_HOOK];
    }
  }

  private attachBasemap(basemap: Basemap): void {
    // No report if it fails: the main map has said so already, or will, and one notice is enough.
    this.basemap = new BasemapAttachment(this.map, basemap, () => this.data?.layers ?? []);
  }

  private applyData(): void {
    if (!this.loaded || this.data === null) return;
    putApiLayers({ map: this.map, ...this.data, overBasemap: this.basemap?.shown ?? false });
    this.applyFlood();
  }

  /** B's flood, placed as the main map places A's: over land and sea, under plots, roads and the dike. */
  private applyFlood(): void {
    if (!this.loaded || this.data === null || this.data.layers.length === 0) return;
    const before = floodBeforeLayerId(this.data.layers);
    putFloodLayers({
      map: this.map,
      sourceId: FLOOD_COMPARE_SOURCE_ID,
      extent: this.view.flood,
      specs: buildFloodCompareLayerSpecs,
      before: before !== undefined && this.map.getLayer(before) ? before : undefined,
    });
  }

  private applyView(): void {
    const { labelA, labelB, divider } = swipeTexts(this.view);
    // textContent, never innerHTML: the texts carry no markup.
    this.labelA.textContent = labelA;
    this.labelB.textContent = labelB;
    this.handle.setAttribute('aria-label', divider);
    // B's label names the second map, so that the two maps' regions differ.
    this.map.getCanvas().setAttribute('aria-label', labelB);
  }

  private setPercent(percent: number): void {
    this.percent = percent;
    this.mapElement.style.clipPath = swipeClipPath(percent);
    this.divider.style.left = `${percent}%`;
    this.handle.setAttribute('aria-valuenow', String(percent));
    this.handle.setAttribute('aria-valuetext', `${percent} %`);
  }

  private readonly onMainMove = () => this.follow(this.main, this.map);
  private readonly onSwipeMove = () => this.follow(this.map, this.main);

  /** Puts `to` on `from`'s camera; the move this causes on `to` is not sent back. */
  private follow(from: MapLibreMap, to: MapLibreMap): void {
    if (this.syncing) return;
    this.syncing = true;
    try {
      to.jumpTo({
        center: from.getCenter(),
        zoom: from.getZoom(),
        bearing: from.getBearing(),
        pitch: from.getPitch(),
      });
    } finally {
      this.syncing = false;
    }
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    this.handle.focus();
    this.handle.setPointerCapture(event.pointerId);
    this.dragPointer = event.pointerId;
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (event.pointerId !== this.dragPointer) return;
    const { left, width } = this.root.getBoundingClientRect();
    this.setPercent(swipePercentAtPointer({ clientX: event.clientX, left, width }));
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    if (event.pointerId !== this.dragPointer) return;
    this.dragPointer = null;
    if (this.handle.hasPointerCapture(event.pointerId)) this.handle.releasePointerCapture(event.pointerId);
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const next = swipePercentForKey({ key: event.key, percent: this.percent });
    if (next === undefined) return;
    // The arrows would otherwise scroll the page or reach the map's own keyboard panning.
    event.preventDefault();
    this.setPercent(next);
  };
}

function element<K extends 'div' | 'span'>(tag: K, className: string, parent: HTMLElement): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  parent.append(node);
  return node;
}
