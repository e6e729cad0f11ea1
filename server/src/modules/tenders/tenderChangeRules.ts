import type { TenderState } from './tenderTransitions';

/** The schedule fields a transition may set; dates are ISO YYYY-MM-DD. */
export interface TenderSchedule {
  planned_year: number | null;
  opens_on: string | null;
  closes_on: string | null;
  notice_url: string | null;
}

export interface FieldFault {
  name: string;
  reason: string;
}

/**
 * What a target state needs from the request, checked before the database is touched: planning needs a year,
 * opening needs publication and deadline dates and the https link to the tender notice.
 */
export function requiredFieldFaults(to: TenderState, given: Partial<TenderSchedule>): FieldFault[] {
  const faults: FieldFault[] = [];
  const need = (field: keyof TenderSchedule, why: string) => {
    if (given[field] === undefined || given[field] === null) faults.push({ name: `body.${field}`, reason: why });
  };
  if (to === 'planned') need('planned_year', 'is required to plan a tender');
  if (to === 'open') {
    need('opens_on', 'is required to open a tender (publication date)');
    need('closes_on', 'is required to open a tender (deadline)');
    need('notice_url', 'is required to open a tender (link to the tender notice)');
  }
  return faults;
}

/** Faults of the schedule a change would leave (the stored one with the request's fields laid over it). */
export function scheduleFaults(merged: TenderSchedule): FieldFault[] {
  if (merged.opens_on !== null && merged.closes_on !== null && merged.closes_on < merged.opens_on) {
    return [{ name: 'body.closes_on', reason: `must not be before opens_on (${merged.opens_on})` }];
  }
  return [];
}
