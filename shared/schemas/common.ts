import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { ACCURACIES, ACTION_PROGRESS, PLAN_USES, SLUG_PATTERN, TENDER_STATUSES, THEMES } from './vocabulary';

/** `t` or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** A union of the string literals `values`, typed as such (TypeBox cannot infer it from a mapped array). */
const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** Stable, URL-safe identifier of a site or layer (also used in permalinks). */
export const SlugPattern = SLUG_PATTERN;
export const Slug = Type.String({ pattern: SLUG_PATTERN, maxLength: 64 });

export const Accuracy = oneOf(ACCURACIES);
export type Accuracy = Static<typeof Accuracy>;

export const Theme = oneOf(THEMES);
export type Theme = Static<typeof Theme>;

export const PlanUse = oneOf(PLAN_USES);
export type PlanUse = Static<typeof PlanUse>;

export const TenderStatus = oneOf(TENDER_STATUSES);
export type TenderStatus = Static<typeof TenderStatus>;

export const ActionProgress = oneOf(ACTION_PROGRESS);
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

/** The query of a route without parameters: unknown ones are still rejected, named, like on the routes that have some. */
export const NoQuery = Type.Object({}, { additionalProperties: false });
