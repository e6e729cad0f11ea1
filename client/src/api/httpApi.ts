import type { SiteFloodExposure } from '../../../server/src/schemas/flood';
import type { LayerList } from '../../../server/src/schemas/layer';
import type { PlotList } from '../../../server/src/schemas/plot';
import type { Policy } from '../../../server/src/schemas/policy';
import type { FeatureCollection, SiteDetail } from '../../../server/src/schemas/site';
import { floodLevelText } from './buildPlotQuery';
import { fetchJson } from './fetchJson';
import type { FloodAffected } from './FloodAffected';
import type { FloodExtent } from './FloodExtent';
import type { KoegeApi } from './KoegeApi';
import { sendJson } from './sendJson';
import type {
  EditableTender,
  LoginAnswer,
  MeAnswer,
  PolicyOverviewData,
  ProgressDetail,
  ProgressState,
  SavedTender,
  TenderTransitions,
  TimelineData,
} from './WorkflowTypes';

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
  getFloodExtent: (level, dike, options) =>
    fetchJson<FloodExtent>(`/api/flood?level=${floodLevelText(level)}&dike=${dike}`, options),
  getFloodAffected: (level, dike, options) =>
    fetchJson<FloodAffected>(`/api/flood/affected?level=${floodLevelText(level)}&dike=${dike}`, options),
  getSiteFlood: (siteId) => fetchJson<SiteFloodExposure>(`/api/sites/${encodeURIComponent(siteId)}/flood`),
  getMe: () => fetchJson<MeAnswer>('/api/auth/me'),
  login: (email, password) => sendJson<LoginAnswer>('/api/auth/login', { body: { email, password } }),
  logout: (csrfToken) => sendJson<void>('/api/auth/logout', { csrfToken }),
  getTenderTransitions: () => fetchJson<TenderTransitions>('/api/tenders/transitions'),
  getTender: (siteId) => fetchJson<EditableTender>(`/api/plots/${encodeURIComponent(siteId)}/tender`),
  changeTender: (siteId, change, csrfToken) =>
    sendJson<SavedTender>(`/api/plots/${encodeURIComponent(siteId)}/tender`, { body: change, csrfToken }),
  getActionProgress: (actionNumber) =>
    fetchJson<ProgressDetail>(`/api/actions/${encodeURIComponent(actionNumber)}/progress`),
  changeActionProgress: (actionNumber, change, csrfToken) =>
    sendJson<ProgressState>(`/api/actions/${encodeURIComponent(actionNumber)}/progress`, { body: change, csrfToken }),
  getTimeline: ({ siteId, from, to }) =>
    fetchJson<TimelineData>(
      `/api/timeline?${siteId === null ? '' : `site=${encodeURIComponent(siteId)}&`}from=${from}&to=${to}`,
    ),
  getPolicyOverview: () => fetchJson<PolicyOverviewData>('/api/policy/overview'),
};
