import {
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type MapMouseEvent,
  type GeoJSONSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection as GeoJsonFeatureCollection } from 'geojson';
import type { Bbox } from '../../../server/src/schemas/geojson';
import type { Layer } from '../../../server/src/schemas/layer';
import type { FeatureCollection } from '../../../server/src/schemas/site';
import { buildBaseStyle } from './buildBaseStyle';
import { buildLayerSpecs, isInteractiveLayer, orderForDrawing, styleLayerIds } from './buildLayerSpecs';
import { sourceId, STATE_HIGHLIGHTED, STATE_HOVER, STATE_SELECTED } from './ids';
import { indexSiteLayers } from './indexSiteLayers';
import { MAX_ZOOM, MIN_ZOOM, type MapViewState } from './MapViewState';

// MapLibre 6 is ESM only: after bundling, its worker must be pointed at the emitted file.
setWorkerUrl(workerUrl);

/** Where browser tests find the map (tests/e2e declare its type on their side). */
const TEST_HOOK = '__koegeMap';
type TestHookWindow = Record<typeof TEST_HOOK, MapLibreMap | undefined>;

export interface MapControllerOptions {
  container: HTMLElement;
  initialView: MapViewState;
  basemapUrl?: string | null;
  basemapAttribution?: string | null;
  /** A feature was clicked: its id (the site id). */
  onSiteClick(siteId: string): void;
  /** The camera came to rest. */
  onViewChange(view: MapViewState): void;
  /** The pointer moved over the map (lon/lat in EPSG:4326), or left it (null). */
  onCursor?(position: { lon: number; lat: number } | null): void;
}

export interface MapData {
  layers: readonly Layer[];
  collections: Readonly<Record<string, FeatureCollection>>;
  hiddenLayerIds: readonly string[];
}

/** Padding around a fitted bbox, in CSS pixels. */
const FIT_PADDING = 60;

/**
 * Owns the one MapLibre map: builds sources and style layers from the store's data, mirrors
 * visibility and highlighting onto it and reports clicks and camera moves back. The store never
 * sees the Map object.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly options: MapControllerOptions;
  private readonly tooltip = new Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'map-tooltip',
    offset: 10,
  });
  private styleLoaded = false;
  private pending: (() => void)[] = [];
  private layers: readonly Layer[] = [];
  private siteLayers = new Map<string, string>();
  private interactiveIds: string[] = [];
  private hovered: string | null = null;
  private selected: string | null = null;
  private highlighted: string[] = [];
  private readyReported = false;

  constructor(options: MapControllerOptions) {
    this.options = options;
    const { container, initialView, basemapUrl, basemapAttribution } = options;
    this.map = new MapLibreMap({
      container,
      style: buildBaseStyle({ basemapUrl, basemapAttribution }),
      center: [initialView.lon, initialView.lat],
      zoom: initialView.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // Screenshots and pixel checks in browser tests read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      attributionControl: basemapUrl ? { compact: true } : false,
    });
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.once('load', () => {
      this.styleLoaded = true;
      const queued = this.pending;
      this.pending = [];
      for (const run of queued) run();
    });
    this.map.on('moveend', () => {
      const { lng, lat } = this.map.getCenter();
      this.options.onViewChange({ zoom: this.map.getZoom(), lat, lon: lng });
    });
    this.map.on('mousemove', (event) => this.onMouseMove(event));
    this.map.on('mouseout', () => {
      this.setHovered(null);
      this.options.onCursor?.(null);
    });
    this.map.on('click', (event) => {
      const siteId = this.siteAt(event);
      if (siteId !== null) this.options.onSiteClick(siteId);
    });
    (window as unknown as TestHookWindow)[TEST_HOOK] = this.map;
  }

  /** Adds every layer's source and style layers (once), or replaces their data on a reload. */
  setData({ layers, collections, hiddenLayerIds }: MapData): void {
    this.whenLoaded(() => {
      const hidden = new Set(hiddenLayerIds);
      const overBasemap = Boolean(this.options.basemapUrl);
      this.layers = layers;
      this.siteLayers = indexSiteLayers(collections);
      for (const layer of orderForDrawing(layers)) {
        const data = (collections[layer.id] ?? { type: 'FeatureCollection', features: [] }) as GeoJsonFeatureCollection;
        const existing = this.map.getSource<GeoJSONSource>(sourceId(layer.id));
        if (existing) {
          existing.setData(data);
          continue;
        }
        this.map.addSource(sourceId(layer.id), { type: 'geojson', data, promoteId: 'id' });
        for (const spec of buildLayerSpecs({ layer, visible: !hidden.has(layer.id), overBasemap })) {
          this.map.addLayer(spec);
        }
      }
      this.interactiveIds = layers.filter(isInteractiveLayer).flatMap((layer) => styleLayerIds(layer));
      this.applySelected(this.selected);
      this.applyHighlighted(this.highlighted);
      this.reportReadyWhenIdle();
    });
  }

  /** Switches layers on and off to match the store. */
  setHidden(hiddenLayerIds: readonly string[]): void {
    this.whenLoaded(() => {
      const hidden = new Set(hiddenLayerIds);
      for (const layer of this.layers) {
        for (const id of styleLayerIds(layer)) {
          if (this.map.getLayer(id))
            this.map.setLayoutProperty(id, 'visibility', hidden.has(layer.id) ? 'none' : 'visible');
        }
      }
    });
  }

  /** Marks the selected site (feature-state `selected`). */
  setSelected(siteId: string | null): void {
    this.whenLoaded(() => this.applySelected(siteId));
  }

  /** Marks the sites of the chosen policy action (feature-state `highlighted`). */
  setHighlighted(siteIds: readonly string[]): void {
    this.whenLoaded(() => this.applyHighlighted([...siteIds]));
  }

  /** Fits the camera to a [west, south, east, north] bbox in EPSG:4326 degrees. */
  fitBbox(bbox: Bbox): void {
    this.whenLoaded(() => {
      this.map.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        { padding: FIT_PADDING, maxZoom: 16, duration: 600 },
      );
    });
  }

  destroy(): void {
    this.tooltip.remove();
    this.map.remove();
    const hook = window as unknown as Partial<TestHookWindow>;
    if (hook[TEST_HOOK] === this.map) delete hook[TEST_HOOK];
    delete document.documentElement.dataset.mapReady;
  }

  private whenLoaded(run: () => void): void {
    if (this.styleLoaded) run();
    else this.pending.push(run);
  }

  private reportReadyWhenIdle(): void {
    if (this.readyReported) return;
    this.readyReported = true;
    this.map.once('idle', () => {
      document.documentElement.dataset.mapReady = 'true';
    });
  }

  private applySelected(siteId: string | null): void {
    if (this.selected !== null) this.setState(this.selected, STATE_SELECTED, false);
    this.selected = siteId;
    if (siteId !== null) this.setState(siteId, STATE_SELECTED, true);
  }

  private applyHighlighted(siteIds: string[]): void {
    for (const id of this.highlighted) this.setState(id, STATE_HIGHLIGHTED, false);
    this.highlighted = siteIds;
    for (const id of siteIds) this.setState(id, STATE_HIGHLIGHTED, true);
  }

  private setHovered(siteId: string | null): void {
    if (siteId === this.hovered) return;
    if (this.hovered !== null) this.setState(this.hovered, STATE_HOVER, false);
    this.hovered = siteId;
    if (siteId !== null) this.setState(siteId, STATE_HOVER, true);
    this.map.getCanvas().style.cursor = siteId !== null ? 'pointer' : '';
  }

  /** Sets one feature-state key; a site not (yet) on the map is skipped, the next setData re-applies. */
  private setState(siteId: string, key: string, value: boolean): void {
    const layerId = this.siteLayers.get(siteId);
    if (layerId === undefined || !this.map.getSource(sourceId(layerId))) return;
    this.map.setFeatureState({ source: sourceId(layerId), id: siteId }, { [key]: value });
  }

  private onMouseMove(event: MapMouseEvent): void {
    this.options.onCursor?.({ lon: event.lngLat.lng, lat: event.lngLat.lat });
    const feature = this.featureAt(event);
    const siteId = typeof feature?.id === 'string' ? feature.id : null;
    this.setHovered(siteId);
    const name: unknown = feature?.properties.name;
    if (siteId !== null && typeof name === 'string') {
      // setText, never setHTML: names are data.
      this.tooltip.setLngLat(event.lngLat).setText(name).addTo(this.map);
    } else {
      this.tooltip.remove();
    }
  }

  private siteAt(event: MapMouseEvent): string | null {
    const id = this.featureAt(event)?.id;
    return typeof id === 'string' ? id : null;
  }

  private featureAt(event: MapMouseEvent) {
    const layers = this.interactiveIds.filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return undefined;
    return this.map.queryRenderedFeatures(event.point, { layers })[0];
  }
}
