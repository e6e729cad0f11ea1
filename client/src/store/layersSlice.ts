import type { KoegeApi } from '../api/KoegeApi';
import type { Layer } from '../../../server/src/schemas/layer';
import type { FeatureCollection } from '../../../server/src/schemas/site';
import type { AppSlice, LoadStatus } from './AppState';
import { errorMessage } from './errorMessage';

export interface LayersSlice {
  /** Layers in the API's order (sort_order). */
  layers: Layer[];
  /** Features per layer id, EPSG:4326. */
  collections: Record<string, FeatureCollection>;
  layersStatus: LoadStatus;
  layersError: string | null;
  /** Ids of layers switched off, sorted. */
  hiddenLayerIds: string[];
  /** Fetches the layer list and then every layer's features; on failure nothing half-loaded is kept. */
  loadLayers(): Promise<void>;
  toggleLayer(layerId: string): void;
  setLayersVisible(layerIds: readonly string[], visible: boolean): void;
}

export function createLayersSlice({ api }: { api: KoegeApi }): AppSlice<LayersSlice> {
  return (set, get) => ({
    layers: [],
    collections: {},
    layersStatus: 'idle',
    layersError: null,
    hiddenLayerIds: [],
    async loadLayers() {
      if (get().layersStatus === 'loading') return;
      set({ layersStatus: 'loading', layersError: null });
      try {
        const { layers } = await api.getLayers();
        const collections = await Promise.all(layers.map((layer) => api.getLayerFeatures(layer.id)));
        set({
          layers,
          collections: Object.fromEntries(layers.map((layer, i) => [layer.id, collections[i] as FeatureCollection])),
          layersStatus: 'ready',
        });
        get().restoreFocus();
      } catch (error) {
        set({ layersStatus: 'error', layersError: errorMessage(error) });
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
  });
}
