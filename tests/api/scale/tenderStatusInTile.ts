import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/**
 * The `tender_status` a vector tile (its bytes) gives the plot `id` in its layer `layer`; 'missing' when the tile
 * does not hold the plot. How the scale-out tests (issues #8, #18) see which state an instance or a cache drew.
 */
export function tenderStatusInTile(bytes: Uint8Array, layer: string, id: string): unknown {
  const features = new VectorTile(new PbfReader(bytes)).layers[layer];
  for (let i = 0; features && i < features.length; i++) {
    const f = features.feature(i);
    if (f.properties.id === id) return f.properties.tender_status;
  }
  return 'missing';
}
