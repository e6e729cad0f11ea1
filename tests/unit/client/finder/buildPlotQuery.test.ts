import { describe, expect, it } from 'vitest';
import { activeFilters, buildPlotQuery, withoutFilter } from '../../../../client/src/features/finder/buildPlotQuery';
import { EMPTY_FINDER_FILTERS, type FinderFilters } from '../../../../client/src/features/finder/FinderFilters';
import { deepFreeze } from '../fixtures';

const ALL: FinderFilters = deepFreeze({
  statuses: ['open', 'reserved'],
  plannedYear: 2027,
  uses: ['production', 'logistics'],
  minAreaM2: 20_000,
  maxAreaM2: 150_000.5,
  areaUnit: 'ha',
  minHeightM: 15,
  maxStationM: 2000,
  maxJunctionM: 1200,
  floodLevel: 1.8,
  floodDike: 'without',
  sort: '-junction',
});

describe('buildPlotQuery', () => {
  it('is empty for the default filters', () => {
    expect(buildPlotQuery(EMPTY_FINDER_FILTERS)).toBe('');
  });

  it('sends every filter that is set, in a fixed order, and never the display unit', () => {
    expect(buildPlotQuery(ALL)).toBe(
      '?status=open,reserved&planned_year=2027&use=production,logistics&min_area=20000&max_area=150000.5' +
        '&min_height=15&max_station_m=2000&max_junction_m=1200&outside_flood=1.8&flood_dike=without&sort=-junction',
    );
  });

  it('sends the flood level with at most two decimals, and the dike only when it is not the default', () => {
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, floodLevel: 3.45 })).toBe('?outside_flood=3.45');
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, floodLevel: 1.6000000000000001, floodDike: 'without' })).toBe(
      '?outside_flood=1.6&flood_dike=without',
    );
    // Without a level the dike filters nothing, and the API refuses it alone.
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, floodDike: 'without' })).toBe('');
  });

  it('sends only the non-empty filters', () => {
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, maxStationM: 800, areaUnit: 'ha' })).toBe('?max_station_m=800');
  });

  it('writes numbers as plain decimals, never with an exponent or float noise', () => {
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, minAreaM2: 3000.0000000000005, maxAreaM2: 1e-7 })).toBe(
      '?min_area=3000&max_area=0',
    );
  });

  it('leaves out the default sort', () => {
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, sort: 'area' })).toBe('');
    expect(buildPlotQuery({ ...EMPTY_FINDER_FILTERS, sort: '-area' })).toBe('?sort=-area');
  });
});

describe('activeFilters and withoutFilter', () => {
  it('name the filters that are set, in the form’s order', () => {
    expect(activeFilters(EMPTY_FINDER_FILTERS)).toEqual([]);
    expect(activeFilters({ ...EMPTY_FINDER_FILTERS, uses: ['office'], minAreaM2: 1 })).toEqual(['use', 'min_area']);
    expect(activeFilters(ALL)).toHaveLength(9);
    expect(activeFilters({ ...EMPTY_FINDER_FILTERS, floodLevel: 0 })).toEqual(['outside_flood']);
  });

  it('clear one filter without touching the input', () => {
    expect(withoutFilter(ALL, 'status').statuses).toEqual([]);
    expect(withoutFilter(ALL, 'max_station_m')).toEqual({ ...ALL, maxStationM: null });
    expect(activeFilters(withoutFilter(ALL, 'planned_year'))).not.toContain('planned_year');
    expect(withoutFilter(ALL, 'outside_flood')).toEqual({ ...ALL, floodLevel: null });
  });
});
