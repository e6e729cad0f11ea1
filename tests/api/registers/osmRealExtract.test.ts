import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyOsmWay } from '../../../server/src/modules/registers/osm/classifyOsmWay';
import { importOsm } from '../../../server/src/modules/registers/osm/importOsm';
import { openOsmSource } from '../../../server/src/modules/registers/osm/openOsmSource';
import { fixture, ownerClient, removeRegisterLayers } from './registerTestHelpers';

/** A real OSM extract (St. Michael in Eppan, South Tyrol; ODbL, see tests/fixtures/registers/README.md). */
const REAL = fixture('eppan.real-osm.osm');
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-osm-real-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(removeRegisterLayers);

interface OsmiumWay {
  id: string;
  tags: Record<string, string>;
  /** GeoJSON geometry in lon/lat. */
  geometry: { type: string; coordinates: number[][] };
}

/**
 * The file's ways as osmium (osmium-tool, C++) reads them, a reader independent of ours: sorted by id first (the
 * file is an Overpass API download, ways before nodes out of order), then exported as GeoJSON lines with ids.
 * osmium leaves out a way with a node the file does not hold, as our importer does. Lines only: a closed way comes
 * out as a line and as an area, and the line has all its points.
 */
async function osmiumWays(): Promise<OsmiumWay[]> {
  const sorted = join(dir, 'sorted.osm');
  await run('osmium', ['sort', REAL, '-o', sorted, '-O']);
  const { stdout } = await run('osmium', ['export', sorted, '-f', 'geojsonseq', '-a', 'type,id', '-o', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .map((l) => (l.startsWith('\u001e') ? l.slice(1) : l).trim())
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { geometry: OsmiumWay['geometry']; properties: Record<string, string> })
    .filter((f) => f.properties['@type'] === 'way' && f.geometry.type === 'LineString')
    .map(({ geometry, properties: { '@type': _type, '@id': id, ...tags } }) => ({ id: String(id), tags, geometry }));
}

describe('npm run import -- osm, on real OpenStreetMap data', () => {
  it('imports a real extract: the ways osmium reads whole, by class, each within 5 cm of osmium’s', async () => {
    const ways = await osmiumWays();
    const expected = new Map<string, OsmiumWay & { layer: string; kind: string }>();
    for (const w of ways) {
      const c = w.geometry.coordinates;
      const closed = c.length >= 4 && c[0]![0] === c.at(-1)![0] && c[0]![1] === c.at(-1)![1];
      const cls = classifyOsmWay(w.tags, closed);
      if (cls) expected.set(`${cls.layer.sitePrefix}-${w.id}`, { ...w, layer: cls.layer.id, kind: cls.kind });
    }
    expect(expected.size).toBeGreaterThan(0);

    const client = await ownerClient();
    try {
      const report = await importOsm({ client, chunks: await openOsmSource(REAL), location: REAL });
      const perLayer = (layers: string[]) =>
        Object.fromEntries([...new Set(layers)].map((l) => [l, layers.filter((x) => x === l).length]));
      expect(Object.fromEntries(report.layers.map((l) => [l.id, l.features]))).toEqual(
        perLayer([...expected.values()].map((e) => e.layer)),
      );
      expect(report.repaired).toEqual([]);

      const { rows } = await client.query<{ id: string; layer_id: string; class: string; name: string | null }>(
        'SELECT id, layer_id, class, name FROM osm_feature ORDER BY id',
      );
      expect(rows).toEqual(
        [...expected.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([id, e]) => ({ id, layer_id: e.layer, class: e.kind, name: e.tags.name ?? null })),
      );
      // The same shape as osmium's points projected by PostGIS: lines as lines, buildings as their rings.
      for (const [id, e] of expected) {
        const { rows: d } = await client.query<{ metres: number }>(
          `SELECT ST_HausdorffDistance(CASE WHEN ST_Dimension(f.geom) = 2 THEN ST_ExteriorRing(f.geom) ELSE f.geom END,
                                      ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), 25832)) AS metres
             FROM osm_feature f WHERE f.id = $1`,
          [id, JSON.stringify(e.geometry)],
        );
        expect(d[0]!.metres, id).toBeLessThan(0.05);
      }
    } finally {
      await client.end();
    }
  });
});
