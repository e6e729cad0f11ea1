import { Type, type Static } from '@sinclair/typebox';
import { Accuracy, Nullable, PlanUse, Slug, TenderStatus } from './common';
import { Bbox } from './geojson';

/** The nearest feature of a kind (station, motorway junction), with its distance in metres in EPSG:25832. */
const Nearest = Nullable(Type.Object({ id: Slug, name: Type.String(), distance_m: Type.Number() }));

/** One plot of the plot finder (issue #4). */
export const Plot = Type.Object({
  id: Slug,
  layer: Slug,
  name: Type.String(),
  area_m2: Type.Number(),
  plan_use: Nullable(PlanUse),
  max_height_m: Nullable(Type.Number()),
  plot_ratio_pct: Nullable(Type.Number()),
  tender_status: Nullable(TenderStatus),
  planned_year: Nullable(Type.Integer()),
  opens_on: Nullable(Type.String({ format: 'date' })),
  closes_on: Nullable(Type.String({ format: 'date' })),
  nearest_station: Nearest,
  nearest_junction: Nearest,
  accuracy: Accuracy,
  source: Type.String(),
  bbox: Bbox,
});
export type Plot = Static<typeof Plot>;

export const PlotList = Type.Object({ count: Type.Integer(), plots: Type.Array(Plot) });
export type PlotList = Static<typeof PlotList>;

/** Sort keys of the plot list; a leading `-` sorts descending. */
export const PLOT_SORTS = ['area', 'station', 'junction', 'tender'] as const;
export type PlotSort = (typeof PLOT_SORTS)[number];

/** The plot finder's filters, as parsed from the query string (see parsePlotQuery). */
export interface PlotFilter {
  statuses?: Static<typeof TenderStatus>[];
  plannedYear?: number;
  uses?: Static<typeof PlanUse>[];
  /** Plots that a Plandata plan with one of these general uses (anvgen) covers. */
  generalUses?: string[];
  minAreaM2?: number;
  maxAreaM2?: number;
  /** Plots whose building rights allow at least this height, in metres. */
  minHeightM?: number;
  maxStationM?: number;
  maxJunctionM?: number;
  /** Only plots this stored flood extent does not reach (issue #4: "outside the flood scenario of N m"). */
  outsideFlood?: { model: string; levelCm: number; dike: boolean };
  sort: PlotSort;
  descending: boolean;
}

const QueryText = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));

/** The finder's query parameters, shared by the list, its exports and its feed (parsed by parsePlotQuery). */
export const PlotFilterParams = {
  status: QueryText('comma-separated tender statuses, e.g. open,planned'),
  planned_year: QueryText('year the tender is planned for, e.g. 2027'),
  use: QueryText('comma-separated plan uses, e.g. production,logistics'),
  anvgen: QueryText(
    'comma-separated Plandata general uses (anvgen) of an imported plan covering the plot, e.g. 31 (erhverv),21',
  ),
  min_area: QueryText('smallest area in m²'),
  max_area: QueryText('largest area in m²'),
  min_height: QueryText('building height the plan must allow at least, in metres'),
  max_station_m: QueryText('greatest distance to the nearest station, in metres'),
  max_junction_m: QueryText('greatest distance to the nearest motorway junction, in metres'),
  outside_flood: QueryText('only plots the flood of this still-water level (metres DVR90, 0–4) does not reach'),
  flood_dike: QueryText('with (default: Køge Dige holds the sea up to 2.8 m) or without, for outside_flood'),
  sort: QueryText('area, station, junction or tender; a leading - sorts descending'),
};
export const PlotQuery = Type.Object(PlotFilterParams, { additionalProperties: false });
