import type { SiteFloodExposure } from '@shared/schemas/flood';
import type { LayerList } from '@shared/schemas/layer';
import type { PlotList } from '@shared/schemas/plot';
import type { Policy } from '@shared/schemas/policy';
import type { FeatureCollection, SiteDetail } from '@shared/schemas/site';
import { floodLevelText } from '../features/finder/buildPlotQuery';
import { fetchJson } from './fetchJson';
import type { FloodAffected } from '../features/climate/FloodAffected';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type { KoegeApi, SketchUpload } from './KoegeApi';
import { sendJson } from './sendJson';
import type {
  ConstraintReport,
  ImportPreview,
  ImportResult,
  SketchCollection,
  SketchComparison,
  SketchFeature,
  SketchVersionList,
} from '../features/sketches/SketchTypes';
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
} from '../features/tenders/WorkflowTypes';

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
  getSketches: () => fetchJson<SketchCollection>('/api/sketches'),
  getSketch: (id) => fetchJson<SketchFeature>(sketchPath(id)),
  createSketch: (body, csrfToken) => sendJson<SketchFeature>('/api/sketches', { body, csrfToken }),
  updateSketch: (id, body, csrfToken) => sendJson<SketchFeature>(sketchPath(id), { method: 'PUT', body, csrfToken }),
  getSketchVersions: (id) => fetchJson<SketchVersionList>(`${sketchPath(id)}/versions`),
  getSketchVersion: (id, version) => fetchJson<SketchFeature>(`${sketchPath(id)}/versions/${version}`),
  restoreSketch: (id, { fromVersion, version }, csrfToken) =>
    sendJson<SketchFeature>(`${sketchPath(id)}/restore`, { body: { from_version: fromVersion, version }, csrfToken }),
  deleteSketch: (id, version, csrfToken) =>
    sendJson<SketchFeature>(`${sketchPath(id)}?version=${version}`, { method: 'DELETE', csrfToken }),
  undeleteSketch: (id, csrfToken) => sendJson<SketchFeature>(`${sketchPath(id)}/undelete`, { csrfToken }),
  checkConstraints: ({ geometry, excludeSketch }, csrfToken) =>
    sendJson<ConstraintReport>('/api/constraints', {
      body: excludeSketch ? { geometry, exclude_sketch: excludeSketch } : { geometry },
      csrfToken,
    }),
  getSketchConstraints: (id) => fetchJson<ConstraintReport>(`${sketchPath(id)}/constraints`),
  compareSketches: (a, b) =>
    fetchJson<SketchComparison>(`/api/sketches/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`),
  previewSketchImport: (file, csrfToken) => sendJson<ImportPreview>(importPath(file, true), uploadOf(file, csrfToken)),
  importSketches: (file, csrfToken) => sendJson<ImportResult>(importPath(file, false), uploadOf(file, csrfToken)),
};

function sketchPath(id: string): string {
  return `/api/sketches/${encodeURIComponent(id)}`;
}

function importPath(file: SketchUpload, dryRun: boolean): string {
  return `/api/sketches/import?dry_run=${dryRun}&proposed_use=${encodeURIComponent(file.proposedUse)}`;
}

function uploadOf(file: SketchUpload, csrfToken: string) {
  return { upload: { data: file.data, contentType: file.contentType }, csrfToken };
}
