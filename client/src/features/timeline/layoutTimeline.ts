import type { TenderStatus } from '@shared/schemas/common';
import { TENDER_STATUSES } from '../../api/vocabulary';
import type { TimelineData } from '../tenders';

/** A stretch of the axis as fractions of its width (0 = the first day's start, 1 = the last day's end). */
export interface AxisSpan {
  x: number;
  width: number;
}

/** A state a tender actually reached, placed on the axis. */
export interface ReachedMark {
  state: TenderStatus;
  /** ISO date-time (UTC) when it was last reached. */
  at: string;
  x: number;
}

export interface TimelineRow {
  siteId: string;
  name: string;
  status: TenderStatus;
  plannedYear: number | null;
  opensOn: string | null;
  closesOn: string | null;
  /** The planned year as a band; null when unset or outside the axis. */
  plannedYearSpan: AxisSpan | null;
  /** The planned tender window (opens_on to closes_on) as a bar; null when unset or outside the axis. */
  windowSpan: AxisSpan | null;
  /** Reached states inside the axis, oldest first. */
  marks: ReachedMark[];
  /** Reached states, all of them, oldest first (the table lists these). */
  reached: { state: TenderStatus; at: string }[];
}

export interface TimelineLayout {
  /** The start of each year on the axis. */
  years: { year: number; x: number }[];
  rows: TimelineRow[];
}

const DAY_MS = 86_400_000;

const utcMs = (isoDate: string): number => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);

const isStatus = (value: string): value is TenderStatus => (TENDER_STATUSES as readonly string[]).includes(value);

/**
 * Lays the timeline API's plots on an axis from `from` to `to` (ISO dates, both inclusive; positions as
 * fractions 0–1 of the axis, in UTC days): per plot the planned year and tender window as spans clipped to the
 * axis, and the dates its tender actually reached each state as marks. Pure; rows keep the API's order.
 */
export function layoutTimeline({
  plots,
  from,
  to,
}: {
  plots: TimelineData['plots'];
  from: string;
  to: string;
}): TimelineLayout {
  const start = utcMs(from);
  const end = utcMs(to) + DAY_MS;
  const at = (ms: number) => (ms - start) / (end - start);
  const span = (fromMs: number, toMs: number): AxisSpan | null => {
    const a = Math.max(0, at(fromMs));
    const b = Math.min(1, at(toMs));
    return b > a ? { x: a, width: b - a } : null;
  };
  const firstYear = new Date(start).getUTCFullYear();
  const lastYear = new Date(end - DAY_MS).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i).map((year) => ({
    year,
    x: Math.max(0, at(Date.UTC(year, 0, 1))),
  }));
  const rows = plots.map((plot): TimelineRow => {
    const reached = Object.entries(plot.reached)
      .flatMap(([state, when]) => (isStatus(state) ? [{ state, at: when }] : []))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const { year, opens_on, closes_on } = plot.planned;
    return {
      siteId: plot.site_id,
      name: plot.site_name,
      status: plot.status,
      plannedYear: year,
      opensOn: opens_on,
      closesOn: closes_on,
      plannedYearSpan: year === null ? null : span(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)),
      windowSpan: opens_on !== null && closes_on !== null ? span(utcMs(opens_on), utcMs(closes_on) + DAY_MS) : null,
      marks: reached.flatMap((r) => {
        const x = at(Date.parse(r.at));
        return x >= 0 && x <= 1 ? [{ ...r, x }] : [];
      }),
      reached,
    };
  });
  return { years, rows };
}
