import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { Accuracy, Nullable, ActionProgress, PlanUse, Slug, TenderStatus } from './common';
import { PLANDATA_GENERAL_USES } from './vocabulary';
import { Bbox, Geometry } from './geojson';

/** Properties carried by every feature of `GET /api/layers/:id/features`. */
export const FeatureProperties = Type.Object({
  id: Slug,
  layer: Slug,
  name: Type.String(),
  kind: Type.String(),
  plan_use: Nullable(PlanUse),
  /** Area in m², computed by PostGIS in EPSG:25832; null for points and lines. */
  area_m2: Nullable(Type.Number()),
  /** Length in metres in EPSG:25832; null for points and polygons. */
  length_m: Nullable(Type.Number()),
  accuracy: Accuracy,
  source: Type.String(),
  tender_status: Nullable(TenderStatus),
  planned_year: Nullable(Type.Integer()),
  actions: Type.Array(Type.String()),
  /** The short text the map writes for the feature (a road or plot number); null: its name. */
  label: Type.Optional(Nullable(Type.String())),
  /** Which labels win where they collide: 1 first (Køge before a village); null: no rank. */
  rank: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 9 }))),
});
export type FeatureProperties = Static<typeof FeatureProperties>;

export const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Geometry,
  properties: FeatureProperties,
});
export type Feature = Static<typeof Feature>;

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Feature),
});
export type FeatureCollection = Static<typeof FeatureCollection>;

export const TenderEvent = Type.Object({
  at: Type.String({ format: 'date-time' }),
  from_status: Nullable(TenderStatus),
  to_status: TenderStatus,
  note: Nullable(Type.String()),
  actor: Type.String(),
});
export type TenderEvent = Static<typeof TenderEvent>;

export const Tender = Type.Object({
  status: TenderStatus,
  planned_year: Nullable(Type.Integer()),
  opens_on: Nullable(Type.String({ format: 'date' })),
  closes_on: Nullable(Type.String({ format: 'date' })),
  version: Type.Integer(),
  history: Type.Array(TenderEvent),
});
export type Tender = Static<typeof Tender>;

export const LinkedAction = Type.Object({
  number: Type.String(),
  text: Type.String(),
  progress: ActionProgress,
  initiative: Type.Object({ number: Type.Integer(), title: Type.String() }),
});
export type LinkedAction = Static<typeof LinkedAction>;

/** A union of the string literals `values` (TypeBox cannot infer it from a mapped array), as in sketch.ts. */
const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** A Plandata.dk plan (imported with `npm run import -- plandata`) that covers a site. */
export const CoveringPlan = Type.Object({
  /** The plan's site id, e.g. lokalplan-1088001. */
  id: Slug,
  kind: Type.Union([Type.Literal('lokalplan'), Type.Literal('kommuneplanramme')]),
  plannavn: Type.String(),
  plannr: Type.String(),
  /** F forslag (proposal), V vedtaget (adopted). */
  status: Type.Union([Type.Literal('F'), Type.Literal('V')]),
  /** Plandata's general use code (31 = erhverv). */
  anvgen: oneOf(PLANDATA_GENERAL_USES),
  doklink: Nullable(Type.String()),
  /** Area of the site the plan covers, m² in EPSG:25832 (0 for points and lines). */
  overlap_m2: Type.Number(),
});
export type CoveringPlan = Static<typeof CoveringPlan>;

export const SiteDetail = Type.Object({
  id: Slug,
  layer: Slug,
  name: Type.String(),
  kind: Type.String(),
  plan_use: Nullable(PlanUse),
  max_height_m: Nullable(Type.Number()),
  plot_ratio_pct: Nullable(Type.Number()),
  building_rights: Nullable(Type.String()),
  description: Type.String(),
  source: Type.String(),
  accuracy: Accuracy,
  attributes: Type.Record(Type.String(), Type.Unknown()),
  area_m2: Nullable(Type.Number()),
  length_m: Nullable(Type.Number()),
  geometry: Geometry,
  bbox: Bbox,
  actions: Type.Array(LinkedAction),
  tender: Nullable(Tender),
  /** The plans covering the site: lokalplaner first, then kommuneplanrammer, each by largest overlap. */
  plans: Type.Array(CoveringPlan),
});
export type SiteDetail = Static<typeof SiteDetail>;
