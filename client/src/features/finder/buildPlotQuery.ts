import { API_DEFAULT_SORT, RELAXABLE_FILTERS, type FinderFilters, type RelaxableFilter } from './FinderFilters';

/**
 * The query string of `GET /api/plots` for the filters ("" when nothing is set): only the filters that
 * are set, in a fixed order, so that equal filters give equal strings. Areas in m², the rest in metres;
 * numbers as plain decimals (the API rejects exponents). The area unit is display only and never sent.
 */
export function buildPlotQuery(filters: FinderFilters): string {
  const parts: string[] = [];
  if (filters.statuses.length > 0) parts.push(`status=${filters.statuses.join(',')}`);
  if (filters.plannedYear !== null) parts.push(`planned_year=${filters.plannedYear}`);
  if (filters.uses.length > 0) parts.push(`use=${filters.uses.join(',')}`);
  pushNumber(parts, 'min_area', filters.minAreaM2);
  pushNumber(parts, 'max_area', filters.maxAreaM2);
  pushNumber(parts, 'min_height', filters.minHeightM);
  pushNumber(parts, 'max_station_m', filters.maxStationM);
  pushNumber(parts, 'max_junction_m', filters.maxJunctionM);
  if (filters.floodLevel !== null) {
    parts.push(`outside_flood=${floodLevelText(filters.floodLevel)}`);
    // The API's default is `with`, and it refuses flood_dike without outside_flood.
    if (filters.floodDike === 'without') parts.push('flood_dike=without');
  }
  if (filters.sort !== API_DEFAULT_SORT) parts.push(`sort=${filters.sort}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The filters that are set, in the form's order. */
export function activeFilters(filters: FinderFilters): RelaxableFilter[] {
  return RELAXABLE_FILTERS.filter((name) => {
    switch (name) {
      case 'status':
        return filters.statuses.length > 0;
      case 'use':
        return filters.uses.length > 0;
      default:
        return filters[FIELD_OF[name]] !== null;
    }
  });
}

/** The filters with one of them cleared; returns a new object. */
export function withoutFilter(filters: FinderFilters, name: RelaxableFilter): FinderFilters {
  switch (name) {
    case 'status':
      return { ...filters, statuses: [] };
    case 'use':
      return { ...filters, uses: [] };
    default:
      return { ...filters, [FIELD_OF[name]]: null };
  }
}

const FIELD_OF = {
  planned_year: 'plannedYear',
  min_area: 'minAreaM2',
  max_area: 'maxAreaM2',
  min_height: 'minHeightM',
  max_station_m: 'maxStationM',
  max_junction_m: 'maxJunctionM',
  outside_flood: 'floodLevel',
} as const satisfies Record<Exclude<RelaxableFilter, 'status' | 'use'>, keyof FinderFilters>;

/** A number as a plain decimal of at most 6 fraction digits (what the API accepts). */
export function plainDecimal(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** A flood level in metres DVR90 as the API takes it: a plain decimal of at most two fraction digits. */
export function floodLevelText(metres: number): string {
  return String(Number(metres.toFixed(2)));
}

function pushNumber(parts: string[], name: string, value: number | null): void {
  if (value !== null) parts.push(`${name}=${plainDecimal(value)}`);
}
