/** The layer row of the synthetic parcels (`npm run synth`); its features live in the `parcel` table. */
export const SYNTH_LAYER = {
  id: 'synth-parcels',
  title_da: 'Matrikler (syntetiske)',
  title_en: 'Parcels (synthetic)',
  theme: 'kontekst',
  geometry_type: 'polygon',
  style: { fill: '#d9d3c7', line: '#9a8f7a' },
  sort_order: 15,
  min_zoom: 13,
  max_zoom: 22,
  tile_feature_cap: 4000,
  source_table: 'parcel',
} as const;

/**
 * `app_meta` key that keeps the layer's last version after `--remove` deletes its row, so that a new run
 * continues the count: a version is never reused, and no cache keyed by it can serve tiles of an old run.
 */
export const SYNTH_VERSION_KEY = 'synth-parcels:last-version';
