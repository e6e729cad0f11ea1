import type { DikeState, SiteFloodExposure } from '../../../server/src/schemas/flood';
import type { LayerList } from '../../../server/src/schemas/layer';
import type { PlotList } from '../../../server/src/schemas/plot';
import type { Policy } from '../../../server/src/schemas/policy';
import type { FeatureCollection, SiteDetail } from '../../../server/src/schemas/site';
import type { FloodExtent } from './FloodExtent';

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
  getFloodExtent(level: number, dike: DikeState): Promise<FloodExtent>;
  /** How much of one site each named flood scenario floods, with and without the dike. */
  getSiteFlood(siteId: string): Promise<SiteFloodExposure>;
}
