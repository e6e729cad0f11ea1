import { Type, type Static } from '@sinclair/typebox';
import { Accuracy, Nullable, PlanUse, Slug, TenderStatus, Theme } from '@shared/schemas/common';
import { GeometryKind, LayerStyle } from '@shared/schemas/layer';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const ActionNumber = Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{1,2}$' });

/** data/policy.json */
export const PolicyFile = Type.Object({
  source: Type.Object({ title: Type.String(), publisher: Type.String(), file: Type.String() }),
  initiatives: Type.Array(
    Type.Object({
      number: Type.Integer({ minimum: 1, maximum: 99 }),
      title: Type.String({ minLength: 1 }),
      goal: Type.String({ minLength: 1 }),
      actions: Type.Array(Type.Object({ number: ActionNumber, text: Type.String({ minLength: 1 }) }), { minItems: 1 }),
    }),
  ),
});
export type PolicyFile = Static<typeof PolicyFile>;

/** data/layers.json */
export const LayersFile = Type.Array(
  Type.Object({
    id: Slug,
    title_da: Type.String({ minLength: 1 }),
    title_en: Type.String({ minLength: 1 }),
    theme: Theme,
    geometry_type: GeometryKind,
    sort_order: Type.Integer(),
    style: LayerStyle,
    /** Zoom range in which the layer is drawn and its tiles are served. */
    min_zoom: Type.Integer({ minimum: 0, maximum: 22 }),
    max_zoom: Type.Integer({ minimum: 0, maximum: 22 }),
    /**
     * Features from an official DAGI file in data/ (dagiSeedFeatures.ts) instead of data/layers/<id>.geojson.
     * `only`/`except` pick municipalities by code.
     */
    dagi: Type.Optional(
      Type.Object({
        file: Type.String({ pattern: '^dagi/[a-z0-9_]+\\.geojson$' }),
        kind: Type.Union([
          Type.Literal('kommuner'),
          Type.Literal('postnumre'),
          Type.Literal('sea'),
          Type.Literal('kommune-labels'),
        ]),
        only: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{4}$' }))),
        except: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{4}$' }))),
      }),
    ),
  }),
);
export type LayersFile = Static<typeof LayersFile>;

export const SeedTender = Type.Object({
  status: TenderStatus,
  planned_year: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
  opens_on: Nullable(IsoDate),
  closes_on: Nullable(IsoDate),
  history: Type.Array(
    Type.Object({ at: IsoDate, from_status: Nullable(TenderStatus), to_status: TenderStatus, note: Type.String() }),
    { minItems: 1 },
  ),
});

export type SeedTender = Static<typeof SeedTender>;

/** Properties every seed feature carries; `source` and `accuracy` are mandatory (data truth). */
export const SeedProperties = Type.Object({
  id: Slug,
  name: Type.String({ minLength: 1 }),
  kind: Type.String({ minLength: 1 }),
  plan_use: Nullable(PlanUse),
  max_height_m: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  plot_ratio_pct: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  building_rights: Nullable(Type.String()),
  description: Type.String(),
  source: Type.String({ minLength: 1 }),
  accuracy: Accuracy,
  actions: Type.Array(ActionNumber),
  tender: Nullable(SeedTender),
  attributes: Type.Record(Type.String(), Type.Unknown()),
});
export type SeedProperties = Static<typeof SeedProperties>;

export const SeedFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }),
      properties: SeedProperties,
    }),
  ),
});
export type SeedFeatureCollection = Static<typeof SeedFeatureCollection>;
