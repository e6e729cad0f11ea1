import type { KoegeApi } from '../../api/KoegeApi';
import type { PolicyOverviewData, TimelineData } from '../tenders';
import { TIMELINE_FROM, TIMELINE_TO } from './timelineUrl';

/** What the transparency page shows: the tender timeline with its events, and the council overview. */
export interface TimelinePageData {
  timeline: TimelineData;
  overview: PolicyOverviewData;
  /** Site names by id, for the sites the overview lists (the finder's plots; others are shown by id). */
  names: ReadonlyMap<string, string>;
}

/**
 * Loads the public timeline (of one site, or `siteId` null for every plot), the council overview and the plots'
 * names together; without the names the page still works (ids instead).
 */
export async function loadTimelinePage({
  api,
  siteId,
}: {
  api: KoegeApi;
  siteId: string | null;
}): Promise<TimelinePageData> {
  const [timeline, overview, plots] = await Promise.all([
    api.getTimeline({ siteId, from: TIMELINE_FROM, to: TIMELINE_TO }),
    api.getPolicyOverview(),
    api.getPlots('').catch(() => null),
  ]);
  const names = new Map([
    ...(plots?.plots ?? []).map((plot) => [plot.id, plot.name] as const),
    ...timeline.plots.map((plot) => [plot.site_id, plot.site_name] as const),
  ]);
  return { timeline, overview, names };
}
