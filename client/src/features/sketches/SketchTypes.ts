import type { Static } from '@sinclair/typebox';
import type { FeatureCollection, Geometry as GeoJsonGeometry } from 'geojson';
import type { Geometry } from '@shared/schemas/geojson';
import type {
  ConstraintItem,
  ConstraintItemSummary,
  ConstraintKind,
  ConstraintReport,
  GeometryFault,
  GeometryValidity,
  ProposedUse,
  SketchActor,
  SketchChange,
  SketchCollection,
  SketchComparison,
  SketchFeature,
  SketchProperties,
  SketchVersionEntry,
  SketchVersions,
} from '@shared/schemas/sketch';
import type { ImportCreated, ImportPreview as ImportPreviewSchema } from '@shared/schemas/sketchExchange';

// The sketch API's shapes (issue #6), derived from the wire contract in shared/schemas (issue #17). Geometry is
// GeoJSON EPSG:4326 (RFC 7946) on the wire; areas and lengths are metres computed by PostGIS in EPSG:25832.

/** Plandata's general use code (anvgen): '31' = erhverv. */
export type PlandataUse = ProposedUse;
export type { SketchActor, SketchChange, SketchCollection, SketchFeature, SketchProperties };
/** The attributes a planner edits. `action_number` links a policy action (HANDLING), e.g. '1.2'. */
export type SketchAttributes = Pick<SketchProperties, 'title' | 'proposed_use' | 'action_number' | 'note'>;
/**
 * `POST /api/sketches` body; `repair: true` stores ST_MakeValid's repair of an invalid geometry. The geometry is the
 * draft as drawn, any GeoJSON geometry: the server checks it and names the fault.
 */
export type SketchCreateBody = SketchAttributes & { geometry: GeoJsonGeometry; repair?: boolean };
/** `PUT /api/sketches/:id` body: `version` is the version the editor saw (412 when stale). */
export type SketchUpdateBody = SketchCreateBody & { version: number };
/** One row of `GET /api/sketches/:id/versions` (newest first). */
export type SketchVersionInfo = SketchVersionEntry;
export type SketchVersionList = SketchVersions;
/** `POST /api/sketches/validate`'s answer for a valid geometry (an invalid one is a 400 with a GeometryFault). */
export type SketchValidation = GeometryValidity;
export type {
  ConstraintItem,
  ConstraintItemSummary,
  ConstraintKind,
  ConstraintReport,
  GeometryFault,
  SketchComparison,
};
/** One side of `GET /api/sketches/compare`. */
export type ComparedSketch = SketchComparison['a'];
/** `POST /api/sketches/import?dry_run=true`'s answer: nothing is saved. */
export type ImportPreview = Static<typeof ImportPreviewSchema>;
export type ImportPreviewFeature = ImportPreview['features'][number];
/** `POST /api/sketches/import?dry_run=false`'s answer (201): every feature saved in one transaction. */
export type ImportResult = Static<typeof ImportCreated>;

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
