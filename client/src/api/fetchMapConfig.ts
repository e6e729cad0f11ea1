import type { MapConfig } from '@shared/schemas/mapConfig';
import { fetchJson } from './fetchJson';

/** The map's run-time settings (issue #16): the online basemap, if the server has one. */
export function fetchMapConfig({ signal }: { signal?: AbortSignal } = {}): Promise<MapConfig> {
  return fetchJson<MapConfig>('/api/map-config', { signal });
}
