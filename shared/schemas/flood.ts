import { Type, type Static } from '@sinclair/typebox';
import { Accuracy, Nullable, Slug, TenderStatus } from './common';
import { Geometry } from './geojson';

/** `with` (the dike blocks the sea up to its crest) or `without` (today's coast without it). */
export const DikeState = Type.Union([Type.Literal('with'), Type.Literal('without')], {
  description: 'with: Køge Dige blocks the sea up to its crest (2.8 m DVR90); without: as if it were not there',
});
export type DikeState = Static<typeof DikeState>;

/** The level query parameter: metres DVR90, checked and rounded to centimetres by parseFloodLevel. */
export const LevelParam = Type.String({ maxLength: 12, description: 'water level in metres DVR90, 0–4, e.g. 1.8' });

/** What every flood answer says about the model behind it. */
const ModelFacts = {
  level_m: Type.Number({ description: 'still-water level, metres DVR90' }),
  dike: DikeState,
  model: Type.String({ description: 'hash of the terrain model and barriers the extent was computed from' }),
  source: Type.String({ description: 'the terrain model' }),
  accuracy: Accuracy,
};

/** `GET /api/flood`: the flooded land at one level, as a GeoJSON Feature in EPSG:4326. */
export const FloodExtentFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Geometry,
  properties: Type.Object({
    ...ModelFacts,
    flooded_area_m2: Type.Number({ description: 'flooded land within the terrain model, m² (EPSG:25832)' }),
  }),
});

export const AffectedSite = Type.Object({
  id: Slug,
  name: Type.String(),
  layer: Slug,
  kind: Type.String(),
  tender_status: Nullable(TenderStatus),
  flooded_area_m2: Nullable(Type.Number({ description: 'polygons: flooded part, m²' })),
  area_m2: Nullable(Type.Number()),
  flooded_length_m: Nullable(Type.Number({ description: 'lines: flooded length, m' })),
  length_m: Nullable(Type.Number()),
  accuracy: Accuracy,
});
export type AffectedSite = Static<typeof AffectedSite>;

/** `GET /api/flood/affected`: the sites the flood reaches, most flooded first. */
export const AffectedList = Type.Object({
  ...ModelFacts,
  flooded_area_m2: Type.Number(),
  count: Type.Integer(),
  sites: Type.Array(AffectedSite),
});

const Exposure = Type.Object({
  flooded: Type.Number({ description: 'm² for polygons, metres for lines, 1 or 0 for points' }),
  share: Nullable(Type.Number({ description: 'flooded part of the whole, 0–1 (polygons and lines)' })),
});

/** `GET /api/sites/:id/flood`: how much of one site each named scenario floods, with and without the dike. */
export const SiteFloodExposure = Type.Object({
  site_id: Slug,
  unit: Type.Union([Type.Literal('m2'), Type.Literal('m'), Type.Literal('point')]),
  model: Type.String(),
  source: Type.String(),
  accuracy: Accuracy,
  cell_size_m: Type.Number({ description: 'resolution of the terrain model' }),
  scenarios: Type.Array(
    Type.Object({ id: Type.String(), level_m: Type.Number(), with_dike: Exposure, without_dike: Exposure }),
  ),
});
export type SiteFloodExposure = Static<typeof SiteFloodExposure>;
