import { Readable } from 'node:stream';

/** At most this many features: municipality codes have four digits. */
const MAX_FEATURES = 10_000;

/**
 * A GeoJSON FeatureCollection of about `megabytes` MB, made as it is read (never whole in memory): municipality-like
 * squares in EPSG:25832 around Køge, each with a long description, so that the bytes grow faster than the features.
 */
export function largeGeoJson(megabytes: number): { stream: Readable; features: number; bytes: number } {
  const padding = 'x'.repeat(Math.ceil((megabytes * 1_000_000) / MAX_FEATURES));
  const feature = (i: number) => {
    const x = 690_000 + (i % 100) * 100;
    const y = 6_140_000 + Math.floor(i / 100) * 100;
    const ring = [
      [x, y],
      [x + 90, y],
      [x + 90, y + 90],
      [x, y + 90],
      [x, y],
    ];
    return JSON.stringify({
      type: 'Feature',
      properties: { kode: String(i).padStart(4, '0'), navn: `Område ${i}`, beskrivelse: padding },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  };
  const perFeature = feature(0).length + 2;
  const features = Math.min(MAX_FEATURES, Math.ceil((megabytes * 1_000_000) / perFeature));
  let bytes = 0;
  function* text() {
    yield '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[\n';
    for (let i = 0; i < features; i++) {
      const line = `${feature(i)}${i < features - 1 ? ',' : ''}\n`;
      bytes += line.length;
      yield line;
    }
    yield ']}\n';
  }
  return {
    stream: Readable.from(text(), { objectMode: false, encoding: 'utf8' }),
    features,
    get bytes() {
      return bytes;
    },
  };
}
