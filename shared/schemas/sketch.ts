import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { Nullable, Problem } from './common';
import { Geometry } from './geojson';
import { PLANDATA_GENERAL_USES } from './vocabulary';
import { PLAIN_TEXT_PATTERN } from './workflow';

/** A union of the string literals `values` (TypeBox cannot infer it from a mapped array). */
const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** Plandata's general use (anvgen) of a sketch, e.g. '31' erhverv. */
export const ProposedUse = oneOf(PLANDATA_GENERAL_USES);
export type ProposedUse = Static<typeof ProposedUse>;

export const SKETCH_CHANGES = ['created', 'edited', 'restored', 'imported', 'repaired'] as const;
export const SketchChange = oneOf(SKETCH_CHANGES);
export type SketchChange = Static<typeof SketchChange>;

export const SketchId = Type.String({ format: 'uuid', maxLength: 36, description: 'a sketch’s uuid' });
const VersionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/**
 * Geometry as a client sends it (RFC 7946, EPSG:4326). Only the outer shape is checked here; the type, nesting,
 * positions, point counts and the Denmark bounds are checked by checkSketchGeometry, so that every such fault
 * is a 400 naming `geometry` (issue #6's contract).
 */
export const GeometryInput = Type.Object({
  type: Type.String({
    maxLength: 40,
    description: 'Polygon, MultiPolygon, LineString, MultiLineString, Point or MultiPoint',
  }),
  coordinates: Type.Array(Type.Unknown()),
});
export type GeometryInput = Static<typeof GeometryInput>;

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: PLAIN_TEXT_PATTERN });
const Note = Type.String({ maxLength: 4000, pattern: PLAIN_TEXT_PATTERN });
const ActionNumberRef = Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{1,2}$', maxLength: 5 });

const sketchFields = {
  geometry: GeometryInput,
  title: Title,
  proposed_use: ProposedUse,
  action_number: Type.Optional(Nullable(ActionNumberRef)),
  note: Type.Optional(Note),
  /** Store ST_MakeValid's result when the geometry is invalid, instead of answering 400. */
  repair: Type.Optional(Type.Boolean()),
};

/** Body of POST /api/sketches. */
export const SketchInput = Type.Object(sketchFields, { additionalProperties: false });
export type SketchInput = Static<typeof SketchInput>;

/** Body of PUT /api/sketches/:id: the same fields and the version the user saw (or an If-Match header). */
export const SketchUpdate = Type.Object(
  { ...sketchFields, version: Type.Optional(VersionNumber) },
  { additionalProperties: false },
);
export type SketchUpdate = Static<typeof SketchUpdate>;

export const SketchRestore = Type.Object(
  { from_version: VersionNumber, version: Type.Optional(VersionNumber) },
  { additionalProperties: false },
);
export type SketchRestore = Static<typeof SketchRestore>;

export const SketchActor = Type.Object({
  name: Type.String({ description: 'display name, never an e-mail address' }),
  role: Nullable(Type.Union([Type.Literal('planner'), Type.Literal('admin')])),
});
export type SketchActor = Static<typeof SketchActor>;

export const SketchProperties = Type.Object({
  id: SketchId,
  version: Type.Integer(),
  title: Type.String(),
  proposed_use: ProposedUse,
  action_number: Nullable(Type.String()),
  note: Type.String(),
  /** m² in EPSG:25832; null for points and lines. */
  area_m2: Nullable(Type.Number()),
  /** metres in EPSG:25832; null for points and lines. */
  perimeter_m: Nullable(Type.Number()),
  /** metres in EPSG:25832; null for points and polygons. */
  length_m: Nullable(Type.Number()),
  change: SketchChange,
  restored_from: Nullable(Type.Integer()),
  updated_at: Type.String({ format: 'date-time' }),
  updated_by: SketchActor,
  created_at: Type.String({ format: 'date-time' }),
  deleted_at: Nullable(Type.String({ format: 'date-time' })),
  status: Type.Literal('draft'),
  source: Type.String(),
  accuracy: Type.Literal('illustrative'),
});
export type SketchProperties = Static<typeof SketchProperties>;

export const SketchFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: SketchId,
  geometry: Geometry,
  properties: SketchProperties,
});
export type SketchFeature = Static<typeof SketchFeature>;

export const SketchCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(SketchFeature),
});
export type SketchCollection = Static<typeof SketchCollection>;

export const SketchVersionEntry = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  proposed_use: ProposedUse,
  action_number: Nullable(Type.String()),
  note: Type.String(),
  area_m2: Nullable(Type.Number()),
  perimeter_m: Nullable(Type.Number()),
  length_m: Nullable(Type.Number()),
  change: SketchChange,
  restored_from: Nullable(Type.Integer()),
  at: Type.String({ format: 'date-time' }),
  actor: SketchActor,
});
export type SketchVersionEntry = Static<typeof SketchVersionEntry>;

/** GET /api/sketches/:id/versions, newest first. */
export const SketchVersions = Type.Object({ versions: Type.Array(SketchVersionEntry) });
export type SketchVersions = Static<typeof SketchVersions>;

/** What is wrong with a geometry, where (EPSG:4326), and ST_MakeValid's repair when there is one. */
export const GeometryFault = Type.Object({
  reason: Type.String({ description: 'ST_IsValidDetail’s reason, or: too few points, outside Denmark, …' }),
  location: Nullable(Type.Tuple([Type.Number(), Type.Number()], { description: '[lon, lat] of the fault' })),
  repairable: Nullable(
    Type.Boolean({ description: 'null: not worked out (the repair is offered to logged-in planners only)' }),
  ),
  repaired: Nullable(Geometry),
});
export type GeometryFault = Static<typeof GeometryFault>;

/** 400 answer for invalid geometry (type …/invalid-geometry). */
export const GeometryFaultProblem = Type.Object({ ...Problem.properties, geometry_fault: GeometryFault });
export type GeometryFaultProblem = Static<typeof GeometryFaultProblem>;

/**
 * 422 answer for a geometry too costly to check or repair (issue #19): what was counted (rings,
 * self-intersections, or close pairs of edges), how many (at least) and the limit; or a check past its deadline.
 */
export const GeometryTooComplex = Type.Object({
  ...Problem.properties,
  measure: Type.Optional(oneOf(['positions', 'rings', 'self_intersections', 'segment_pairs'] as const)),
  count: Type.Optional(Type.Integer({ description: 'how many were found (counting stops just past the limit)' })),
  limit: Type.Optional(Type.Integer()),
});
export type GeometryTooComplex = Static<typeof GeometryTooComplex>;

/** 400 answer of a route that checks geometry: a plain problem, or one with the geometry fault. */
export const SketchBadRequest = Type.Object({ ...Problem.properties, geometry_fault: Type.Optional(GeometryFault) });

/** POST /api/sketches/validate: measures of a valid geometry (EPSG:25832 metres). */
export const GeometryValidity = Type.Object({
  valid: Type.Literal(true),
  area_m2: Nullable(Type.Number()),
  perimeter_m: Nullable(Type.Number()),
  length_m: Nullable(Type.Number()),
});
export type GeometryValidity = Static<typeof GeometryValidity>;

export const GeometryOnly = Type.Object({ geometry: GeometryInput }, { additionalProperties: false });

export const CONSTRAINT_KINDS = ['flood', 'dike_buffer', 'nature', 'site', 'sketch'] as const;
export const ConstraintKind = oneOf(CONSTRAINT_KINDS);
export type ConstraintKind = Static<typeof ConstraintKind>;

const constraintItemFields = {
  kind: ConstraintKind,
  ref: Type.String({ description: 'site id, sketch uuid, flood-<level>-with_dike|without_dike, koege-dige-buffer-50' }),
  name: Type.String(),
  layer_id: Nullable(Type.String()),
  accuracy: Type.String(),
  level_m: Type.Optional(Type.Number({ description: 'flood items: still-water level, metres DVR90' })),
  dike: Type.Optional(Type.Union([Type.Literal('with'), Type.Literal('without')])),
  overlap_area_m2: Type.Number({ description: 'm² in EPSG:25832 (0 for lines and points)' }),
  overlap_share: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'share of the sketch’s area (lines: of its length; points: of its points)',
  }),
  overlap_length_m: Type.Optional(Type.Number({ description: 'lines: overlapping length, metres' })),
};

/** One overlap of a checked geometry, without the overlap's geometry (exports, comparisons). */
export const ConstraintItemSummary = Type.Object(constraintItemFields);
export type ConstraintItemSummary = Static<typeof ConstraintItemSummary>;

/** One overlap of a checked geometry, with the overlap (EPSG:4326). */
export const ConstraintItem = Type.Object({ ...constraintItemFields, geometry: Geometry });
export type ConstraintItem = Static<typeof ConstraintItem>;

export const ConstraintReport = Type.Object({
  geometry_area_m2: Nullable(Type.Number()),
  geometry_length_m: Nullable(Type.Number()),
  checked_at: Type.String({ format: 'date-time' }),
  items: Type.Array(ConstraintItem),
});
export type ConstraintReport = Static<typeof ConstraintReport>;

/** Body of POST /api/constraints. */
export const ConstraintQuery = Type.Object(
  { geometry: GeometryInput, exclude_sketch: Type.Optional(SketchId) },
  { additionalProperties: false },
);
export type ConstraintQuery = Static<typeof ConstraintQuery>;

const ComparedSketch = Type.Object({
  id: SketchId,
  version: Type.Integer(),
  title: Type.String(),
  area_m2: Nullable(Type.Number()),
  length_m: Nullable(Type.Number()),
  constraints: Type.Array(ConstraintItemSummary),
});

/** GET /api/sketches/compare: two sketches and the difference between them (m², EPSG:25832). */
export const SketchComparison = Type.Object({
  a: ComparedSketch,
  b: ComparedSketch,
  intersection_area_m2: Type.Number(),
  only_a_area_m2: Type.Number(),
  only_b_area_m2: Type.Number(),
  union_area_m2: Type.Number(),
  only_a: Nullable(Geometry),
  only_b: Nullable(Geometry),
  intersection: Nullable(Geometry),
});
export type SketchComparison = Static<typeof SketchComparison>;
