import type { Plot, PlotSort } from '@shared/schemas/plot';
import { plainDecimal } from './buildPlotQuery';
import type { FinderFilters } from './FinderFilters';

/**
 * The plot finder's filters and sort applied in the browser to every plot, exactly as `GET /api/plots` applies
 * them in PostGIS (server/src/modules/plots/plotRepository.ts): a filter change shows its result in the same
 * frame instead of after a round trip (issue #4: "within 50 ms"), and the server's answer then confirms it.
 * Distances are the server's (PostGIS, EPSG:25832), carried on each plot. The flood filter needs the scenario's
 * stored extent, which only the server has: with it set, the answer is null and the finder asks the server.
 * tests/api/plots/filterPlots.test.ts holds this to the API's answers for random filters on both engines.
 */
export function filterPlots(plots: readonly Plot[], filters: FinderFilters): Plot[] | null {
  if (filters.floodLevel !== null) return null;
  const { statuses, uses, plannedYear } = filters;
  // The numbers the API receives: buildPlotQuery writes them with at most 6 fraction digits.
  const sent = (value: number | null) => (value === null ? null : Number(plainDecimal(value)));
  const minAreaM2 = sent(filters.minAreaM2);
  const maxAreaM2 = sent(filters.maxAreaM2);
  const minHeightM = sent(filters.minHeightM);
  const maxStationM = sent(filters.maxStationM);
  const maxJunctionM = sent(filters.maxJunctionM);
  // As in SQL, a comparison with a missing value (NULL) is not true: such plots drop out of that filter.
  const atMost = (value: number | null | undefined, limit: number | null) =>
    limit === null || (value != null && value <= limit);
  const atLeast = (value: number | null | undefined, limit: number | null) =>
    limit === null || (value != null && value >= limit);
  const matching = plots.filter(
    (p) =>
      (statuses.length === 0 || (p.tender_status !== null && statuses.includes(p.tender_status))) &&
      (plannedYear === null || p.planned_year === plannedYear) &&
      (uses.length === 0 || (p.plan_use !== null && uses.includes(p.plan_use))) &&
      atLeast(p.area_m2, minAreaM2) &&
      atMost(p.area_m2, maxAreaM2) &&
      atLeast(p.max_height_m, minHeightM) &&
      atMost(p.nearest_station?.distance_m, maxStationM) &&
      atMost(p.nearest_junction?.distance_m, maxJunctionM),
  );
  return sortPlots(matching, filters.sort);
}

/** The value a plot is sorted by; null sorts last in both directions (SQL's NULLS LAST). */
const SORT_VALUE: Record<PlotSort, (plot: Plot) => number | string | null> = {
  area: (p) => p.area_m2,
  station: (p) => p.nearest_station?.distance_m ?? null,
  junction: (p) => p.nearest_junction?.distance_m ?? null,
  // The tender's opening day, else 1 January of its planned year (ISO dates sort as text).
  tender: (p) => p.opens_on ?? (p.planned_year === null ? null : `${String(p.planned_year).padStart(4, '0')}-01-01`),
};

/** `ORDER BY key ASC|DESC NULLS LAST, id COLLATE "C"`, as the API sorts. */
export function sortPlots(plots: Plot[], sort: FinderFilters['sort']): Plot[] {
  const descending = sort.startsWith('-');
  const valueOf = SORT_VALUE[(descending ? sort.slice(1) : sort) as PlotSort];
  const byId = (a: Plot, b: Plot) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return plots.sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? byId(a, b) : va === null ? 1 : -1;
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return (descending ? -order : order) || byId(a, b);
  });
}
