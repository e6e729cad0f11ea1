/**
 * A site and the API layer holding it. Feature-state on a vector-tile source needs the layer (it names
 * the source and the source-layer), and with tiles no client-side index of all features exists.
 */
export interface SiteRef {
  id: string;
  layer: string;
}
