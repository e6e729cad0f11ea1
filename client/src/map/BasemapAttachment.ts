import type { ErrorEvent, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import type { Layer } from '@shared/schemas/layer';
import type { Basemap } from '@shared/schemas/mapConfig';
import { buildRasterBasemap, buildStyleBasemap, type BasemapParts } from './buildBasemap';
import { BACKGROUND_LAYER_ID } from './ids';
import { setApiLayersOverBasemap } from './putApiLayers';

/**
 * How long the basemap may take (milliseconds): to answer with its style, or, once a tile is asked for, to deliver
 * the first one. A server that accepts and never answers would otherwise leave the map waiting for minutes.
 */
const BASEMAP_TIMEOUT_MS = 10_000;
/** Failed tiles before the first good one that mean the basemap cannot be reached (a 404 is an empty tile). */
const FAILURES_BEFORE_FIRST_TILE = 3;
/** Failed tiles in a row, after good ones, that mean it went away. */
const FAILURES_IN_A_ROW = 10;

/**
 * An online basemap (issue #16) on a map whose style has loaded: its sources and layers go right above the
 * background, under every offline layer. If it cannot be reached (the style does not load, tiles fail, or nothing
 * comes in time), it takes itself off and says so once, and the offline map goes on as it was.
 */
export class BasemapAttachment {
  private readonly abort = new AbortController();
  private parts: BasemapParts | null = null;
  private shownNow = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;

  /**
   * @param layers the API layers on the map: their context fills let the basemap show through while it shows
   * @param onUnavailable it cannot be reached and was taken off the map; called at most once
   */
  constructor(
    private readonly map: MapLibreMap,
    readonly basemap: Basemap,
    private readonly layers: () => Iterable<Layer>,
    private readonly onUnavailable: () => void = () => undefined,
  ) {
    this.map.on('error', this.onError);
    this.map.on('sourcedata', this.onSourceData);
    this.map.on('sourcedataloading', this.onSourceDataLoading);
    if (basemap.kind === 'style') void this.loadStyle(basemap);
    // Sources and layers can be added once the map's own style is in (its stylesheet is set as it loads).
    else if (map.style?.stylesheet) this.add(buildRasterBasemap(basemap));
    else
      map.once('style.load', () => {
        if (!this.ended) this.add(buildRasterBasemap(basemap));
      });
  }

  /** True once a tile of the basemap has come, until it is taken off. */
  get shown(): boolean {
    return this.shownNow;
  }

  /** Takes the basemap off the map (the map itself may be going): no callback. */
  remove(): void {
    this.end();
    if (this.parts === null || !this.map.style) return;
    for (const layer of this.parts.layers) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
    for (const id of Object.keys(this.parts.sources)) if (this.map.getSource(id)) this.map.removeSource(id);
    this.parts = null;
  }

  private async loadStyle(basemap: Extract<Basemap, { kind: 'style' }>): Promise<void> {
    const timeout = setTimeout(() => this.abort.abort(), BASEMAP_TIMEOUT_MS);
    try {
      const response = await fetch(basemap.url, { signal: this.abort.signal, credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const parts = buildStyleBasemap({ basemap, style: (await response.json()) as unknown });
      if (!this.map.style?.stylesheet) await new Promise((resolve) => this.map.once('style.load', resolve));
      if (!this.ended) this.add(parts);
    } catch {
      this.fail();
    } finally {
      clearTimeout(timeout);
    }
  }

  private add(parts: BasemapParts): void {
    this.parts = parts;
    // Right above the background: every offline layer, whenever it came, stays on top.
    const ids = this.map.getStyle().layers.map((layer) => layer.id);
    const before = ids[ids.indexOf(BACKGROUND_LAYER_ID) + 1];
    try {
      for (const [id, spec] of Object.entries(parts.sources)) this.map.addSource(id, spec);
      for (const layer of parts.layers) this.map.addLayer(layer, before);
    } catch {
      // A style MapLibre refuses is a basemap that cannot be shown: what was added comes off again.
      this.fail();
    }
  }

  private ours(sourceId: unknown): boolean {
    return this.parts !== null && typeof sourceId === 'string' && sourceId in this.parts.sources;
  }

  private readonly onSourceDataLoading = (event: MapSourceDataEvent): void => {
    if (!this.ours(event.sourceId) || event.tile === undefined || this.shownNow || this.timer !== undefined) return;
    this.timer = setTimeout(() => this.fail(), BASEMAP_TIMEOUT_MS);
  };

  private readonly onSourceData = (event: MapSourceDataEvent): void => {
    if (!this.ours(event.sourceId) || event.tile === undefined) return;
    this.failures = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.shownNow) {
      this.shownNow = true;
      this.repaintLayers();
    }
  };

  private readonly onError = (event: ErrorEvent): void => {
    // MapLibre adds the source's id to a source's error events; its types do not declare it.
    if (!this.ours((event as ErrorEvent & { sourceId?: unknown }).sourceId)) return;
    this.failures += 1;
    if (this.failures >= (this.shownNow ? FAILURES_IN_A_ROW : FAILURES_BEFORE_FIRST_TILE)) this.fail();
  };

  private fail(): void {
    if (this.ended) return;
    const wasShown = this.shownNow;
    this.remove();
    if (wasShown) this.repaintLayers();
    this.onUnavailable();
  }

  private repaintLayers(): void {
    setApiLayersOverBasemap({ map: this.map, layers: this.layers(), overBasemap: this.shownNow });
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.shownNow = false;
    clearTimeout(this.timer);
    this.abort.abort();
    this.map.off('error', this.onError);
    this.map.off('sourcedata', this.onSourceData);
    this.map.off('sourcedataloading', this.onSourceDataLoading);
  }
}
