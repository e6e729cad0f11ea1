import { createHash } from 'node:crypto';

/**
 * Tilesets: several tile layers served as one vector tileset, one source-layer per layer (MVT layers
 * concatenate). A map then loads one tile per address instead of one per layer and draws one source's tiles
 * (clipping masks, buckets) instead of one per layer: with ~12 small site layers that was about a third of a
 * frame's cost and most of the map's tile requests (issues #3, #4).
 *
 * `sites` holds every polygon and line layer of the authored `site` table, `osm` those of an OpenStreetMap import
 * (`osm_feature`). Parcel registers keep a tileset each (/tiles/:layer/…): they are large, and a map shows one at a
 * time.
 */
export const TILESETS = ['sites', 'osm'] as const;
export type TilesetId = (typeof TILESETS)[number];

/** The table a tileset's layers live in. */
export const TILESET_TABLE: Record<TilesetId, 'site' | 'parcel' | 'osm'> = { sites: 'site', osm: 'osm' };

/** Which layers belong to a tileset; the one rule the layer list and the tile route share. */
export function isTilesetMember(
  tileset: TilesetId,
  layer: { sourceTable: 'site' | 'parcel' | 'osm'; geometryType: 'polygon' | 'line' | 'point' },
): boolean {
  return layer.sourceTable === TILESET_TABLE[tileset] && layer.geometryType !== 'point';
}

/** The tileset a layer's tiles come from, or null when it has its own (parcels) or none (points). */
export function tilesetOf(layer: Parameters<typeof isTilesetMember>[1]): TilesetId | null {
  return TILESETS.find((tileset) => isTilesetMember(tileset, layer)) ?? null;
}

/**
 * The version of a tileset: it changes whenever a member's version does or a member comes or goes, so a
 * tile URL or cache key that carries it is never stale. Hex, 16 digits.
 */
export function tilesetVersion(members: readonly { id: string; version: number }[]): string {
  const parts = members.map((m) => `${m.id}:${m.version}`).sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}
