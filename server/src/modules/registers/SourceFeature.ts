/** The two CRSs an official Danish register comes in. */
export type RegisterSrid = 4326 | 25832;

/** One feature as a reader hands it on, geometry as GeoJSON-like coordinates in x, y order (lon/lat, E/N). */
export interface SourceFeature {
  /** 1-based position in the source. */
  n: number;
  /** The line the reader was on when the feature was complete (GeoJSON) or began (GML). */
  line: number | undefined;
  /** The feature's own id, where the format has one (GeoJSON `id`, GML `gml:id`). */
  fid: string | undefined;
  /** The feature type: a GML element's local name, or the prefix of a WFS GeoJSON id ("lokalplan.12"). */
  typeName: string | undefined;
  properties: Record<string, unknown>;
  geometry: unknown;
  srid: RegisterSrid;
  /** The CRS as the source names it, for messages; null when it names none. */
  crsName: string | null;
}

/** What a reader learns about the whole page besides its features (WFS paging). */
export interface SourceSummary {
  features: number;
  /** numberMatched, when the response says. */
  numberMatched?: number;
  /** The next page's URL (GeoJSON `links` rel=next, WFS 2.0 `next` attribute). */
  next?: string;
}
