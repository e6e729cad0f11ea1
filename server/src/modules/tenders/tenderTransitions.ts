import { TENDER_STATUSES } from '@shared/schemas/vocabulary';

export type TenderState = (typeof TENDER_STATUSES)[number];

/**
 * The tender life cycle (issue #5): forward one step at a time, any state may be withdrawn, and a withdrawn
 * tender starts again from planned.
 */
export const TENDER_TRANSITIONS: Readonly<Record<TenderState, readonly TenderState[]>> = {
  not_planned: ['planned', 'withdrawn'],
  planned: ['in_preparation', 'withdrawn'],
  in_preparation: ['open', 'withdrawn'],
  open: ['under_evaluation', 'withdrawn'],
  under_evaluation: ['reserved', 'withdrawn'],
  reserved: ['sold', 'withdrawn'],
  sold: ['withdrawn'],
  withdrawn: ['planned'],
};

export const allowedNext = (from: TenderState): readonly TenderState[] => TENDER_TRANSITIONS[from];

export const isAllowedTransition = (from: TenderState, to: TenderState): boolean =>
  TENDER_TRANSITIONS[from].includes(to);
