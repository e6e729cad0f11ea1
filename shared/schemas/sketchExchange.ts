import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common';
import { Geometry } from './geojson';
import { GeometryFault, ProposedUse, SketchFeature } from './sketch';

export const ImportCrs = Type.Union([Type.Literal('EPSG:4326'), Type.Literal('EPSG:25832')]);

export const ImportQuery = Type.Object(
  {
    dry_run: Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description: 'true: check and preview, save nothing; false: save every feature, or none',
    }),
    proposed_use: Type.Optional(ProposedUse),
  },
  { additionalProperties: false },
);

/** One feature of an import's preview: its geometry in EPSG:4326 (null when it has none we can read). */
export const ImportPreviewFeature = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  geometry: Nullable(Geometry),
  properties: Type.Object({
    title: Type.String(),
    proposed_use: ProposedUse,
    note: Type.String(),
    action_number: Nullable(Type.String()),
  }),
  fault: Nullable(GeometryFault),
});

/** POST /api/sketches/import?dry_run=true: what a commit would save; `valid` when every feature may be saved. */
export const ImportPreview = Type.Object({
  crs: ImportCrs,
  crs_reason: Type.Union([
    Type.Literal('declared'),
    Type.Literal('detected from coordinate range'),
    Type.Literal('.prj'),
    Type.Literal('default'),
  ]),
  source_format: Type.Union([Type.Literal('geojson'), Type.Literal('shapefile')]),
  feature_count: Type.Integer(),
  features: Type.Array(ImportPreviewFeature),
  valid: Type.Boolean(),
});
export type ImportPreview = Static<typeof ImportPreview>;

/** POST /api/sketches/import?dry_run=false: every feature saved, in one transaction. */
export const ImportCreated = Type.Object({ created: Type.Array(SketchFeature) });

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const Ids = Type.Optional(
  Type.String({
    maxLength: 37 * 500,
    pattern: `^${UUID}(,${UUID})*$`,
    description: 'comma-separated sketch uuids; all live sketches when absent',
  }),
);

export const ExportGeoJsonQuery = Type.Object(
  { crs: Type.Optional(Type.Union([Type.Literal('4326'), Type.Literal('25832')])), ids: Ids },
  { additionalProperties: false },
);

export const ExportGpkgQuery = Type.Object({ ids: Ids }, { additionalProperties: false });
