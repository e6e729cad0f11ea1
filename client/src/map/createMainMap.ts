import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { buildBaseStyle } from './buildBaseStyle';
import { MAX_ZOOM, MIN_ZOOM, type MapViewState } from './MapViewState';
import { primeLabelFonts } from './preloadGlyphs';
import { paintFirstLoadInSteps, type EndFirstLoad } from './paintFirstLoadInSteps';
import { settlePlacementInOneFrame } from './settlePlacementInOneFrame';

/**
 * The app's map in `container`: the offline base style at `view`, with zoom buttons and a scale bar. With `names`
 * (they show from the start) their fonts are read as soon as the style is. Its first load is painted in steps
 * until `endFirstLoad` is called (paintFirstLoadInSteps).
 */
export function createMainMap(
  container: HTMLElement,
  view: MapViewState,
  names: boolean,
): { map: MapLibreMap; endFirstLoad: EndFirstLoad } {
  const map = new MapLibreMap({
    container,
    style: buildBaseStyle({ origin: window.location.origin }),
    center: [view.lon, view.lat],
    zoom: view.zoom,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    // Names appear at once: a fade would keep the map busy (not idle) for 300 ms after every placement.
    fadeDuration: 0,
    // Credits every data source on the map (each source's attribution); compact on narrow maps.
    attributionControl: {},
  });
  // …and with a zero fade, no extra frame after names arrive.
  settlePlacementInOneFrame(map);
  // The first load is drawn in a few steps, not a frame per tile (frames are dear without a GPU).
  const endFirstLoad = paintFirstLoadInSteps(map) ?? (() => undefined);
  if (names) map.once('style.load', () => primeLabelFonts(map));
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return { map, endFirstLoad };
}
