import type { Geometry } from '@shared/schemas/geojson';
import type { ConstraintItemSummary, SketchFeature } from '@shared/schemas/sketch';
import { writeGeoPackage, type GpkgSrs } from './writeGeoPackage';

/** A sketch to export: its feature (EPSG:4326), its stored geometry in EPSG:25832, and what it overlaps. */
export interface SketchExportItem {
  feature: SketchFeature;
  geometry25832: Geometry;
  wkb25832: Uint8Array;
  constraints: ConstraintItemSummary[];
}

export type SketchExportCrs = 4326 | 25832;

/** File names that say what is inside: the CRS is part of the name. */
export const sketchExportFileName = (format: 'geojson' | 'gpkg', crs: SketchExportCrs) =>
  `koege-sketches-EPSG${crs}.${format}`;

/**
 * The sketches as a GeoJSON FeatureCollection. EPSG:4326 is plain RFC 7946 (no `crs` member). EPSG:25832 is
 * not RFC 7946: it carries the legacy `crs` member that GDAL and QGIS read, and every feature states its CRS.
 * Each feature's properties hold its constraint report's items (without the overlaps' geometry).
 */
export function sketchesToGeoJson(items: readonly SketchExportItem[], crs: SketchExportCrs) {
  const utm = crs === 25832;
  return {
    type: 'FeatureCollection' as const,
    ...(utm ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } } : {}),
    features: items.map(({ feature, geometry25832, constraints }) => ({
      type: 'Feature' as const,
      id: feature.id,
      geometry: utm ? geometry25832 : feature.geometry,
      properties: { ...feature.properties, crs: `EPSG:${crs}`, constraints },
    })),
  };
}

/** ETRS89 / UTM zone 32N as GDAL writes it into gpkg_spatial_ref_sys (OGC WKT 1). */
export const EPSG_25832_SRS: GpkgSrs = {
  srsId: 25832,
  name: 'ETRS89 / UTM zone 32N',
  organization: 'EPSG',
  organizationId: 25832,
  definition:
    'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",' +
    'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],' +
    'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
    'AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
    'PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],' +
    'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
    'AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]',
  description: 'ETRS89 / UTM zone 32N, the Danish standard (easting, northing in metres)',
};

/**
 * The sketches as a GeoPackage in EPSG:25832: feature table `sketches` (one row per sketch, the stored geometry)
 * and attribute table `sketch_constraints` (one row per overlap, keyed by sketch_id and the sketch's fid).
 */
export function sketchesToGeoPackage(items: readonly SketchExportItem[], lastChange = new Date()): Promise<Uint8Array> {
  return writeGeoPackage({
    lastChange,
    srs: [EPSG_25832_SRS],
    tables: [
      {
        dataType: 'features',
        name: 'sketches',
        description: 'Planners’ sketches (drafts, illustrative) from Køge Erhvervskort, EPSG:25832',
        srsId: 25832,
        columns: [
          { name: 'sketch_id', type: 'TEXT' },
          { name: 'version', type: 'INTEGER' },
          { name: 'title', type: 'TEXT' },
          { name: 'proposed_use', type: 'TEXT' },
          { name: 'action_number', type: 'TEXT' },
          { name: 'note', type: 'TEXT' },
          { name: 'area_m2', type: 'REAL' },
          { name: 'perimeter_m', type: 'REAL' },
          { name: 'length_m', type: 'REAL' },
          { name: 'change', type: 'TEXT' },
          { name: 'updated_at', type: 'DATETIME' },
          { name: 'updated_by', type: 'TEXT' },
          { name: 'created_at', type: 'DATETIME' },
          { name: 'status', type: 'TEXT' },
          { name: 'accuracy', type: 'TEXT' },
          { name: 'source', type: 'TEXT' },
          { name: 'constraint_count', type: 'INTEGER' },
        ],
        rows: items.map(({ feature: { properties: p }, wkb25832, constraints }) => ({
          wkb: wkb25832,
          values: {
            sketch_id: p.id,
            version: p.version,
            title: p.title,
            proposed_use: p.proposed_use,
            action_number: p.action_number,
            note: p.note,
            area_m2: p.area_m2,
            perimeter_m: p.perimeter_m,
            length_m: p.length_m,
            change: p.change,
            updated_at: p.updated_at,
            updated_by: p.updated_by.name,
            created_at: p.created_at,
            status: p.status,
            accuracy: p.accuracy,
            source: p.source,
            constraint_count: constraints.length,
          },
        })),
      },
      {
        dataType: 'attributes',
        name: 'sketch_constraints',
        description: 'What each sketch overlaps (flood scenarios, dike zone, nature, sites, other sketches), m²',
        columns: [
          { name: 'sketch_id', type: 'TEXT' },
          { name: 'sketch_fid', type: 'INTEGER' },
          { name: 'kind', type: 'TEXT' },
          { name: 'ref', type: 'TEXT' },
          { name: 'name', type: 'TEXT' },
          { name: 'layer_id', type: 'TEXT' },
          { name: 'accuracy', type: 'TEXT' },
          { name: 'level_m', type: 'REAL' },
          { name: 'dike', type: 'TEXT' },
          { name: 'overlap_area_m2', type: 'REAL' },
          { name: 'overlap_share', type: 'REAL' },
          { name: 'overlap_length_m', type: 'REAL' },
        ],
        rows: items.flatMap(({ feature, constraints }, i) =>
          constraints.map((c) => ({
            values: {
              sketch_id: feature.id,
              // Feature rows are inserted in order from fid 1.
              sketch_fid: i + 1,
              kind: c.kind,
              ref: c.ref,
              name: c.name,
              layer_id: c.layer_id,
              accuracy: c.accuracy,
              level_m: c.level_m ?? null,
              dike: c.dike ?? null,
              overlap_area_m2: c.overlap_area_m2,
              overlap_share: c.overlap_share,
              overlap_length_m: c.overlap_length_m ?? null,
            },
          })),
        ),
      },
    ],
  });
}
