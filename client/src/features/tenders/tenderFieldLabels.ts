import type { MessageKey } from '@shared/i18n/da';
import type { TenderField } from './requiredTenderFields';

/** The UI label of each tender schedule field. */
export const TENDER_FIELD_LABELS: Record<TenderField, MessageKey> = {
  planned_year: 'workflow.plannedYear',
  opens_on: 'workflow.opensOn',
  closes_on: 'workflow.closesOn',
  notice_url: 'workflow.noticeUrl',
};
