import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '@shared/schemas/mapConfig';
import type { MapData } from './MapController';
import type { SwipeCompare, SwipeView } from './SwipeCompare';

/**
 * The climate view's swipe comparison (issue #7) as the main map hosts it: scenario B's flood on a second map over
 * the main one, cut at a divider. The second map's code is a chunk of its own (import()), loaded on first use, so
 * that the first page load does not carry it; the API layers, given before or after, follow it there.
 */
export class SwipeHost {
  /** The API layers as last given, for the second map, which may come later. */
  private data: MapData | null = null;
  /** The comparison wanted, its second map once loaded, and whether its chunk is loading. */
  private view: SwipeView | null = null;
  private swipe: SwipeCompare | null = null;
  private loading = false;
  private destroyed = false;

  /** @param basemap the main map's online basemap while it shows (issue #16), for the second map to show too */
  constructor(
    private readonly main: MapLibreMap,
    private readonly basemap: () => Basemap | null,
  ) {}

  setData(data: MapData): void {
    this.data = data;
    this.swipe?.setData(data);
  }

  setHidden(hiddenLayerIds: readonly string[]): void {
    if (this.data !== null) this.data = { ...this.data, hiddenLayerIds };
    this.swipe?.setHidden(hiddenLayerIds);
  }

  /** Shows the comparison, or changes it; null removes it. */
  set(view: SwipeView | null): void {
    this.view = view;
    if (view === null) {
      this.swipe?.destroy();
      this.swipe = null;
      return;
    }
    if (this.swipe !== null) {
      this.swipe.setView(view);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    import('./SwipeCompare')
      .then(({ SwipeCompare: Swipe }) => {
        this.loading = false;
        // Switched off, or the map went, while the chunk loaded; a later set starts over.
        if (this.destroyed || this.view === null || this.swipe !== null) return;
        this.swipe = new Swipe({ main: this.main, view: this.view, basemap: this.basemap() });
        if (this.data !== null) this.swipe.setData(this.data);
      })
      .catch((error: unknown) => {
        this.loading = false;
        console.error(error);
      });
  }

  destroy(): void {
    this.destroyed = true;
    this.swipe?.destroy();
    this.swipe = null;
  }
}
