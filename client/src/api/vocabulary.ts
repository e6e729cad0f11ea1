// The API's enumerations, from the one module server and client share (plain constants, no TypeBox).
export {
  ACTION_PROGRESS,
  PLAN_USES,
  PLANDATA_GENERAL_USES,
  SLUG_PATTERN,
  TENDER_STATUSES,
  THEMES,
} from '@shared/schemas/vocabulary';
