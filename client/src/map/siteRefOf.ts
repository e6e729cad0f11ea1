import type { SiteRef } from './SiteRef';

/**
 * The site a rendered feature draws: its promoted id and its `layer` property (both tiles and GeoJSON
 * carry it); null for a feature without them.
 */
export function siteRefOf(feature: { id?: string | number; properties: Record<string, unknown> }): SiteRef | null {
  const { id } = feature;
  const layer = feature.properties.layer;
  return typeof id === 'string' && typeof layer === 'string' ? { id, layer } : null;
}
