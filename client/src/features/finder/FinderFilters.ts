import type { PlanUse, TenderStatus } from '@shared/schemas/common';
import type { DikeState } from '@shared/schemas/flood';
import type { PlotSort } from '@shared/schemas/plot';
import { TENDER_STATUSES } from '../../api/vocabulary';

/** Unit the area inputs are shown in; the state and the API always use m². */
export type AreaUnit = 'm2' | 'ha';

/** A sort of the plot list: the API's key, `-` prefixed for descending (as `sort=` takes it). */
export type FinderSort = PlotSort | `-${PlotSort}`;

/**
 * The plot finder's filters (issue #4), as the UI and the link hold them. Null means "not set".
 * Areas in m², heights and distances in metres (EPSG:25832, computed by PostGIS).
 */
export interface FinderFilters {
  /** Tender statuses, in the vocabulary's order, without duplicates. */
  statuses: TenderStatus[];
  plannedYear: number | null;
  /** Plan uses, in the vocabulary's order, without duplicates. */
  uses: PlanUse[];
  minAreaM2: number | null;
  maxAreaM2: number | null;
  areaUnit: AreaUnit;
  minHeightM: number | null;
  maxStationM: number | null;
  maxJunctionM: number | null;
  /** Only plots the flood of this still-water level does not reach (metres DVR90, 0–4; issue #4, #7). */
  floodLevel: number | null;
  /** Whether Køge Dige holds back the flood of `floodLevel`; meaningless without it. */
  floodDike: DikeState;
  sort: FinderSort;
}

/** Years the planned-year select offers (the policy's horizon). */
export const PLANNED_YEARS: readonly number[] = [2024, 2025, 2026, 2027, 2028];

/**
 * The API's sort keys (PLOT_SORTS in shared/schemas/plot.ts, repeated here so that TypeBox stays out
 * of the browser bundle; `satisfies` keeps them in step).
 */
export const PLOT_SORT_KEYS = ['area', 'station', 'junction', 'tender'] as const satisfies readonly PlotSort[];

/** The API's default order: smallest area first (the query leaves it out). */
export const API_DEFAULT_SORT: FinderSort = 'area';

/** What an investor can still get: every tender status but sold and withdrawn (issue #20). */
export const AVAILABLE_STATUSES: readonly TenderStatus[] = TENDER_STATUSES.filter(
  (status) => status !== 'sold' && status !== 'withdrawn',
);

/** No filter set, the API's order, areas in m²: the neutral filters (the API's unfiltered answer). */
export const EMPTY_FINDER_FILTERS: Readonly<FinderFilters> = {
  statuses: [],
  plannedYear: null,
  uses: [],
  minAreaM2: null,
  maxAreaM2: null,
  areaUnit: 'm2',
  minHeightM: null,
  maxStationM: null,
  maxJunctionM: null,
  floodLevel: null,
  floodDike: 'with',
  sort: API_DEFAULT_SORT,
};

/**
 * The finder as an investor opens it (issue #20), and what a link leaves out: the plots still to be had, largest
 * first, areas in hectares. Sold and withdrawn plots show when their statuses are ticked.
 */
export const DEFAULT_FINDER_FILTERS: Readonly<FinderFilters> = {
  ...EMPTY_FINDER_FILTERS,
  statuses: [...AVAILABLE_STATUSES],
  areaUnit: 'ha',
  sort: '-area',
};

/** The filters an empty result can suggest relaxing; each is one control of the form. */
export const RELAXABLE_FILTERS = [
  'status',
  'planned_year',
  'use',
  'min_area',
  'max_area',
  'min_height',
  'max_station_m',
  'max_junction_m',
  'outside_flood',
] as const;
export type RelaxableFilter = (typeof RELAXABLE_FILTERS)[number];
