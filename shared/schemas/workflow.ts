import { Type, type Static } from '@sinclair/typebox';
import { ActionProgress, Nullable, Problem, Slug, TenderStatus } from './common';

/**
 * Unicode's bidirectional controls, as the body of a regex character class: marks (ALM U+061C, LRM U+200E,
 * RLM U+200F), embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). In a title or a name
 * they reorder what is shown around them ("Trojan Source", CVE-2021-42574), so text people read is refused
 * with them (issue #19); imports strip them instead (importAttributes).
 */
export const BIDI_CONTROL_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';

/**
 * Free text without control characters (tab and line breaks allowed) or bidirectional controls; NUL would also
 * break PostgreSQL text.
 */
export const PLAIN_TEXT_PATTERN = `^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F${BIDI_CONTROL_CLASS}]*$`;

/** An ISO calendar date from 2000 to 2099. */
const IsoDate = Type.String({ format: 'date', pattern: '^20[0-9]{2}-[0-9]{2}-[0-9]{2}$' });
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version the user saw' });
const Actor = Type.Object({
  name: Type.String({ description: 'display name, never an e-mail address' }),
  role: Nullable(Type.Union([Type.Literal('planner'), Type.Literal('admin')])),
});

export const TenderChangeBody = Type.Object(
  {
    to: TenderStatus,
    version: Type.Optional(Version),
    note: Type.Optional(Type.String({ maxLength: 1000, pattern: PLAIN_TEXT_PATTERN })),
    planned_year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    opens_on: Type.Optional(IsoDate),
    closes_on: Type.Optional(IsoDate),
    notice_url: Type.Optional(
      Type.String({ maxLength: 500, format: 'uri', pattern: '^https://[^\\s]+$', description: 'https only' }),
    ),
  },
  { additionalProperties: false },
);
export type TenderChangeBody = Static<typeof TenderChangeBody>;

export const CurrentTender = Type.Object({
  site_id: Slug,
  status: TenderStatus,
  planned_year: Nullable(Type.Integer()),
  opens_on: Nullable(Type.String({ format: 'date' })),
  closes_on: Nullable(Type.String({ format: 'date' })),
  notice_url: Nullable(Type.String()),
  version: Type.Integer(),
  updated_at: Type.String({ format: 'date-time' }),
});

export const TenderWithNext = Type.Object({
  ...CurrentTender.properties,
  allowed: Type.Array(TenderStatus, { description: 'the states this tender may move to next' }),
});

export const Transitions = Type.Object({
  states: Type.Array(TenderStatus),
  transitions: Type.Record(Type.String(), Type.Array(TenderStatus)),
  requires: Type.Record(Type.String(), Type.Array(Type.String())),
});

/** 409 for an illegal transition: names the states that are allowed from the current one. */
export const TransitionConflict = Type.Object({
  ...Problem.properties,
  from: TenderStatus,
  allowed: Type.Array(TenderStatus),
});

/** 412 for a stale version: the current version, so the UI can reload and ask again. */
export const StaleVersion = Type.Object({ ...Problem.properties, current_version: Type.Integer() });

export const ProgressChangeBody = Type.Object(
  {
    progress: ActionProgress,
    note: Type.Optional(Type.String({ maxLength: 280, pattern: PLAIN_TEXT_PATTERN })),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);

export const ActionNumber = Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{1,2}$', maxLength: 5 });

export const ActionProgressState = Type.Object({
  number: ActionNumber,
  progress: ActionProgress,
  progress_note: Nullable(Type.String()),
  progress_updated_at: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
});

export const ProgressEvent = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  from_progress: Nullable(ActionProgress),
  to_progress: ActionProgress,
  note: Nullable(Type.String()),
  actor: Actor,
});

export const ActionProgressDetail = Type.Object({
  ...ActionProgressState.properties,
  history: Type.Array(ProgressEvent),
});

export const TimelineQuery = Type.Object(
  {
    site: Type.Optional(Slug),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const Timeline = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  site: Nullable(Slug),
  plots: Type.Array(
    Type.Object({
      site_id: Slug,
      site_name: Type.String(),
      layer: Slug,
      status: TenderStatus,
      planned: Type.Object({
        year: Nullable(Type.Integer()),
        opens_on: Nullable(Type.String({ format: 'date' })),
        closes_on: Nullable(Type.String({ format: 'date' })),
      }),
      reached: Type.Record(Type.String(), Type.String({ format: 'date-time' }), {
        description: 'per tender state, when it was last reached',
      }),
    }),
  ),
  events: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('tender'), Type.Literal('action')]),
      id: Type.String(),
      at: Type.String({ format: 'date-time' }),
      site_id: Nullable(Type.String()),
      site_name: Nullable(Type.String()),
      action_number: Nullable(Type.String()),
      from: Nullable(Type.String()),
      to: Type.String(),
      note: Nullable(Type.String()),
      actor: Actor,
    }),
  ),
  truncated: Type.Boolean(),
});

const Counts = Type.Object({ not_started: Type.Integer(), in_progress: Type.Integer(), done: Type.Integer() });

export const PolicyOverview = Type.Object({
  initiatives: Type.Array(
    Type.Object({
      number: Type.Integer(),
      title: Type.String(),
      counts: Counts,
      site_ids: Type.Array(Type.String()),
      actions: Type.Array(
        Type.Object({
          number: Type.String(),
          progress: ActionProgress,
          progress_note: Nullable(Type.String()),
          version: Type.Integer(),
          site_ids: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
});
