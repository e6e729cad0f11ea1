import { Type, type Static } from '@sinclair/typebox';

/** Stable, URL-safe identifier of a site or layer (also used in permalinks). */
export const SlugPattern = '^[a-z0-9][a-z0-9-]{0,63}$';
export const Slug = Type.String({ pattern: SlugPattern, maxLength: 64 });

/** Source reliability of a seed feature; see data/README.md. */
export const Accuracy = Type.Union([
  Type.Literal('official'),
  Type.Literal('sourced'),
  Type.Literal('approximate'),
  Type.Literal('illustrative'),
]);
export type Accuracy = Static<typeof Accuracy>;

export const Theme = Type.Union([
  Type.Literal('erhverv'),
  Type.Literal('energi'),
  Type.Literal('klima'),
  Type.Literal('infrastruktur'),
  Type.Literal('kontekst'),
]);
export type Theme = Static<typeof Theme>;
export const THEMES: readonly Theme[] = ['erhverv', 'energi', 'klima', 'infrastruktur', 'kontekst'];

export const PlanUse = Type.Union([
  Type.Literal('production'),
  Type.Literal('logistics'),
  Type.Literal('office'),
  Type.Literal('mixed'),
  Type.Literal('energy'),
  Type.Literal('health'),
]);
export type PlanUse = Static<typeof PlanUse>;

/** Tender (udbud) states; the transitions between them are issue #5's. */
export const TenderStatus = Type.Union([
  Type.Literal('not_planned'),
  Type.Literal('planned'),
  Type.Literal('in_preparation'),
  Type.Literal('open'),
  Type.Literal('under_evaluation'),
  Type.Literal('reserved'),
  Type.Literal('sold'),
  Type.Literal('withdrawn'),
]);
export type TenderStatus = Static<typeof TenderStatus>;
export const TENDER_STATUSES: readonly TenderStatus[] = [
  'not_planned',
  'planned',
  'in_preparation',
  'open',
  'under_evaluation',
  'reserved',
  'sold',
  'withdrawn',
];

export const ActionProgress = Type.Union([
  Type.Literal('not_started'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
]);
export type ActionProgress = Static<typeof ActionProgress>;

/** RFC 9457 problem details, with the offending parameters named. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    'invalid-params': Type.Optional(Type.Array(Type.Object({ name: Type.String(), reason: Type.String() }))),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;
