/** The rows an OSM read produces, as the reader (readOsmElements) hands them to the stage writers. */

/** What an OSM read left out, for the report. */
export interface OsmSkips {
  /** Ways of no class the map draws (boundaries, fences, …). */
  unclassified: number;
  /** Ways with a node not in the file (an extract cut through them), or too few nodes for their shape. */
  incomplete: number;
}

/** What a drawn way is, whichever way its geometry is made. */
interface OsmWayBase {
  /** 1-based position among the file's ways. */
  n: number;
  /** The line its `<way>` opens on. */
  line: number;
  /** OSM way id (decimal digits). */
  id: string;
  layerId: string;
  kind: string;
  /** The `name` and `ref` tags, null when absent or empty. */
  name: string | null;
  ref: string | null;
}

/** A drawn way with its geometry built while reading (its nodes were in memory). */
export interface OsmBuiltWay extends OsmWayBase {
  geom: string;
  geom3857: string;
  /** PostGIS must validate it (osmGeometry.wayGeometry). */
  check: boolean;
}

/** A drawn way staged by its nodes' ids, its geometry built in the database (the nodes went there). */
export interface OsmWayRow extends OsmWayBase {
  /** A closed ring of an area class (building, water, land use): a polygon; otherwise a line. */
  polygon: boolean;
  /** Node ids (decimal digits, possibly negative as editors write new nodes), in order. */
  refs: string[];
}

/** A way of no drawn class, by its line in EPSG:25832: a possible part of a multipolygon relation's rings. */
export interface OsmMemberLine {
  id: string;
  geom: string;
}

/** A multipolygon relation of a drawn area class (water, land use, building), with its ways' ids. */
export interface OsmRelationRow {
  /** 1-based position among the file's relations. */
  n: number;
  line: number;
  id: string;
  layerId: string;
  kind: string;
  name: string | null;
  ref: string | null;
  ways: string[];
}

/** The elements of one piece of the file. */
export interface OsmBatch {
  /** Nodes for the database, as parallel arrays: only once the node store was full. */
  nodeIds: number[];
  lons: number[];
  lats: number[];
  built: OsmBuiltWay[];
  /** Ways for the database to build: only once the node store was full. A layerId '' marks a member line. */
  ways: OsmWayRow[];
  members: OsmMemberLine[];
  relations: OsmRelationRow[];
}

/** How the file turned out, known once it is read. */
export interface OsmReadState {
  /** The nodes outgrew the store and went to the database (so did the ways' node ids). */
  spilled: boolean;
  /** Every way id was larger than the one before: no id can be listed twice. */
  waysOrdered: boolean;
  ways: number;
  /** Ways built while reading whose geometry PostGIS must still check (polygons, mostly). */
  unchecked: number;
}
