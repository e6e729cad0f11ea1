import type { SiteFloodExposure } from '@shared/schemas/flood';
import type { Plot } from '@shared/schemas/plot';
import type { Feature, SiteDetail } from '@shared/schemas/site';
import type { KoegeApi } from '../../api/KoegeApi';
import { exposeFrame, type ExposeFrame, type ExposeMapInput } from './buildExposeMap';

/** The layer whose plots are drawn as the plot's neighbours. */
export const NEIGHBOUR_LAYER_ID = 'koege-nord-plots';

/** Everything an exposé shows, from the public JSON API. */
export interface ExposeData {
  site: SiteDetail;
  /** The site's row in the unfiltered plot list (distances); null for a site that is not a finder plot. */
  plot: Plot | null;
  frame: ExposeFrame;
  /** The plot first, then its context. */
  features: ExposeMapInput[];
  /** How much of the site each named flood scenario floods; null when those figures could not be loaded. */
  flood: SiteFloodExposure | null;
}

const asInputs = (features: readonly Feature[], role: ExposeMapInput['role']): ExposeMapInput[] =>
  features.map((f) => ({ id: f.properties.id, role, name: f.properties.name, geometry: f.geometry }));

/**
 * Loads a site, the unfiltered plot list (for its distances) and the features around it: plots of the
 * neighbour layer, motorways and rail inside the frame, all stations, and its flood exposure (issue #7; a failure
 * there only leaves that section out). An unknown site rejects with the API's 404 ApiError.
 */
export async function loadExpose({ api, id }: { api: KoegeApi; id: string }): Promise<ExposeData> {
  const site = await api.getSite(id);
  const frame = exposeFrame({ geometry: site.geometry });
  const [plots, neighbours, motorways, rail, stations, flood] = await Promise.all([
    api.getPlots(''),
    api.getLayerFeatures(NEIGHBOUR_LAYER_ID, frame.bbox),
    api.getLayerFeatures('motorways', frame.bbox),
    api.getLayerFeatures('rail', frame.bbox),
    api.getLayerFeatures('stations'),
    api.getSiteFlood(site.id).catch(() => null),
  ]);
  return {
    site,
    plot: plots.plots.find((p) => p.id === site.id) ?? null,
    frame,
    flood,
    features: [
      { id: site.id, role: 'plot', name: site.name, geometry: site.geometry },
      ...asInputs(
        neighbours.features.filter((f) => f.properties.id !== site.id),
        'neighbour',
      ),
      ...asInputs(motorways.features, 'motorway'),
      ...asInputs(rail.features, 'rail'),
      ...asInputs(stations.features, 'station'),
    ],
  };
}
