import { HttpProblem } from '../../platform/errors';
import { PLAN_USES, PLANDATA_GENERAL_USES, TENDER_STATUSES } from '@shared/schemas/vocabulary';
import { PLOT_SORTS, type PlotFilter, type PlotSort } from '@shared/schemas/plot';
import type { FloodLevel, FloodService } from '../flood';
import type { ConcurrencyBudget } from '../../platform/cost';
import { parseFloodLevel } from '../flood';
import { PLAIN_DECIMAL, PLOT_QUERY_LIMITS } from '@shared/schemas/vocabulary';

/** Query parameters of `GET /api/plots`, all optional strings. */
export interface PlotQuery {
  status?: string;
  planned_year?: string;
  use?: string;
  anvgen?: string;
  min_area?: string;
  max_area?: string;
  min_height?: string;
  max_station_m?: string;
  max_junction_m?: string;
  outside_flood?: string;
  flood_dike?: string;
  sort?: string;
}

/** The filter as the query states it: the flood scenario by level, before its stored extent is known. */
export type ParsedPlotQuery = Omit<PlotFilter, 'outsideFlood'> & { outsideFlood?: FloodLevel };

function number(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!PLAIN_DECIMAL.test(text)) {
    throw HttpProblem.badRequest(name, 'must be a non-negative number (plain decimal, no exponent)');
  }
  const value = Number(text);
  if (value > max) throw HttpProblem.badRequest(name, `must be at most ${max}`);
  return value;
}

function list<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0 || items.length > allowed.length) {
    throw HttpProblem.badRequest(name, `must be a comma-separated list of ${allowed.join(', ')}`);
  }
  return items as T[];
}

/** Parses and checks the plot finder's query; every fault is a 400 naming its parameter. */
export function parsePlotQuery(q: PlotQuery): ParsedPlotQuery {
  const minAreaM2 = number('min_area', q.min_area, PLOT_QUERY_LIMITS.areaM2);
  const maxAreaM2 = number('max_area', q.max_area, PLOT_QUERY_LIMITS.areaM2);
  if (minAreaM2 !== undefined && maxAreaM2 !== undefined && minAreaM2 > maxAreaM2) {
    throw HttpProblem.badRequest('min_area', 'must not be greater than max_area');
  }
  let plannedYear: number | undefined;
  if (q.planned_year !== undefined) {
    if (!/^\d{4}$/.test(q.planned_year)) throw HttpProblem.badRequest('planned_year', 'must be a four-digit year');
    plannedYear = Number(q.planned_year);
    if (plannedYear < 2000 || plannedYear > 2100) {
      throw HttpProblem.badRequest('planned_year', 'must lie between 2000 and 2100');
    }
  }
  const sortText = q.sort ?? 'area';
  const descending = sortText.startsWith('-');
  const sort = descending ? sortText.slice(1) : sortText;
  if (!(PLOT_SORTS as readonly string[]).includes(sort)) {
    throw HttpProblem.badRequest('sort', `must be one of ${PLOT_SORTS.join(', ')}, optionally with a leading -`);
  }
  const filter: ParsedPlotQuery = { sort: sort as PlotSort, descending };
  const statuses = list('status', q.status, TENDER_STATUSES);
  const uses = list('use', q.use, PLAN_USES);
  const generalUses = list('anvgen', q.anvgen, PLANDATA_GENERAL_USES);
  const minHeightM = number('min_height', q.min_height, PLOT_QUERY_LIMITS.heightM);
  const maxStationM = number('max_station_m', q.max_station_m, PLOT_QUERY_LIMITS.distanceM);
  const maxJunctionM = number('max_junction_m', q.max_junction_m, PLOT_QUERY_LIMITS.distanceM);
  if (statuses) filter.statuses = statuses;
  if (plannedYear !== undefined) filter.plannedYear = plannedYear;
  if (uses) filter.uses = uses;
  if (generalUses) filter.generalUses = generalUses;
  if (minAreaM2 !== undefined) filter.minAreaM2 = minAreaM2;
  if (maxAreaM2 !== undefined) filter.maxAreaM2 = maxAreaM2;
  if (minHeightM !== undefined) filter.minHeightM = minHeightM;
  if (maxStationM !== undefined) filter.maxStationM = maxStationM;
  if (maxJunctionM !== undefined) filter.maxJunctionM = maxJunctionM;
  if (q.flood_dike !== undefined && q.outside_flood === undefined) {
    throw HttpProblem.badRequest('flood_dike', 'applies only together with outside_flood');
  }
  if (q.outside_flood !== undefined) {
    if (q.flood_dike !== undefined && q.flood_dike !== 'with' && q.flood_dike !== 'without') {
      throw HttpProblem.badRequest('flood_dike', 'must be with or without');
    }
    filter.outsideFlood = {
      levelCm: parseFloodLevel('outside_flood', q.outside_flood),
      dike: q.flood_dike !== 'without',
    };
  }
  return filter;
}

/**
 * {@link parsePlotQuery}, with the flood scenario's extent computed and stored if it was not yet, within the
 * flood model's `budget` (issue #19). `visibleFrom` is where the query may read (issue #18): a flood filter joins
 * that extent, which a replica has only once it has replayed that WAL position; null without one.
 */
export async function resolvePlotQuery(
  q: PlotQuery,
  flood: Pick<FloodService, 'extent'>,
  budget?: ConcurrencyBudget,
): Promise<{ filter: PlotFilter; visibleFrom: bigint | null }> {
  const { outsideFlood, ...filter } = parsePlotQuery(q);
  if (!outsideFlood) return { filter, visibleFrom: null };
  const extent = await flood.extent(outsideFlood, budget);
  return { filter: { ...filter, outsideFlood: extent.key }, visibleFrom: extent.visibleFrom };
}
