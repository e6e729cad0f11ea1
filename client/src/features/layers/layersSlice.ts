import type { KoegeApi } from '../../api/KoegeApi';
import type { Layer } from '@shared/schemas/layer';
import type { FeatureCollection } from '@shared/schemas/site';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { MUNICIPALITY_LAYER_ID, NEIGHBOURS_LAYER_ID } from '../../map/ids';

export interface LayersSlice {
  /**
   * Layers in the API's order (sort_order). Set as soon as the list arrives, before the point layers' features
   * (`layersStatus` is 'ready' once those are in `collections` too).
   */
  layers: Layer[];
  /**
   * Features (EPSG:4326) of the layers delivered as GeoJSON (points), by layer id. Polygon and line
   * layers come as vector tiles, which the map fetches itself.
   */
  collections: Record<string, FeatureCollection>;
  layersStatus: LoadStatus;
  layersError: string | null;
  /** The last tile failure the map reported, until a retry. */
  tilesError: string | null;
  /** Counts retries of the tiles; the map reloads its tiles when it changes. */
  tilesRetry: number;
  /** Ids of layers switched off, sorted. */
  hiddenLayerIds: string[];
  /**
   * The boundaries the locator draws (the municipality and its neighbours, EPSG:4326), fetched after the layers;
   * null until then, or when either layer is missing or failed (the map then has no locator).
   */
  locator: { home: FeatureCollection; around: FeatureCollection } | null;
  /** Fetches the layer list and then the GeoJSON layers' features; on failure the layers before it are kept. */
  loadLayers(): Promise<void>;
  toggleLayer(layerId: string): void;
  setLayersVisible(layerIds: readonly string[], visible: boolean): void;
  reportTilesError(message: string): void;
  retryTiles(): void;
}

export function createLayersSlice({ api }: { api: KoegeApi }): AppSlice<LayersSlice> {
  return (set, get) => {
    /** The locator's outlines, once: it is an extra, so a failure only leaves it out. */
    const loadLocator = async (layers: readonly Layer[]) => {
      const ids = new Set(layers.map((layer) => layer.id));
      if (get().locator !== null || !ids.has(MUNICIPALITY_LAYER_ID) || !ids.has(NEIGHBOURS_LAYER_ID)) return;
      try {
        const [home, around] = await Promise.all([
          api.getLayerFeatures(MUNICIPALITY_LAYER_ID),
          api.getLayerFeatures(NEIGHBOURS_LAYER_ID),
        ]);
        set({ locator: { home, around } });
      } catch {
        // No locator; the map is whole without it.
      }
    };
    return {
      layers: [],
      collections: {},
      layersStatus: 'idle',
      layersError: null,
      tilesError: null,
      tilesRetry: 0,
      hiddenLayerIds: [],
      locator: null,
      async loadLayers() {
        if (get().layersStatus === 'loading') return;
        set({ layersStatus: 'loading', layersError: null });
        const previous = get().layers;
        try {
          const { layers } = await api.getLayers();
          // The map starts loading the tile layers now, while the point layers' features are fetched.
          set({ layers });
          const entries = await Promise.all(
            layers
              .filter((layer) => layer.delivery === 'geojson')
              .map(async (layer) => [layer.id, await api.getLayerFeatures(layer.id)] as const),
          );
          set({ layers, collections: Object.fromEntries(entries), layersStatus: 'ready' });
          get().framePresentation();
          void loadLocator(layers);
        } catch (error) {
          set({ layers: previous, layersStatus: 'error', layersError: errorMessage(error) });
        }
      },
      toggleLayer(layerId) {
        const hidden = get().hiddenLayerIds.includes(layerId);
        get().setLayersVisible([layerId], hidden);
      },
      setLayersVisible(layerIds, visible) {
        const hidden = new Set(get().hiddenLayerIds);
        for (const id of layerIds) {
          if (visible) hidden.delete(id);
          else hidden.add(id);
        }
        set({ hiddenLayerIds: [...hidden].sort() });
      },
      reportTilesError(message) {
        // A failing server fails every tile in view: one banner entry, not a re-render per tile.
        if (get().tilesError === null) set({ tilesError: message });
      },
      retryTiles() {
        set({ tilesError: null, tilesRetry: get().tilesRetry + 1 });
      },
    };
  };
}
