import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { TenderStatus } from '@shared/schemas/common';
import { TENDER_STATUSES } from '../api/vocabulary';

/** Fill colour of a plot per tender status: greys before a tender, blues while preparing, green when open. */
export const TENDER_STATUS_COLORS: Readonly<Record<TenderStatus, string>> = {
  not_planned: '#c7c7c7',
  planned: '#a6cee3',
  in_preparation: '#3f8fc5',
  open: '#2ca25f',
  under_evaluation: '#fdae61',
  reserved: '#e8613c',
  sold: '#8c510a',
  withdrawn: '#7b6aa8',
};

/** Colour of a plot without a tender status. */
export const NO_TENDER_STATUS_COLOR = '#e6e2d6';

/** `match` expression colouring features by their `tender_status` property. */
export function tenderColorExpression(): ExpressionSpecification {
  const [first, ...rest] = TENDER_STATUSES.map((status) => [status, TENDER_STATUS_COLORS[status]] as const);
  if (!first) throw new Error('TENDER_STATUSES is empty');
  return ['match', ['get', 'tender_status'], first[0], first[1], ...rest.flat(), NO_TENDER_STATUS_COLOR];
}
