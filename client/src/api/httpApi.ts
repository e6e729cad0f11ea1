import type { SiteFloodExposure } from '../../../server/src/schemas/flood';
import type { LayerList } from '../../../server/src/schemas/layer';
import type { PlotList } from '../../../server/src/schemas/plot';
import type { Policy } from '../../../server/src/schemas/policy';
import type { FeatureCollection, SiteDetail } from '../../../server/src/schemas/site';
import { floodLevelText } from './buildPlotQuery';
import { fetchJson } from './fetchJson';
import type { FloodExtent } from './FloodExtent';
import type { KoegeApi } from './KoegeApi';

/** KoegeApi over HTTP on the page's own origin (the Vite dev server proxies /api). */
export const httpApi: KoegeApi = {
  getLayers: () => fetchJson<LayerList>('/api/layers'),
  getLayerFeatures: (layerId, bbox) =>
    fetchJson<FeatureCollection>(
      `/api/layers/${encodeURIComponent(layerId)}/features${bbox ? `?bbox=${bbox.map((v) => v.toFixed(6)).join(',')}` : ''}`,
    ),
  getSite: (siteId) => fetchJson<SiteDetail>(`/api/sites/${encodeURIComponent(siteId)}`),
  getPolicy: () => fetchJson<Policy>('/api/policy'),
  getPlots: (query) => fetchJson<PlotList>(`/api/plots${query}`),
  getFloodExtent: (level, dike) => fetchJson<FloodExtent>(`/api/flood?level=${floodLevelText(level)}&dike=${dike}`),
  getSiteFlood: (siteId) => fetchJson<SiteFloodExposure>(`/api/sites/${encodeURIComponent(siteId)}/flood`),
};
