import type { Static } from '@sinclair/typebox';
import type { LoginResult, Me, PublicUser } from '@shared/schemas/auth';
import type {
  ActionProgressDetail,
  ActionProgressState,
  PolicyOverview,
  ProgressChangeBody,
  Timeline,
  TenderChangeBody,
  TenderWithNext,
  Transitions,
  CurrentTender,
} from '@shared/schemas/workflow';

// The workflow API's shapes (issue #5), derived from the server's TypeBox schemas (type only: no TypeBox in the bundle).

/** The logged-in account as the API shows it: display name and role, never the e-mail. */
export type AuthUser = Static<typeof PublicUser>;
export type LoginAnswer = Static<typeof LoginResult>;
export type MeAnswer = Static<typeof Me>;
/** `GET /api/plots/:id/tender`: the tender, its version and the states it may move to next. */
export type EditableTender = Static<typeof TenderWithNext>;
/** `POST /api/plots/:id/tender`'s answer. */
export type SavedTender = Static<typeof CurrentTender>;
export type TenderChange = TenderChangeBody;
export type TenderTransitions = Static<typeof Transitions>;
export type ProgressDetail = Static<typeof ActionProgressDetail>;
/** `POST /api/actions/:number/progress`'s answer: the new state, without the history. */
export type ProgressState = Static<typeof ActionProgressState>;
export type ProgressChange = Static<typeof ProgressChangeBody>;
export type TimelineData = Static<typeof Timeline>;
export type PolicyOverviewData = Static<typeof PolicyOverview>;
