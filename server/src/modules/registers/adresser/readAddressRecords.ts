import { readGeoJsonFeatures } from '../readGeoJsonFeatures';
import { peekFirstCharacter } from '../peekFirstCharacter';
import { RegisterImportError } from '../RegisterImportError';
import type { RegisterSrid } from '../SourceFeature';
import { readCsvRecords } from './readCsvRecords';

/** One address as a file gives it, before its fields are checked. */
export interface AddressRecord {
  n: number;
  line: number | undefined;
  properties: Record<string, unknown>;
  /** The point: EPSG:25832 easting/northing or lon/lat degrees, as `srid` says; unchecked. */
  x: unknown;
  y: unknown;
  srid: RegisterSrid;
  crsName: string | null;
}

// Dataforsyningen's CSV of adgangsadresser carries both: ETRS89 / UTM 32N metres and WGS84 degrees.
const CSV_POINTS: { x: string; y: string; srid: RegisterSrid; name: string }[] = [
  { x: 'etrs89koordinat_øst', y: 'etrs89koordinat_nord', srid: 25832, name: 'EPSG:25832 (etrs89koordinat_øst/nord)' },
  {
    x: 'wgs84koordinat_længde',
    y: 'wgs84koordinat_bredde',
    srid: 4326,
    name: 'EPSG:4326 (wgs84koordinat_længde/bredde)',
  },
];

/**
 * The addresses of a Dataforsyningen file, streamed: a GeoJSON FeatureCollection of points (the first character
 * that is not white space is `{`) or CSV with a header line. A CSV without coordinate columns is refused at its
 * header, naming the columns it needs.
 */
export async function* readAddressRecords(
  chunks: AsyncIterable<string>,
  source: string,
): AsyncGenerator<AddressRecord> {
  const { first, chunks: all } = await peekFirstCharacter(chunks, source);
  if (first === '{') {
    for await (const f of readGeoJsonFeatures(all, source)) {
      const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
      const c = g?.type === 'Point' && Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : [];
      yield {
        n: f.n,
        line: f.line,
        properties: { id: f.fid, ...f.properties },
        x: c[0],
        y: c[1],
        srid: f.srid,
        crsName: f.crsName,
      };
    }
    return;
  }
  let columns: (typeof CSV_POINTS)[number] | undefined;
  for await (const r of readCsvRecords(all, source)) {
    columns ??= CSV_POINTS.find((p) => p.x in r.values && p.y in r.values);
    if (!columns) {
      throw new RegisterImportError(
        source,
        'line 1',
        `no coordinate columns: CSV needs ${CSV_POINTS.map((p) => `${p.x} and ${p.y}`).join(', or ')}`,
      );
    }
    const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
    yield {
      n: r.n,
      line: r.line,
      properties: r.values,
      x: num(r.values[columns.x]),
      y: num(r.values[columns.y]),
      srid: columns.srid,
      crsName: columns.name,
    };
  }
}
