/** A camera position: zoom level and centre in EPSG:4326 degrees. Serialisable, so the store may hold it. */
export interface MapViewState {
  zoom: number;
  lat: number;
  lon: number;
}

/** The opening view: Køge Kommune fills the map at a typical desktop size. */
export const DEFAULT_VIEW: Readonly<MapViewState> = { zoom: 10.3, lat: 55.47, lon: 12.1 };

/** Zoom range MapLibre accepts (also the range a permalink may ask for). */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 22;
