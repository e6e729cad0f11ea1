import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import { geoPackageGeometry, wkbEnvelope, type Envelope } from './geoPackageGeometry';

/** A row of gpkg_spatial_ref_sys. */
export interface GpkgSrs {
  srsId: number;
  name: string;
  organization: string;
  organizationId: number;
  /** OGC WKT (version 1, as GDAL writes it). */
  definition: string;
  description: string;
}

export type GpkgValue = string | number | null;

export interface GpkgColumn {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL' | 'DATETIME';
}

interface TableBase {
  name: string;
  description: string;
  columns: readonly GpkgColumn[];
}

/** A feature table: `geom` (GeoPackageBinary of the row's ISO WKB) plus the attribute columns. */
export interface GpkgFeatureTable extends TableBase {
  dataType: 'features';
  srsId: number;
  rows: readonly { wkb: Uint8Array; values: Readonly<Record<string, GpkgValue>> }[];
}

/** A table without geometry, registered as data type 'attributes'. */
export interface GpkgAttributeTable extends TableBase {
  dataType: 'attributes';
  rows: readonly { values: Readonly<Record<string, GpkgValue>> }[];
}

/** 'GPKG' as the SQLite header's application_id (GeoPackage 1.2+). */
const GPKG_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.0. */
const GPKG_USER_VERSION = 10300;

/** The rows every GeoPackage must have (GeoPackage 1.3, requirement 11). */
const REQUIRED_SRS: readonly GpkgSrs[] = [
  {
    srsId: 4326,
    name: 'WGS 84 geodetic',
    organization: 'EPSG',
    organizationId: 4326,
    definition:
      'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
      'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
      'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' +
      'AUTHORITY["EPSG","4326"]]',
    description: 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  },
  {
    srsId: -1,
    name: 'Undefined cartesian SRS',
    organization: 'NONE',
    organizationId: -1,
    definition: 'undefined',
    description: 'undefined cartesian coordinate reference system',
  },
  {
    srsId: 0,
    name: 'Undefined geographic SRS',
    organization: 'NONE',
    organizationId: 0,
    definition: 'undefined',
    description: 'undefined geographic coordinate reference system',
  },
];

// Table and column names come from our code, never from a request; the check keeps it that way.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const ident = (name: string) => {
  if (!IDENTIFIER.test(name) || name === 'fid' || name === 'geom')
    throw new Error(`bad GeoPackage identifier "${name}"`);
  return `"${name}"`;
};

let sqlJs: Promise<SqlJsStatic> | undefined;

/** The ISO 8601 timestamp GeoPackage wants in gpkg_contents.last_change. */
const isoMillis = (d: Date) => d.toISOString();

const union = (a: Envelope | null, b: Envelope | null): Envelope | null =>
  a === null
    ? b
    : b === null
      ? a
      : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/**
 * A GeoPackage 1.3 file (SQLite, written in memory by sql.js, so no native build) holding the given tables.
 * Feature tables get a `fid` integer primary key and a `geom` column of geometry type GEOMETRY (any type, 2D);
 * attribute tables an `id` integer primary key. The -1, 0 and 4326 spatial reference systems are always there.
 */
export async function writeGeoPackage({
  srs,
  tables,
  lastChange = new Date(),
}: {
  srs: readonly GpkgSrs[];
  tables: readonly (GpkgFeatureTable | GpkgAttributeTable)[];
  lastChange?: Date;
}): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${GPKG_USER_VERSION}`);
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`);
    db.run(`CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`);
    db.run(`CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`);

    const srsIds = new Set<number>();
    for (const s of [...REQUIRED_SRS, ...srs]) {
      if (srsIds.has(s.srsId)) continue;
      srsIds.add(s.srsId);
      db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', [
        s.name,
        s.srsId,
        s.organization,
        s.organizationId,
        s.definition,
        s.description,
      ]);
    }

    for (const table of tables) {
      const columns = table.columns.map((c) => `${ident(c.name)} ${c.type}`);
      const names = table.columns.map((c) => c.name);
      const placeholders = names.map(() => '?');
      const values = (row: Readonly<Record<string, GpkgValue>>): SqlValue[] => names.map((n) => row[n] ?? null);
      if (table.dataType === 'features') {
        if (!srsIds.has(table.srsId)) throw new Error(`table ${table.name}: srs_id ${table.srsId} is not defined`);
        db.run(
          `CREATE TABLE ${ident(table.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY${columns.map((c) => `, ${c}`).join('')})`,
        );
        const insert = db.prepare(
          `INSERT INTO ${ident(table.name)} (geom${names.map((n) => `, ${ident(n)}`).join('')}) VALUES (?${placeholders.map((p) => `, ${p}`).join('')})`,
        );
        let extent: Envelope | null = null;
        for (const row of table.rows) {
          extent = union(extent, wkbEnvelope(row.wkb));
          insert.run([geoPackageGeometry({ srsId: table.srsId, wkb: row.wkb }), ...values(row.values)]);
        }
        insert.free();
        db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          table.name,
          'features',
          table.name,
          table.description,
          isoMillis(lastChange),
          ...(extent ?? [null, null, null, null]),
          table.srsId,
        ]);
        db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
          table.name,
          'geom',
          'GEOMETRY',
          table.srsId,
        ]);
      } else {
        db.run(
          `CREATE TABLE ${ident(table.name)} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${columns.map((c) => `, ${c}`).join('')})`,
        );
        const insert = db.prepare(
          `INSERT INTO ${ident(table.name)} (${names.map(ident).join(', ')}) VALUES (${placeholders.join(', ')})`,
        );
        for (const row of table.rows) insert.run(values(row.values));
        insert.free();
        db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL)', [
          table.name,
          'attributes',
          table.name,
          table.description,
          isoMillis(lastChange),
        ]);
      }
    }
    return db.export();
  } finally {
    db.close();
  }
}
