import { afterEach, describe, expect, it } from 'vitest';
import { importOsm, type OsmImportReport } from '../../../server/src/modules/registers/osm/importOsm';
import { RegisterImportError } from '../../../server/src/modules/registers/RegisterImportError';
import { tableChecksums } from '../tableChecksums';
import { chunksOf, ownerClient, removeRegisterLayers } from './registerTestHelpers';

afterEach(removeRegisterLayers);

type Node = [id: number, lon: number, lat: number];
type Way = [id: number, refs: number[], tags: Record<string, string>];

/** OSM XML (format fixture, made up near Køge) of the given nodes and ways. */
type Relation = [id: number, ways: number[], tags: Record<string, string>];

/** OSM XML (format fixture, made up near Køge) of the given nodes, ways and relations (of way members). */
function osmXml(nodes: Node[], ways: Way[], relations: Relation[] = []): string {
  // A tab or line break in an attribute must be a character reference: XML turns a literal one into a space.
  const esc = (v: string) =>
    v
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/</g, '&lt;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<osm version="0.6" generator="koege test">',
    ...nodes.map(([id, lon, lat]) => `  <node id="${id}" lat="${lat}" lon="${lon}"/>`),
    ...ways.flatMap(([id, refs, tags]) => [
      `  <way id="${id}">`,
      ...refs.map((r) => `    <nd ref="${r}"/>`),
      ...Object.entries(tags).map(([k, v]) => `    <tag k="${esc(k)}" v="${esc(v)}"/>`),
      '  </way>',
    ]),
    ...relations.flatMap(([id, members, tags]) => [
      `  <relation id="${id}">`,
      ...members.map((w) => `    <member type="way" ref="${w}" role=""/>`),
      ...Object.entries(tags).map(([k, v]) => `    <tag k="${esc(k)}" v="${esc(v)}"/>`),
      '  </relation>',
    ]),
    '</osm>',
    '',
  ].join('\n');
}

const NODES: Node[] = [
  [1, 12.14, 55.495],
  [2, 12.145, 55.496],
  [3, 12.15, 55.497],
  [4, 12.15, 55.495],
];
const ROAD: Way = [7001, [1, 2, 3], { highway: 'tertiary', name: 'Vej\tmed "tegn" & <mere>\\' }];

async function importText(text: string, name = 'test.osm'): Promise<OsmImportReport> {
  const client = await ownerClient();
  try {
    return await importOsm({ client, chunks: chunksOf(text, 53), location: name });
  } finally {
    await client.end().catch(() => {});
  }
}

async function checksums() {
  const client = await ownerClient();
  try {
    return await tableChecksums(client);
  } finally {
    await client.end();
  }
}

async function refusal(text: string): Promise<string> {
  const error = await importText(text).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(RegisterImportError);
  return (error as Error).message;
}

describe('OSM import checks', () => {
  it('keeps names with tabs, quotes and markup as written, through the stage', async () => {
    await importText(osmXml(NODES, [ROAD]));
    const client = await ownerClient();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT name FROM osm_feature WHERE id = 'osm-roads-way-7001'`,
      );
      expect(rows).toEqual([{ name: ROAD[2].name }]);
    } finally {
      await client.end();
    }
  });

  it('repairs a self-intersecting building and reports it by way and line', async () => {
    const square: Node[] = [
      [11, 12.14, 55.49],
      [12, 12.15, 55.49],
      [13, 12.15, 55.5],
      [14, 12.14, 55.5],
    ];
    const bowTie: Way = [7002, [11, 13, 12, 14, 11], { building: 'yes' }];
    const report = await importText(osmXml([...NODES, ...square], [ROAD, bowTie]));
    expect(report.repaired).toHaveLength(1);
    expect(report.repaired[0]).toMatchObject({ n: 2, id: 'osm-buildings-way-7002', layer_id: 'osm-buildings' });
    expect(report.repaired[0]!.reason).toMatch(/Self-intersection/);
    expect(report.layers.find((l) => l.id === 'osm-buildings')).toMatchObject({ written: 1, repaired: 1 });
  });

  it('refuses, changing nothing: a duplicate way id, a node listed twice, metres written as degrees', async () => {
    await importText(osmXml(NODES, [ROAD]));
    const before = await checksums();
    expect(await refusal(osmXml(NODES, [ROAD, [7001, [3, 4], { highway: 'service' }]]))).toMatch(
      /^test\.osm: ways 1 and 2: both have the id 7001: a way id must be unique$/,
    );
    expect(await refusal(osmXml([...NODES, [2, 12.2, 55.5]], [ROAD]))).toMatch(
      /^test\.osm: node 2 is listed more than once$/,
    );
    expect(await refusal(osmXml([...NODES, [5, 700123, 6150456]], [ROAD]))).toMatch(
      /^test\.osm: line 7: node 5: coordinates \(700123, 6150456\) are EPSG:25832 metres/,
    );
    expect(await checksums()).toEqual(before);
  });

  it('refuses a way with nothing valid left after repair, naming it', async () => {
    const before = await checksums();
    const message = await refusal(osmXml(NODES, [ROAD, [7003, [4, 4], { highway: 'service' }]]));
    expect(message).toMatch(
      /^test\.osm: feature 2 \(id osm-roads-way-7003\), line \d+: invalid geometry \(.+\) and nothing valid is left after repair$/,
    );
    expect(await checksums()).toEqual(before);
  });

  it('replaces the layers a file has by way id, removing what it no longer has, and leaves the others alone', async () => {
    const square: Node[] = [
      [11, 12.14, 55.49],
      [12, 12.15, 55.49],
      [13, 12.15, 55.5],
      [14, 12.14, 55.5],
    ];
    const building: Way = [7002, [11, 12, 13, 14, 11], { building: 'yes', name: 'Lager' }];
    await importText(osmXml([...NODES, ...square], [ROAD, building]));
    const other: Way = [7005, [3, 4], { highway: 'service', ref: '7' }];
    const report = await importText(osmXml(NODES, [[7001, [1, 2], { highway: 'tertiary', name: 'Ny vej' }], other]));
    expect(report.layers).toEqual([{ id: 'osm-roads', features: 2, written: 2, removed: 0, repaired: 0 }]);
    const again = await importText(osmXml(NODES, [other]));
    expect(again.layers).toEqual([{ id: 'osm-roads', features: 1, written: 1, removed: 1, repaired: 0 }]);
    const client = await ownerClient();
    try {
      const { rows } = await client.query(
        `SELECT f.id, f.name, f.ref, ST_NPoints(f.geom) AS points, f.accuracy, l.imported_features::int AS count
           FROM osm_feature f JOIN layer l ON l.id = f.layer_id ORDER BY f.id`,
      );
      expect(rows).toEqual([
        { id: 'osm-buildings-way-7002', name: 'Lager', ref: null, points: 5, accuracy: 'official', count: 1 },
        { id: 'osm-roads-way-7005', name: null, ref: '7', points: 2, accuracy: 'official', count: 1 },
      ]);
    } finally {
      await client.end();
    }
  });

  it("builds the same features when the nodes outgrow the reader's store, and when ways come before their nodes", async () => {
    const square: Node[] = [
      [11, 12.14, 55.49],
      [12, 12.15, 55.49],
      [13, 12.15, 55.5],
      [14, 12.14, 55.5],
    ];
    const ways: Way[] = [ROAD, [7002, [11, 12, 13, 14, 11], { building: 'yes' }], [7006, [4, 99], { highway: 'path' }]];
    const rowsOf = async () => {
      const client = await ownerClient();
      try {
        const { rows } = await client.query(
          `SELECT id, layer_id, class, name, ST_AsText(geom, 1) AS geom, ST_AsText(geom_3857, 1) AS geom_3857
             FROM osm_feature ORDER BY id`,
        );
        return rows;
      } finally {
        await client.end();
      }
    };
    const text = osmXml([...NODES, ...square], ways);
    // The same elements with the ways first, as an Overpass API download lists them.
    const lines = text.split('\n');
    const waysFirst = [
      ...lines.filter((l) => !l.startsWith('  <node') && l !== '</osm>' && l !== ''),
      ...lines.filter((l) => l.startsWith('  <node')),
      '</osm>',
      '',
    ].join('\n');
    const inMemory = await importText(text);
    expect(inMemory.skips).toEqual({ unclassified: 0, incomplete: 1 });
    const memoryRows = await rowsOf();
    for (const [input, limits] of [
      [text, { nodes: 3 }],
      [waysFirst, {}],
      [waysFirst, { deferredRefs: 1 }],
    ] as const) {
      await removeRegisterLayers();
      const client = await ownerClient();
      let report: OsmImportReport;
      try {
        report = await importOsm({ client, chunks: chunksOf(input, 53), location: 'test.osm', limits });
      } finally {
        await client.end();
      }
      expect(report.layers).toEqual(inMemory.layers);
      expect(report.skips).toEqual(inMemory.skips);
      expect(await rowsOf()).toEqual(memoryRows);
    }
  });

  it('draws multipolygon relations: rings from several untagged ways, an inner ring as a hole', async () => {
    // A lake: its outer ring in two open ways, an island as a closed way; all untagged, as mappers draw them.
    const nodes: Node[] = [
      [21, 12.14, 55.49],
      [22, 12.16, 55.49],
      [23, 12.16, 55.5],
      [24, 12.14, 55.5],
      [25, 12.145, 55.493],
      [26, 12.15, 55.493],
      [27, 12.15, 55.497],
      [28, 12.145, 55.497],
    ];
    const ways: Way[] = [
      [8001, [21, 22, 23], {}],
      [8002, [23, 24, 21], {}],
      [8003, [25, 26, 27, 28, 25], {}],
      [8004, [21, 22, 23, 24, 21], { barrier: 'fence' }],
    ];
    const relations: Relation[] = [
      [9001, [8001, 8002, 8003], { type: 'multipolygon', natural: 'water', name: 'Skovsø' }],
      // A member the file does not hold: left out, counted.
      [9002, [8004, 8999], { type: 'multipolygon', landuse: 'forest' }],
      // Not an area of a drawn class.
      [9003, [8004], { type: 'route', route: 'hiking' }],
    ];
    const point = (id: number) =>
      nodes
        .find((n) => n[0] === id)!
        .slice(1)
        .join(' ');
    const ring = (ids: number[]) => `(${ids.map(point).join(', ')})`;
    const wkt = `POLYGON(${ring([21, 22, 23, 24, 21])}, ${ring([25, 26, 27, 28, 25])})`;
    for (const limits of [{}, { nodes: 3 }]) {
      await removeRegisterLayers();
      const client = await ownerClient();
      try {
        const report = await importOsm({
          client,
          chunks: chunksOf(osmXml(nodes, ways, relations), 53),
          location: 'test.osm',
          limits,
        });
        expect(report.layers).toEqual([{ id: 'osm-water', features: 1, written: 1, removed: 0, repaired: 0 }]);
        expect(report.skips).toEqual({ unclassified: 4, incomplete: 1 });
        const { rows } = await client.query(
          `SELECT f.id, f.osm_type, f.class, f.name, ST_NumInteriorRings(f.geom) AS holes,
                  round(abs(ST_Area(f.geom) - ST_Area(ST_Transform(ST_GeomFromText($1, 4326), 25832)))::numeric, 1)::float
                    AS area_difference
             FROM osm_feature f`,
          [wkt],
        );
        expect(rows).toEqual([
          {
            id: 'osm-water-rel-9001',
            osm_type: 'relation',
            class: 'water',
            name: 'Skovsø',
            holes: 1,
            area_difference: 0,
          },
        ]);
      } finally {
        await client.end();
      }
    }
  });
});
