import type { Bbox } from '@shared/schemas/geojson';
import type { Initiative } from '@shared/schemas/policy';
import type { ActionProgress } from '@shared/schemas/common';
import type { SiteRef } from '../../map/SiteRef';

/** The actions about Køge Dige (issue #7): a presentation step with one of them shows the flood without the dike. */
export const DIKE_ACTIONS: readonly string[] = ['3.6', '3.7'];

/** What a presentation step shows of one policy initiative. */
export interface InitiativeSummary {
  /** The joint extent of its actions' sites, [west, south, east, north] in EPSG:4326; null without sites. */
  bbox: Bbox | null;
  /** Its sites once each, in the order the actions name them. */
  sites: SiteRef[];
  /** The layers of its sites, sorted, without duplicates. */
  layers: string[];
  /** How many of its actions are in each state of progress. */
  progress: Record<ActionProgress, number>;
  /** Whether it holds an action about the dike. */
  showsFlood: boolean;
}

/** Sums up an initiative for the presentation (issue #7). Never mutates its input. */
export function summariseInitiative(initiative: Initiative): InitiativeSummary {
  const sites: SiteRef[] = [];
  const progress: Record<ActionProgress, number> = { not_started: 0, in_progress: 0, done: 0 };
  let bbox: Bbox | null = null;
  for (const action of initiative.actions) {
    progress[action.progress] += 1;
    for (const site of action.sites) {
      if (!sites.some((known) => known.id === site.id && known.layer === site.layer)) sites.push({ ...site });
    }
    if (action.bbox !== null) {
      const [west, south, east, north] = action.bbox;
      bbox =
        bbox === null
          ? [west, south, east, north]
          : [Math.min(bbox[0], west), Math.min(bbox[1], south), Math.max(bbox[2], east), Math.max(bbox[3], north)];
    }
  }
  return {
    bbox,
    sites,
    layers: [...new Set(sites.map((site) => site.layer))].sort(),
    progress,
    showsFlood: initiative.actions.some((action) => DIKE_ACTIONS.includes(action.number)),
  };
}
