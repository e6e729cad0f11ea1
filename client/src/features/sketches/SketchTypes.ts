import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PLANDATA_GENERAL_USES } from '../../../../shared/schemas/vocabulary';

// The sketch API's shapes (issue #6), written from /work/scratch/sketch-contract.md. Geometry is GeoJSON
// EPSG:4326 (RFC 7946) on the wire; areas and lengths are metres computed by PostGIS in EPSG:25832.

/** Plandata's general use code (anvgen): '31' = erhverv. */
export type PlandataUse = (typeof PLANDATA_GENERAL_USES)[number];

/** How a sketch version came about. */
export type SketchChange = 'created' | 'edited' | 'restored' | 'imported' | 'repaired';

/** Who made a change: the display name and role, never the e-mail. */
export interface SketchActor {
  name: string;
  role: 'planner' | 'admin' | null;
}

/** The attributes a planner edits. `action_number` links a policy action (HANDLING), e.g. '1.2'. */
export interface SketchAttributes {
  title: string;
  proposed_use: PlandataUse;
  action_number: string | null;
  note: string;
}

export interface SketchProperties extends SketchAttributes {
  id: string;
  version: number;
  /** m², EPSG:25832; null unless the geometry is a polygon. */
  area_m2: number | null;
  /** m, EPSG:25832; null unless the geometry is a polygon. */
  perimeter_m: number | null;
  /** m, EPSG:25832; null unless the geometry is a line. */
  length_m: number | null;
  change: SketchChange;
  restored_from: number | null;
  updated_at: string;
  updated_by: SketchActor;
  created_at: string;
  deleted_at: string | null;
  status: 'draft';
  source: string;
  accuracy: 'illustrative';
}

/** A sketch's current (or one old) version as a GeoJSON Feature in EPSG:4326; `id` is the sketch's uuid. */
export type SketchFeature = Feature<Geometry, SketchProperties> & { id: string };

export type SketchCollection = FeatureCollection<Geometry, SketchProperties> & { features: SketchFeature[] };

/** `POST /api/sketches` body; `repair: true` stores ST_MakeValid's repair of an invalid geometry. */
export interface SketchCreateBody extends SketchAttributes {
  geometry: Geometry;
  repair?: boolean;
}

/** `PUT /api/sketches/:id` body: `version` is the version the editor saw (412 when stale). */
export interface SketchUpdateBody extends SketchCreateBody {
  version: number;
}

/** One row of `GET /api/sketches/:id/versions` (newest first). */
export interface SketchVersionInfo extends SketchAttributes {
  version: number;
  area_m2: number | null;
  perimeter_m: number | null;
  length_m: number | null;
  change: SketchChange;
  restored_from: number | null;
  at: string;
  actor: SketchActor;
}

export interface SketchVersionList {
  versions: SketchVersionInfo[];
}

/** `POST /api/sketches/validate`'s answer for a valid geometry (an invalid one is a 400 with a GeometryFault). */
export interface SketchValidation {
  valid: true;
  area_m2: number | null;
  perimeter_m: number | null;
  length_m: number | null;
}

/** The `geometry_fault` member of a 400 invalid-geometry problem. */
export interface GeometryFault {
  /** ST_IsValidDetail's reason, or ours: 'too few points', 'outside Denmark', … */
  reason: string;
  /** Where the fault is, [lon, lat] EPSG:4326; null when PostGIS names no place. */
  location: [number, number] | null;
  repairable: boolean;
  /** ST_MakeValid's preview, same dimension as the input, EPSG:4326. */
  repaired: Geometry | null;
}

export type ConstraintKind = 'flood' | 'dike_buffer' | 'nature' | 'site' | 'sketch';

/** One overlap of a sketch with a constraint; only overlaps > 0 are listed. */
export interface ConstraintItem {
  kind: ConstraintKind;
  /** Site id, sketch uuid, 'flood-1.80-with_dike', 'koege-dige-buffer-50'. */
  ref: string;
  name: string;
  layer_id: string | null;
  accuracy: string;
  /** Flood items: the water level, metres DVR90. */
  level_m?: number;
  dike?: 'with' | 'without';
  /** m² (0 for lines and points). */
  overlap_area_m2: number;
  /** 0..1 of the sketch's area (for lines: of its length). */
  overlap_share: number;
  /** m, lines only. */
  overlap_length_m?: number;
  /** The overlap itself, EPSG:4326. */
  geometry: Geometry;
}

export type ConstraintItemSummary = Omit<ConstraintItem, 'geometry'>;

export interface ConstraintReport {
  geometry_area_m2: number | null;
  geometry_length_m: number | null;
  checked_at: string;
  items: ConstraintItem[];
}

/** One side of `GET /api/sketches/compare`. */
export interface ComparedSketch {
  id: string;
  version: number;
  title: string;
  area_m2: number | null;
  length_m: number | null;
  constraints: ConstraintItemSummary[];
}

export interface SketchComparison {
  a: ComparedSketch;
  b: ComparedSketch;
  intersection_area_m2: number;
  only_a_area_m2: number;
  only_b_area_m2: number;
  union_area_m2: number;
  only_a: Geometry | null;
  only_b: Geometry | null;
  intersection: Geometry | null;
}

export interface ImportPreviewFeature {
  index: number;
  geometry: Geometry;
  properties: { title: string; proposed_use: PlandataUse; note: string; action_number: string | null };
  fault: GeometryFault | null;
}

/** `POST /api/sketches/import?dry_run=true`'s answer: nothing is saved. */
export interface ImportPreview {
  crs: 'EPSG:4326' | 'EPSG:25832';
  crs_reason: 'declared' | 'detected from coordinate range' | '.prj' | 'default';
  source_format: 'geojson' | 'shapefile';
  feature_count: number;
  features: ImportPreviewFeature[];
  valid: boolean;
}

/** `POST /api/sketches/import?dry_run=false`'s answer (201): every feature saved in one transaction. */
export interface ImportResult {
  created: SketchFeature[];
}

/** What the map (helper C1's MapController) draws for the sketch panel; serialisable. */
export interface SketchOverlay {
  /** An old version being viewed. */
  preview: SketchFeature | null;
  /** The last save's geometry fault: where, and ST_MakeValid's repair. */
  fault: { location: [number, number] | null; repaired: Geometry | null } | null;
  /** Overlaps of the selected sketch or the draft, drawn by kind. */
  constraints: ConstraintItem[] | null;
  /** `ref` of the constraint item hovered or focused in the list. */
  highlightedConstraintRef: string | null;
  comparison: { only_a: Geometry | null; only_b: Geometry | null; intersection: Geometry | null } | null;
  /** An import's dry run: every feature of the file, `faulty` when its geometry has a fault (nothing saved yet). */
  imported: FeatureCollection<Geometry, ImportedFeatureProperties> | null;
}

export interface ImportedFeatureProperties {
  index: number;
  title: string;
  faulty: boolean;
}
