import { describe, expect, it } from 'vitest';
import type { TimelineData } from '../../../../client/src/features/tenders/WorkflowTypes';
import { layoutTimeline } from '../../../../client/src/features/timeline/layoutTimeline';
import { deepFreeze } from '../fixtures';

type TimelinePlot = TimelineData['plots'][number];

const plotOf = (overrides: Partial<TimelinePlot> = {}): TimelinePlot => ({
  site_id: 'kn-1',
  site_name: 'Køge Nord 1',
  layer: 'koege-nord-plots',
  status: 'planned',
  planned: { year: null, opens_on: null, closes_on: null },
  reached: {},
  ...overrides,
});

// 2024-01-01 to 2028-12-31: 1827 days (2024 and 2028 are leap years).
const AXIS = { from: '2024-01-01', to: '2028-12-31' } as const;
const DAYS = 1827;

describe('layoutTimeline', () => {
  it('puts each year start on the axis', () => {
    const { years } = layoutTimeline({ plots: [], ...AXIS });
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(years[0]!.x).toBe(0);
    expect(years[1]!.x).toBeCloseTo(366 / DAYS, 9);
  });

  it('draws the planned year as a band over that whole year', () => {
    const [row] = layoutTimeline({
      plots: [plotOf({ planned: { year: 2025, opens_on: null, closes_on: null } })],
      ...AXIS,
    }).rows;
    expect(row!.plannedYearSpan!.x).toBeCloseTo(366 / DAYS, 9);
    expect(row!.plannedYearSpan!.width).toBeCloseTo(365 / DAYS, 9);
    expect(row!.windowSpan).toBeNull();
  });

  it('draws the tender window from the opening day to the end of the closing day', () => {
    const planned = { year: 2026, opens_on: '2026-03-01', closes_on: '2026-03-31' };
    const [row] = layoutTimeline({ plots: [plotOf({ planned })], ...AXIS }).rows;
    expect(row!.windowSpan!.width).toBeCloseTo(31 / DAYS, 9);
  });

  it('clips a window that starts before the axis and drops a year after it', () => {
    const planned = { year: 2030, opens_on: '2023-12-01', closes_on: '2024-01-10' };
    const [row] = layoutTimeline({ plots: [plotOf({ planned })], ...AXIS }).rows;
    expect(row!.windowSpan).toEqual({ x: 0, width: expect.closeTo(10 / DAYS, 9) as number });
    expect(row!.plannedYearSpan).toBeNull();
  });

  it('marks reached states oldest first and keeps those outside the axis for the table only', () => {
    const reached = {
      open: '2026-05-02T08:00:00.000Z',
      planned: '2025-01-10T09:30:00.000Z',
      not_planned: '2023-06-01T00:00:00.000Z',
    };
    const [row] = layoutTimeline({ plots: [plotOf({ reached })], ...AXIS }).rows;
    expect(row!.reached.map((r) => r.state)).toEqual(['not_planned', 'planned', 'open']);
    expect(row!.marks.map((m) => m.state)).toEqual(['planned', 'open']);
    expect(row!.marks[0]!.x).toBeGreaterThan(366 / DAYS);
  });

  it('ignores a reached key that is no tender state', () => {
    const [row] = layoutTimeline({ plots: [plotOf({ reached: { bogus: '2025-01-01T00:00:00Z' } })], ...AXIS }).rows;
    expect(row!.reached).toEqual([]);
  });

  it('does not change its input', () => {
    const plots = deepFreeze([
      plotOf({ reached: { open: '2026-05-02T08:00:00.000Z', planned: '2025-01-10T09:30:00Z' } }),
    ]);
    expect(() => layoutTimeline({ plots, ...AXIS })).not.toThrow();
  });
});
