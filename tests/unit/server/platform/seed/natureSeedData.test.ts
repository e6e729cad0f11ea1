import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, intersect, featureCollection, union } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { readSeedData } from '../../../../../server/src/platform/seed/readSeedData';

// The illustrative nature layers the sketch constraint check uses (issue #6), against ../shared/reference/facts.md.
const data = await readSeedData();
const polygons = (id: string) => (data.features.get(id)?.features ?? []) as unknown as Feature<Polygon>[];
const nature = [...polygons('natura2000'), ...polygons('protected-nature')];

describe('nature seed layers', () => {
  it('are context layers of polygons, marked illustrative in title and data', () => {
    for (const id of ['natura2000', 'protected-nature']) {
      const layer = data.layers.find((l) => l.id === id)!;
      expect(layer).toMatchObject({ theme: 'kontekst', geometry_type: 'polygon' });
      expect(layer.title_da).toMatch(/illustrativ/);
      expect(layer.title_en).toMatch(/illustrative/);
    }
    expect(nature.length).toBeGreaterThanOrEqual(2);
    for (const f of nature) expect((f.properties as { accuracy: string }).accuracy).toBe('illustrative');
  });

  it('Natura 2000 N147 covers Ølsemagle Revle', () => {
    const n147 = polygons('natura2000').find((f) => (f.properties as { id: string }).id.startsWith('n147'))!;
    expect(booleanPointInPolygon([12.2094, 55.496], n147)).toBe(true);
  });

  it('keep to at most 40 vertices each', () => {
    for (const f of nature) expect(f.geometry.coordinates.flat().length).toBeLessThanOrEqual(41);
  });

  it('lie on land or the coast, and overlap no Køge Nord plot', () => {
    const landAndSea = union(featureCollection([...polygons('municipality'), ...polygons('sea')]))!;
    for (const f of nature) {
      const inside = intersect(featureCollection([f, landAndSea as Feature<Polygon>]));
      expect(inside, (f.properties as { id: string }).id).not.toBeNull();
      for (const plot of polygons('koege-nord-plots')) {
        expect(intersect(featureCollection([f, plot])), (plot.properties as { id: string }).id).toBeNull();
      }
    }
  });
});
