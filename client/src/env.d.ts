/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional raster tile URL template ({z}/{x}/{y}) of an online basemap; unset means fully offline. */
  readonly VITE_BASEMAP_URL?: string;
  /** Credit line shown for that basemap (e.g. "© OpenStreetMap contributors"). */
  readonly VITE_BASEMAP_ATTRIBUTION?: string;
}
