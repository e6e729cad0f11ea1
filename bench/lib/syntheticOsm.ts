import { Readable } from 'node:stream';

/**
 * OSM XML with `ways` residential roads of 4 nodes each on a grid around Køge (3 × `ways` + 1 nodes), made as it
 * is read, never whole in memory: the OSM import benchmark's input (issue #16: at least 100k ways).
 */
export function syntheticOsm(ways: number): Readable {
  const columns = 1000;
  const lon = (i: number) => (12.0 + (i % columns) * 0.0004).toFixed(7);
  const lat = (i: number) => (55.4 + Math.floor(i / columns) * 0.0001).toFixed(7);
  const nodes = ways * 3 + 1;
  function* text() {
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="koege bench">\n';
    const lines: string[] = [];
    for (let i = 1; i <= nodes; i++) {
      lines.push(`  <node id="${i}" version="1" lat="${lat(i)}" lon="${lon(i)}"/>\n`);
      if (lines.length === 2000) yield lines.splice(0).join('');
    }
    for (let w = 0; w < ways; w++) {
      const first = w * 3 + 1;
      lines.push(
        `  <way id="${w + 1}" version="1">\n    <nd ref="${first}"/>\n    <nd ref="${first + 1}"/>\n` +
          `    <nd ref="${first + 2}"/>\n    <nd ref="${first + 3}"/>\n    <tag k="highway" v="residential"/>\n` +
          `    <tag k="name" v="Vej ${w + 1}"/>\n  </way>\n`,
      );
      if (lines.length === 500) yield lines.splice(0).join('');
    }
    yield `${lines.join('')}</osm>\n`;
  }
  return Readable.from(text(), { objectMode: false, encoding: 'utf8' });
}
