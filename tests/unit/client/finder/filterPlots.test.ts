import { describe, expect, it } from 'vitest';
import { filterPlots } from '../../../../client/src/features/finder/filterPlots';
import { EMPTY_FINDER_FILTERS, type FinderFilters } from '../../../../client/src/features/finder/FinderFilters';
import { plot } from '../fixtures';

// Missing values, which the seed data lacks (tests/api/plots/filterPlots.test.ts holds the rest to the API).
const PLOTS = [
  plot('kn-b', { tender_status: null, planned_year: null, opens_on: null, max_height_m: null, area_m2: 5_000 }),
  plot('kn-a', { nearest_station: null, nearest_junction: null, opens_on: null, planned_year: 2027 }),
  plot('kn-c', { area_m2: 5_000, opens_on: '2026-06-01' }),
];
const ids = (filters: Partial<FinderFilters>) =>
  filterPlots(PLOTS, { ...EMPTY_FINDER_FILTERS, ...filters })!.map((p) => p.id);

describe('filterPlots (the finder in the browser)', () => {
  it('drops a plot from a filter on a value it lacks, as SQL compares with NULL', () => {
    expect(ids({ statuses: ['open', 'planned', 'reserved', 'sold'] })).toEqual(['kn-c', 'kn-a']);
    expect(ids({ minHeightM: 0 })).toEqual(['kn-c', 'kn-a']);
    expect(ids({ maxStationM: 1_000_000 })).toEqual(['kn-b', 'kn-c']);
    expect(ids({ maxJunctionM: 1_000_000 })).toEqual(['kn-b', 'kn-c']);
    expect(ids({ plannedYear: 2027 })).toEqual(['kn-a']);
  });

  it('keeps both ends of a range (inclusive), at the 6 fraction digits the API is sent', () => {
    expect(ids({ minAreaM2: 5_000, maxAreaM2: 5_000 })).toEqual(['kn-b', 'kn-c']);
    expect(ids({ maxAreaM2: 4_999.9999996 })).toEqual(['kn-b', 'kn-c']);
    expect(ids({ maxAreaM2: 4_999.999999 })).toEqual([]);
  });

  it('sorts missing values last both ways, and ties by id', () => {
    expect(ids({ sort: 'area' })).toEqual(['kn-b', 'kn-c', 'kn-a']);
    expect(ids({ sort: '-area' })).toEqual(['kn-a', 'kn-b', 'kn-c']);
    expect(ids({ sort: 'station' })).toEqual(['kn-b', 'kn-c', 'kn-a']);
    expect(ids({ sort: '-station' })).toEqual(['kn-b', 'kn-c', 'kn-a']);
    // Tender date: the opening day, else 1 January of the planned year, else none.
    expect(ids({ sort: 'tender' })).toEqual(['kn-c', 'kn-a', 'kn-b']);
    expect(ids({ sort: '-tender' })).toEqual(['kn-a', 'kn-c', 'kn-b']);
  });

  it('leaves the flood filter to the server', () => {
    expect(filterPlots(PLOTS, { ...EMPTY_FINDER_FILTERS, floodLevel: 2 })).toBeNull();
  });
});
