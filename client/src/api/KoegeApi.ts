import type { DikeState, SiteFloodExposure } from '@shared/schemas/flood';
import type { LayerList } from '@shared/schemas/layer';
import type { PlotList } from '@shared/schemas/plot';
import type { Policy } from '@shared/schemas/policy';
import type { FeatureCollection, SiteDetail } from '@shared/schemas/site';
import type { FloodAffected } from '../features/climate/FloodAffected';
import type { FloodExtent } from '../features/climate/FloodExtent';
import type {
  ConstraintReport,
  ImportPreview,
  ImportResult,
  PlandataUse,
  SketchCollection,
  SketchComparison,
  SketchCreateBody,
  SketchFeature,
  SketchUpdateBody,
  SketchVersionList,
} from '../features/sketches/SketchTypes';
import type {
  EditableTender,
  LoginAnswer,
  MeAnswer,
  PolicyOverviewData,
  ProgressChange,
  ProgressDetail,
  ProgressState,
  SavedTender,
  TenderChange,
  TenderTransitions,
  TimelineData,
} from '../features/tenders/WorkflowTypes';

/** The JSON API the client consumes; the store takes it as a parameter so tests can pass a fake edge. */
export interface KoegeApi {
  getLayers(): Promise<LayerList>;
  /** A layer's features; `bbox` ([west, south, east, north], EPSG:4326 degrees) keeps those that touch it. */
  getLayerFeatures(layerId: string, bbox?: readonly [number, number, number, number]): Promise<FeatureCollection>;
  getSite(siteId: string): Promise<SiteDetail>;
  getPolicy(): Promise<Policy>;
  /** The plot finder's plots; `query` is a query string from buildPlotQuery ("" or "?status=open&…"). */
  getPlots(query: string): Promise<PlotList>;
  /** The land flooded at `level` (metres DVR90, 0–4, at most two decimals) with or without Køge Dige (issue #7). */
  getFloodExtent(level: number, dike: DikeState, options?: { signal?: AbortSignal }): Promise<FloodExtent>;
  /** The sites the flood at `level` reaches, with their flooded area or length (issue #7). */
  getFloodAffected(level: number, dike: DikeState, options?: { signal?: AbortSignal }): Promise<FloodAffected>;
  /** How much of one site each named flood scenario floods, with and without the dike. */
  getSiteFlood(siteId: string): Promise<SiteFloodExposure>;
  // Accounts, the tender workflow, action progress and the public timeline (issue #5). Changes carry the CSRF token.
  getMe(): Promise<MeAnswer>;
  /** Rejects with a ProblemError: 401 for a wrong e-mail or password, 429 (with Retry-After) when rate-limited. */
  login(email: string, password: string): Promise<LoginAnswer>;
  logout(csrfToken: string): Promise<void>;
  /** The tender state machine and the fields each target state requires. */
  getTenderTransitions(): Promise<TenderTransitions>;
  getTender(siteId: string): Promise<EditableTender>;
  /** Rejects with a ProblemError: 400 naming the field, 409 an illegal transition, 412 a stale version. */
  changeTender(siteId: string, change: TenderChange, csrfToken: string): Promise<SavedTender>;
  getActionProgress(actionNumber: string): Promise<ProgressDetail>;
  changeActionProgress(actionNumber: string, change: ProgressChange, csrfToken: string): Promise<ProgressState>;
  /** `siteId` null: every plot. Dates are ISO (YYYY-MM-DD), both inclusive. */
  getTimeline(query: { siteId: string | null; from: string; to: string }): Promise<TimelineData>;
  getPolicyOverview(): Promise<PolicyOverviewData>;
  // Planners' sketches (issue #6): anyone reads them; every change needs a planner and carries the CSRF token.
  // Changes reject with a ProblemError: 400 (a geometry fault in `body.geometry_fault`), 409 deleted, 412 stale.
  getSketches(): Promise<SketchCollection>;
  /** One sketch, also a deleted one (with `deleted_at`). */
  getSketch(id: string): Promise<SketchFeature>;
  createSketch(body: SketchCreateBody, csrfToken: string): Promise<SketchFeature>;
  updateSketch(id: string, body: SketchUpdateBody, csrfToken: string): Promise<SketchFeature>;
  getSketchVersions(id: string): Promise<SketchVersionList>;
  getSketchVersion(id: string, version: number): Promise<SketchFeature>;
  /** Copies `fromVersion` into a new version; `version` is the current version the user saw. */
  restoreSketch(
    id: string,
    change: { fromVersion: number; version: number },
    csrfToken: string,
  ): Promise<SketchFeature>;
  /** Soft delete of the version the user saw. */
  deleteSketch(id: string, version: number, csrfToken: string): Promise<SketchFeature>;
  undeleteSketch(id: string, csrfToken: string): Promise<SketchFeature>;
  /** What an unsaved geometry (EPSG:4326) overlaps; `excludeSketch` leaves the sketch being edited out. No write. */
  checkConstraints(
    query: { geometry: SketchCreateBody['geometry']; excludeSketch?: string | null },
    csrfToken: string | null,
  ): Promise<ConstraintReport>;
  getSketchConstraints(id: string): Promise<ConstraintReport>;
  compareSketches(a: string, b: string): Promise<SketchComparison>;
  /** A dry run of an import (GeoJSON or zipped Shapefile): what would be saved, and each feature's fault. */
  previewSketchImport(file: SketchUpload, csrfToken: string): Promise<ImportPreview>;
  /** Saves every feature of the file in one transaction, or rejects (400) with nothing saved. */
  importSketches(file: SketchUpload, csrfToken: string): Promise<ImportResult>;
}

/** A file to import: its bytes, their media type, and the proposed use for features that name none. */
export interface SketchUpload {
  data: Blob;
  contentType: string;
  proposedUse: PlandataUse;
}
