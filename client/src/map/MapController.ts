import { Map as MapLibreMap, Marker, Popup, setWorkerUrl, type ErrorEvent, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bbox } from '@shared/schemas/geojson';
import type { Basemap } from '@shared/schemas/mapConfig';
import type { Layer } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type { SearchPin } from '../features/search/searchPin';
import { TEST_HOOKS } from '../testHooks';
import { BasemapAttachment } from './BasemapAttachment';
import { createMainMap } from './createMainMap';
import { CameraFraming, type FitOptions, type MapInsets } from './CameraFraming';
import { isInteractiveLayer, styleLayerIds } from './buildLayerSpecs';
import { layerSourceId, SKETCH_FLOOR_LAYER_ID } from './ids';
import type { MapViewState } from './MapViewState';
import { featuresAtHand, putApiLayers, reloadApiTiles, setApiLayersHidden } from './putApiLayers';
import { putFloods } from './putFloodLayers';
import { SiteFeatureStates } from './SiteFeatureStates';
import { LocatorControl, type LocatorOutlines } from './LocatorControl';
import './locator.css';
import type { SiteRef } from './SiteRef';
import { siteRefOf } from './siteRefOf';
import type { SketchDrawController, SketchDrawOptions } from './SketchDrawController';
import type { SwipeCompare, SwipeView } from './SwipeCompare';

// MapLibre 6 is ESM only: after bundling, its worker must be pointed at the emitted file.
setWorkerUrl(workerUrl);

/** Where browser tests find the map (tests/e2e declare its type on their side). */
const TEST_HOOK = '__koegeMap';
type TestHookWindow = Record<typeof TEST_HOOK, MapLibreMap | undefined>;

export interface MapControllerOptions {
  container: HTMLElement;
  initialView: MapViewState;
  /** Names show from the start (not switched off in the link): their fonts are read at once. */
  namesShown: boolean;
  /** The online basemap could not be reached and was dropped (issue #16): called at most once per setBasemap. */
  onBasemapUnavailable?(): void;
  /** A feature was clicked: its site id and layer. */
  onSiteClick(site: SiteRef): void;
  /** The pointer moved onto a site, or off every site (null). */
  onHover?(site: SiteRef | null): void;
  /** The camera came to rest. */
  onViewChange(view: MapViewState): void;
  /** The pointer moved over the map (lon/lat in EPSG:4326), or left it (null). */
  onCursor?(position: { lon: number; lat: number } | null): void;
  /** Tiles of a layer failed to load (a 404 is an empty tile to MapLibre and never reported). */
  onTilesError?(message: string): void;
}

export interface MapData {
  layers: readonly Layer[];
  /** Features of the layers delivered as GeoJSON (points), by layer id; tile layers need none. */
  collections: Readonly<Record<string, FeatureCollection>>;
  hiddenLayerIds: readonly string[];
}

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
  private readonly endFirstLoad: () => void;
  private pending: (() => void)[] = [];
  private layers = new Map<string, Layer>();
  private interactiveIds: string[] = [];
  private readonly states: SiteFeatureStates;
  private flood: FloodExtent | null = null;
  private floodComparison: FloodExtent | null = null;
  private readyReported = false;
  /** The sketch tool's lowest style layer, once it is loaded: API layers added later go under it. */
  private sketchFloor: string | null = null;
  /** The API layers as last given, for the swipe's second map, which may come later. */
  private data: MapData | null = null;
  /** The swipe comparison wanted (issue #7), its second map once loaded, and whether its chunk is loading. */
  private swipeView: SwipeView | null = null;
  private swipe: SwipeCompare | null = null;
  private swipeLoading = false;
  private destroyed = false;
  private locator: LocatorControl | null = null;
  private basemap: BasemapAttachment | null = null;
  private readonly framing: CameraFraming;
  private searchPin: Marker | null = null;

  constructor(options: MapControllerOptions) {
    this.options = options;
    const { container, initialView } = options;
    const { map, endFirstLoad } = createMainMap(container, initialView, options.namesShown);
    this.map = map;
    this.endFirstLoad = endFirstLoad;
    // Sources and layers can be added once the style is parsed; 'load' would also wait for a first complete render
    // of the empty style (20 interleaved page loads here: ready at a median 1210 ms, against 1265 ms with 'load').
    this.map.once('style.load', () => {
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
      const site = this.siteAt(event);
      if (site !== null) this.options.onSiteClick(site);
    });
    this.map.on('error', (event) => this.onError(event));
    this.states = new SiteFeatureStates(this.map, () => this.layers);
    this.framing = new CameraFraming(this.map);
    this.map.on('sourcedata', (event) => this.states.onSourceData(event));
    if (TEST_HOOKS) (window as unknown as TestHookWindow)[TEST_HOOK] = this.map;
  }

  /**
   * Adds every layer's source and style layers (once). On a reload it replaces a point layer's data
   * and points a tile layer at its new version's tiles. A layer's delivery follows its geometry type,
   * which never changes, so a source never changes type.
   */
  setData(data: MapData): void {
    this.data = data;
    this.swipe?.setData(data);
    this.whenLoaded(() => {
      const { layers } = data;
      this.layers = new Map(layers.map((layer) => [layer.id, layer]));
      putApiLayers({
        map: this.map,
        ...data,
        overBasemap: this.basemap?.shown ?? false,
        // Under the sketch tool's overlays when it came first (it loads on opening the sketch tab, issue #6).
        before: this.sketchFloor !== null && this.map.getLayer(this.sketchFloor) ? this.sketchFloor : undefined,
      });
      this.interactiveIds = layers.filter(isInteractiveLayer).flatMap((layer) => styleLayerIds(layer));
      this.states.reapply();
      this.applyFlood();
      // Ready means every layer drawn: the point layers' features may come in a later call.
      if (layers.every((layer) => featuresAtHand(layer, data.collections))) {
        this.reportReadyWhenIdle();
      }
    });
  }

  /** Switches layers on and off to match the store. */
  setHidden(hiddenLayerIds: readonly string[]): void {
    if (this.data !== null) this.data = { ...this.data, hiddenLayerIds };
    this.swipe?.setHidden(hiddenLayerIds);
    this.whenLoaded(() => setApiLayersHidden({ map: this.map, layers: this.layers.values(), hiddenLayerIds }));
  }

  /** Marks the selected site (feature-state `selected`). */
  setSelected(site: SiteRef | null): void {
    this.whenLoaded(() => this.states.select(site));
  }

  /** Marks the sites of the chosen policy action (feature-state `highlighted`). */
  setHighlighted(sites: readonly SiteRef[]): void {
    this.whenLoaded(() => this.states.highlight([...sites]));
  }

  /** Marks a site as hovered from outside the map (the results list); null clears it. */
  setHoveredSite(site: SiteRef | null): void {
    this.whenLoaded(() => this.setHovered(site));
  }

  /**
   * Dims the features of a polygon layer whose ids are not in `ids` (the plot finder's result);
   * null shows them all again.
   */
  setMatching(layerId: string, ids: readonly string[] | null): void {
    this.states.want({ layerId, ids });
    this.whenLoaded(() => this.states.match({ layerId, ids }));
  }

  /**
   * Shows the land a flood scenario covers (the finder's filter, the climate view's scenario A or the presentation's)
   * and, for the climate view's comparison, scenario B under it; null empties either.
   */
  setFlood(extent: FloodExtent | null, comparison: FloodExtent | null = null): void {
    this.flood = extent;
    this.floodComparison = comparison;
    this.whenLoaded(() => this.applyFlood());
  }

  /**
   * Shows the climate view's swipe comparison (issue #7): scenario B's flood on a second map over this one, cut at a
   * divider; null removes it. The second map's code is a chunk of its own (import()), loaded on first use, so that
   * the first page load does not carry it.
   */
  setSwipe(view: SwipeView | null): void {
    this.swipeView = view;
    if (view === null) {
      this.swipe?.destroy();
      this.swipe = null;
      return;
    }
    if (this.swipe !== null) {
      this.swipe.setView(view);
      return;
    }
    if (this.swipeLoading) return;
    this.swipeLoading = true;
    import('./SwipeCompare')
      .then(({ SwipeCompare: Swipe }) => {
        this.swipeLoading = false;
        // Switched off, or the map went, while the chunk loaded; a later setSwipe starts over.
        if (this.destroyed || this.swipeView === null || this.swipe !== null) return;
        this.swipe = new Swipe({
          main: this.map,
          view: this.swipeView,
          basemap: this.basemap?.shown ? this.basemap.basemap : null,
        });
        if (this.data !== null) this.swipe.setData(this.data);
      })
      .catch((error: unknown) => {
        this.swipeLoading = false;
        console.error(error);
      });
  }

  /** Shows the locator (an overview in the corner) once its outlines are in; later calls only rename it. */
  setLocator(outlines: LocatorOutlines): void {
    if (this.locator) this.locator.setLabel(outlines.label);
    else this.map.addControl((this.locator = new LocatorControl(outlines)), 'top-right');
  }

  /** Puts the online basemap (issue #16, once) under the offline layers; unreachable, it drops itself and reports once. */
  setBasemap(basemap: Basemap): void {
    const layers = () => this.layers.values();
    this.basemap ??= new BasemapAttachment(this.map, basemap, layers, () => this.options.onBasemapUnavailable?.());
  }

  /** Pins the parcel or address picked from the search (issue #21); null takes the pin away. */
  setSearchPin(pin: SearchPin | null): void {
    this.searchPin?.remove();
    this.searchPin = null;
    if (pin === null) return;
    const marker = new Marker({ color: '#b3261e' }).setLngLat([pin.lon, pin.lat]);
    const element = marker.getElement();
    element.classList.add('search-pin');
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', pin.label);
    element.title = pin.label;
    element.dataset.testid = 'search-pin';
    this.searchPin = marker.addTo(this.map);
  }

  /** Loads every tile layer's tiles again, e.g. after a failure. */
  reloadTiles(): void {
    this.whenLoaded(() => reloadApiTiles(this.map, this.layers.values()));
  }

  /**
   * Loads the sketch drawing tool (terra-draw and the sketch overlays, issue #6) into the map once its style has
   * loaded. A separate chunk (import()), so that the first page load does not carry terra-draw.
   */
  async loadSketchDraw(options: SketchDrawOptions): Promise<SketchDrawController> {
    const [{ SketchDrawController: Controller }] = await Promise.all([
      import('./SketchDrawController'),
      new Promise<void>((resolve) => this.whenLoaded(resolve)),
    ]);
    this.sketchFloor = SKETCH_FLOOR_LAYER_ID;
    return new Controller({ ...options, map: this.map });
  }

  /** Fits the camera to a [west, south, east, north] bbox in EPSG:4326 degrees, in the map's visible part. */
  fitBbox(bbox: Bbox, options?: FitOptions): void {
    this.whenLoaded(() => this.framing.fit(bbox, options));
  }

  /** Frames a site if any of it is out of sight (a panel rose over it). */
  revealBbox(bbox: Bbox): void {
    this.whenLoaded(() => this.framing.reveal(bbox));
  }

  /** The edges that panels cover (the phone's sheet): the camera keeps its centre in the rest. */
  setInsets(insets: MapInsets): void {
    this.framing.setInsets(insets);
  }

  destroy(): void {
    this.destroyed = true;
    this.swipe?.destroy();
    this.swipe = null;
    this.tooltip.remove();
    this.searchPin?.remove();
    this.basemap?.remove();
    this.map.remove();
    if (TEST_HOOKS) {
      const hook = window as unknown as Partial<TestHookWindow>;
      if (hook[TEST_HOOK] === this.map) delete hook[TEST_HOOK];
    }
    delete document.documentElement.dataset.mapReady;
    if (TEST_HOOKS) {
      delete document.documentElement.dataset.matchingPaintedAt;
      delete document.documentElement.dataset.matchingCount;
    }
  }

  private whenLoaded(run: () => void): void {
    if (this.styleLoaded) run();
    else this.pending.push(run);
  }

  private reportReadyWhenIdle(): void {
    if (this.readyReported) return;
    this.readyReported = true;
    this.map.once('idle', () => {
      this.endFirstLoad();
      document.documentElement.dataset.mapReady = 'true';
    });
  }

  private applyFlood(): void {
    putFloods({
      map: this.map,
      layers: [...this.layers.values()],
      flood: this.flood,
      comparison: this.floodComparison,
    });
  }

  private setHovered(site: SiteRef | null): void {
    if (!this.states.hover(site)) return;
    this.map.getCanvas().style.cursor = site !== null ? 'pointer' : '';
    this.options.onHover?.(site);
  }

  private onMouseMove(event: MapMouseEvent): void {
    this.options.onCursor?.({ lon: event.lngLat.lng, lat: event.lngLat.lat });
    const feature = this.featureAt(event);
    const site = feature ? siteRefOf(feature) : null;
    this.setHovered(site);
    const name: unknown = feature?.properties.name;
    if (site !== null && typeof name === 'string') {
      // setText, never setHTML: names are data.
      this.tooltip.setLngLat(event.lngLat).setText(name).addTo(this.map);
    } else {
      this.tooltip.remove();
    }
  }

  private siteAt(event: MapMouseEvent): SiteRef | null {
    const feature = this.featureAt(event);
    return feature ? siteRefOf(feature) : null;
  }

  /**
   * A failed tile of one of our sources goes to the app (a banner with a retry); anything else is
   * logged as MapLibre itself does when nobody listens.
   */
  private onError(event: ErrorEvent): void {
    // MapLibre adds these to error events of a source; its types do not declare them.
    const { sourceId: source, tile } = event as ErrorEvent & { sourceId?: unknown; tile?: unknown };
    const layer = [...this.layers.values()].find((candidate) => layerSourceId(candidate) === source);
    if (layer?.delivery === 'tiles' && tile !== undefined && this.options.onTilesError) {
      this.options.onTilesError(`${layer.tileset?.id ?? layer.id}: ${event.error.message}`);
      return;
    }
    console.error(event.error);
  }

  private featureAt(event: MapMouseEvent) {
    const layers = this.interactiveIds.filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return undefined;
    return this.map.queryRenderedFeatures(event.point, { layers })[0];
  }
}
