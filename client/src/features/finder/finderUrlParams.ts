import { PLAN_USES, TENDER_STATUSES } from '../../api/vocabulary';
import { floodLevelText, plainDecimal } from './buildPlotQuery';
import { parseDike, parseFloodLevel } from '../climate';
import { linkParamReader } from '../../app/linkParamReader';
import {
  DEFAULT_FINDER_FILTERS,
  PLANNED_YEARS,
  PLOT_SORT_KEYS,
  type AreaUnit,
  type FinderFilters,
  type FinderSort,
} from './FinderFilters';
import { PLAIN_DECIMAL, PLOT_QUERY_LIMITS } from '@shared/schemas/vocabulary';

/** The API's limits: bigger numbers are typos or probes. */
const { areaM2: MAX_AREA_M2, heightM: MAX_HEIGHT_M, distanceM: MAX_DISTANCE_M } = PLOT_QUERY_LIMITS;

/** The link parameters of the plot finder, in the order they are written. */
export const FINDER_PARAMS = [
  'status',
  'planned_year',
  'use',
  'min_area',
  'max_area',
  'unit',
  'min_height',
  'max_station_m',
  'max_junction_m',
  'outside_flood',
  'flood_dike',
  'sort',
] as const;
export type FinderParam = (typeof FINDER_PARAMS)[number];

/**
 * Reads the finder's filters from a link. A parameter that cannot be read (unknown status, negative or
 * huge number, min area above max area, …) falls back to its default on its own and is named in
 * `ignored`, so the UI can say so; an empty value ("max_area=") simply means "not set".
 */
export function parseFinderParams(params: URLSearchParams): { filters: FinderFilters; ignored: FinderParam[] } {
  const ignored: FinderParam[] = [];
  const read = linkParamReader(params, ignored);
  const filters: FinderFilters = {
    statuses: read('status', parseStatuses, DEFAULT_FINDER_FILTERS.statuses),
    plannedYear: read('planned_year', parseYear, null),
    uses: read('use', (text) => parseList(text, PLAN_USES), DEFAULT_FINDER_FILTERS.uses),
    minAreaM2: read('min_area', (text) => parseNumber(text, MAX_AREA_M2), null),
    maxAreaM2: read('max_area', (text) => parseNumber(text, MAX_AREA_M2), null),
    areaUnit: read('unit', parseUnit, DEFAULT_FINDER_FILTERS.areaUnit),
    minHeightM: read('min_height', (text) => parseNumber(text, MAX_HEIGHT_M), null),
    maxStationM: read('max_station_m', (text) => parseNumber(text, MAX_DISTANCE_M), null),
    maxJunctionM: read('max_junction_m', (text) => parseNumber(text, MAX_DISTANCE_M), null),
    floodLevel: read('outside_flood', parseFloodLevel, null),
    floodDike: read('flood_dike', parseDike, DEFAULT_FINDER_FILTERS.floodDike),
    sort: read('sort', parseSort, DEFAULT_FINDER_FILTERS.sort),
  };
  if (filters.minAreaM2 !== null && filters.maxAreaM2 !== null && filters.minAreaM2 > filters.maxAreaM2) {
    // Which of the two is wrong is unknowable: both go.
    ignored.push('min_area', 'max_area');
    filters.minAreaM2 = null;
    filters.maxAreaM2 = null;
  }
  if (filters.floodLevel === null && filters.floodDike !== DEFAULT_FINDER_FILTERS.floodDike) {
    // A dike without a flood level filters nothing (the API refuses it alone).
    ignored.push('flood_dike');
    filters.floodDike = DEFAULT_FINDER_FILTERS.floodDike;
  }
  return { filters, ignored };
}

/** The finder's non-default filters as `name=value` link parameters, in FINDER_PARAMS order. */
export function formatFinderParams(filters: FinderFilters): string[] {
  const parts: string[] = [];
  const statuses = TENDER_STATUSES.filter((status) => filters.statuses.includes(status));
  const uses = PLAN_USES.filter((use) => filters.uses.includes(use));
  if (!sameList(statuses, DEFAULT_FINDER_FILTERS.statuses)) {
    parts.push(`status=${statuses.length > 0 ? statuses.join(',') : ALL_STATUSES}`);
  }
  if (filters.plannedYear !== null && PLANNED_YEARS.includes(filters.plannedYear)) {
    parts.push(`planned_year=${filters.plannedYear}`);
  }
  if (uses.length > 0) parts.push(`use=${uses.join(',')}`);
  if (filters.minAreaM2 !== null) parts.push(`min_area=${plainDecimal(filters.minAreaM2)}`);
  if (filters.maxAreaM2 !== null) parts.push(`max_area=${plainDecimal(filters.maxAreaM2)}`);
  if (filters.areaUnit !== DEFAULT_FINDER_FILTERS.areaUnit) parts.push(`unit=${filters.areaUnit}`);
  if (filters.minHeightM !== null) parts.push(`min_height=${plainDecimal(filters.minHeightM)}`);
  if (filters.maxStationM !== null) parts.push(`max_station_m=${plainDecimal(filters.maxStationM)}`);
  if (filters.maxJunctionM !== null) parts.push(`max_junction_m=${plainDecimal(filters.maxJunctionM)}`);
  if (filters.floodLevel !== null && parseFloodLevel(floodLevelText(filters.floodLevel)) !== undefined) {
    parts.push(`outside_flood=${floodLevelText(filters.floodLevel)}`);
    // The dike only means something with a level (the API refuses it alone).
    if (filters.floodDike !== DEFAULT_FINDER_FILTERS.floodDike) parts.push(`flood_dike=${filters.floodDike}`);
  }
  if (filters.sort !== DEFAULT_FINDER_FILTERS.sort) parts.push(`sort=${filters.sort}`);
  return parts;
}

/** The link's word for "no status filter": every plot, sold and withdrawn too. */
const ALL_STATUSES = 'all';

function parseStatuses(text: string) {
  return text === ALL_STATUSES ? [] : parseList(text, TENDER_STATUSES);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function parseList<T extends string>(text: string, allowed: readonly T[]): T[] | undefined {
  const items = text.split(',');
  if (!items.every((item) => (allowed as readonly string[]).includes(item))) return undefined;
  // Vocabulary order, no duplicates: one filter, one link.
  return allowed.filter((value) => items.includes(value));
}

function parseNumber(text: string, max: number): number | undefined {
  if (!PLAIN_DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

function parseYear(text: string): number | undefined {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return PLANNED_YEARS.includes(year) ? year : undefined;
}

function parseUnit(text: string): AreaUnit | undefined {
  return text === 'm2' || text === 'ha' ? text : undefined;
}

function parseSort(text: string): FinderSort | undefined {
  const key = text.startsWith('-') ? text.slice(1) : text;
  return (PLOT_SORT_KEYS as readonly string[]).includes(key) ? (text as FinderSort) : undefined;
}
