import fc from 'fast-check';
import type { Geometry, Polygon } from 'geojson';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureSketch } from '../../../client/src/features/sketches/measureSketch';
import { danishPolygon } from '../../unit/client/danishPolygons';

// DESIGN.md: the live measure while drawing (turf, geodesic) must agree with PostGIS's EPSG:25832 area within
// 0.5 % — the area the server stores (sketch_version.area_m2) and the panel shows after saving (issue #6).
const TOLERANCE = 0.005;

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await client.connect();
});
afterAll(() => client.end());

interface PostgisMeasure {
  area_m2: number;
  perimeter_m: number;
  length_m: number;
}

/** PostGIS's measures in EPSG:25832 of each polygon, and the length of its ring as a line, in one query. */
async function postgisMeasures(polygons: readonly Polygon[]): Promise<PostgisMeasure[]> {
  const { rows } = await client.query<PostgisMeasure & { i: number }>(
    `SELECT i::int AS i,
            ST_Area(g) AS area_m2, ST_Perimeter(g) AS perimeter_m, ST_Length(ST_ExteriorRing(g)) AS length_m
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(doc, i),
            LATERAL (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(doc::text), 4326), 25832) AS g) AS geom
      ORDER BY i`,
    [JSON.stringify(polygons)],
  );
  // A query that must answer one row per polygon and answers fewer is an error (DESIGN.md, engine differences).
  expect(rows).toHaveLength(polygons.length);
  return rows.map(({ area_m2, perimeter_m, length_m }) => ({
    area_m2: Number(area_m2),
    perimeter_m: Number(perimeter_m),
    length_m: Number(length_m),
  }));
}

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('the live sketch measure against PostGIS (EPSG:25832)', () => {
  it('agrees on area, perimeter and length within 0.5 % for random polygons across Denmark', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(danishPolygon, { minLength: 1, maxLength: 25 }), async (polygons) => {
        const reference = await postgisMeasures(polygons);
        polygons.forEach((polygon, i) => {
          const expected = reference[i]!;
          const measure = measureSketch({ geometry: polygon })!;
          expect(relative(measure.area_m2!, expected.area_m2), 'area').toBeLessThan(TOLERANCE);
          expect(relative(measure.perimeter_m!, expected.perimeter_m), 'perimeter').toBeLessThan(TOLERANCE);
          const line: Geometry = { type: 'LineString', coordinates: polygon.coordinates[0]! };
          expect(relative(measureSketch({ geometry: line })!.length_m!, expected.length_m), 'length').toBeLessThan(
            TOLERANCE,
          );
        });
      }),
      { seed: 6, numRuns: 24 },
    );
  });

  it('agrees on a plot at Køge and on one on Bornholm, where the projection stretches most', async () => {
    const plots: Polygon[] = [
      // About 1.4 ha at Køge Nord, and 1 km² east of Rønne.
      {
        type: 'Polygon',
        coordinates: [
          [
            [12.162, 55.478],
            [12.164, 55.478],
            [12.164, 55.479],
            [12.162, 55.479],
            [12.162, 55.478],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [14.9, 55.1],
            [14.916, 55.1],
            [14.916, 55.109],
            [14.9, 55.109],
            [14.9, 55.1],
          ],
        ],
      },
    ];
    const reference = await postgisMeasures(plots);
    plots.forEach((plot, i) => {
      expect(relative(measureSketch({ geometry: plot })!.area_m2!, reference[i]!.area_m2)).toBeLessThan(TOLERANCE);
    });
  });
});
