import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Plot, PlotList } from '@shared/schemas/plot';
import { PLAN_USES, TENDER_STATUSES } from '@shared/schemas/vocabulary';
import { buildPlotQuery } from '../../../client/src/features/finder/buildPlotQuery';
import { filterPlots } from '../../../client/src/features/finder/filterPlots';
import {
  EMPTY_FINDER_FILTERS,
  PLANNED_YEARS,
  PLOT_SORT_KEYS,
  type FinderFilters,
  type FinderSort,
} from '../../../client/src/features/finder/FinderFilters';
import { testApp } from '../testApp';

let app: FastifyInstance;
let all: Plot[];
beforeAll(async () => {
  app = await testApp();
  all = (await app.inject('/api/plots')).json<PlotList>().plots;
});
afterAll(() => app.close());

const answer = async (filters: FinderFilters) => {
  const response = await app.inject(`/api/plots${buildPlotQuery(filters)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PlotList>().plots;
};

/** A limit near the plots' own values: exactly one of them (inclusive bounds), a little off, or anything. */
const limitNear = (values: () => number[], max: number) =>
  fc.oneof(
    // Most filters unset, as in use: several limits at once mostly leave nothing to order.
    { weight: 3, arbitrary: fc.constant(null) },
    fc.nat({ max: 10_000 }).chain((i) => {
      const v = values();
      const exact = v.length > 0 ? v[i % v.length]! : 0;
      // ±4e-7: below the 6 fraction digits the API is sent, so the limit lands on the value itself.
      const near = [exact, exact + 4e-7, exact - 4e-7, exact * (1 + 1e-7), Math.round(exact), exact + 0.5];
      return fc.constantFrom(...near.map((n) => Math.min(n, max)));
    }),
    // Anything the API accepts (parsePlotQuery's upper bounds).
    fc.double({ min: 0, max, noNaN: true }),
  );

const areas = () => all.map((p) => p.area_m2);
const heights = () => all.flatMap((p) => (p.max_height_m === null ? [] : [p.max_height_m]));
const stations = () => all.flatMap((p) => (p.nearest_station ? [p.nearest_station.distance_m] : []));
const junctions = () => all.flatMap((p) => (p.nearest_junction ? [p.nearest_junction.distance_m] : []));

const sorts: FinderSort[] = PLOT_SORT_KEYS.flatMap((key) => [key, `-${key}` as const]);

const finderFilters: fc.Arbitrary<FinderFilters> = fc
  .record({
    statuses: fc.subarray([...TENDER_STATUSES]),
    plannedYear: fc.option(fc.constantFrom(...PLANNED_YEARS)),
    uses: fc.subarray([...PLAN_USES]),
    minAreaM2: limitNear(areas, 1e8),
    maxAreaM2: limitNear(areas, 1e8),
    minHeightM: limitNear(heights, 1000),
    maxStationM: limitNear(stations, 1e6),
    maxJunctionM: limitNear(junctions, 1e6),
    sort: fc.constantFrom(...sorts),
  })
  .map((f) => ({
    ...EMPTY_FINDER_FILTERS,
    ...f,
    // The form never sends min > max (the API refuses it): swap them as a user would have to.
    ...(f.minAreaM2 !== null && f.maxAreaM2 !== null && f.minAreaM2 > f.maxAreaM2
      ? { minAreaM2: f.maxAreaM2, maxAreaM2: f.minAreaM2 }
      : {}),
  }));

describe('the finder in the browser (filterPlots) against GET /api/plots', () => {
  it('finds the same plots in the same order, with the same values, for random filters and sorts', async () => {
    expect(all.length).toBeGreaterThan(10);
    // The data must make the order bite: plots with the same tender date (ties broken by id).
    const tenderDates = all.map((p) => p.opens_on ?? p.planned_year);
    expect(new Set(tenderDates).size).toBeLessThan(tenderDates.length);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(finderFilters, async (filters) => {
        const local = filterPlots(all, filters);
        const server = await answer(filters);
        expect(local, buildPlotQuery(filters)).toEqual(server);
        if (server.length > 0) nonEmpty++;
      }),
      { numRuns: 300, seed: 20261127 },
    );
    // Random filters that always came back empty would prove nothing about the order.
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it('sorts every key both ways as the API does, ties and missing values included', async () => {
    for (const sort of sorts) {
      const filters = { ...EMPTY_FINDER_FILTERS, sort };
      expect(
        filterPlots(all, filters)!.map((p) => p.id),
        sort,
      ).toEqual((await answer(filters)).map((p) => p.id));
    }
  });

  it('leaves the flood filter to the server, which alone has the stored extents', () => {
    expect(filterPlots(all, { ...EMPTY_FINDER_FILTERS, floodLevel: 1.5 })).toBeNull();
  });
});
