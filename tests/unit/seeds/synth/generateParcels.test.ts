import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  booleanClockwise,
  booleanValid,
  booleanWithin,
  featureCollection,
  intersect,
  kinks,
  polygon,
} from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import {
  generateParcels,
  layoutScale,
  SYNTH_PARCEL_ID_BASE,
  type SynthParcel,
} from '../../../../seeds/synth/generateParcels';
import { ZEALAND_OUTLINE } from '../../../../seeds/synth/zealandOutline';

// Coordinates stay in EPSG:25832 metres: turf's validity, orientation and overlay checks are planar.
const zealand = polygon([[...ZEALAND_OUTLINE.map(([x, y]) => [x, y]), [...ZEALAND_OUTLINE[0]!]]]);
// Heavy cases get room: these machines are shared, and a busy neighbour can slow a run several times over.
const SLOW = { timeout: 60_000 };
const generate = (count: number, seed: number) => [...generateParcels({ count, seed })];
const asFeature = (p: SynthParcel): Feature<Polygon> => polygon([p.ring]);

/** Planar area in m² (shoelace); positive for counter-clockwise rings. */
function area(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}

function expectWellFormed(p: SynthParcel) {
  const f = asFeature(p);
  expect(p.ring.length === 5 || p.ring.length === 6, `${p.id} has ${p.ring.length - 1} corners`).toBe(true);
  expect(p.ring.at(-1), `${p.id} is closed`).toEqual(p.ring[0]);
  expect(booleanValid(f), `${p.id} is valid`).toBe(true);
  expect(kinks(f).features, `${p.id} is simple`).toEqual([]);
  expect(booleanClockwise(p.ring), `${p.id} is counter-clockwise`).toBe(false);
  expect(booleanWithin(f, zealand), `${p.id} is on land`).toBe(true);
}

describe('generateParcels', () => {
  it('gives the same parcels, byte for byte, for the same count and seed', SLOW, () => {
    expect(JSON.stringify(generate(3_000, 7))).toBe(JSON.stringify(generate(3_000, 7)));
  });

  it('gives other parcels for another seed', () => {
    const a = generate(500, 1).map((p) => JSON.stringify(p.ring));
    const b = new Set(generate(500, 2).map((p) => JSON.stringify(p.ring)));
    expect(a.filter((ring) => b.has(ring))).toEqual([]);
  });

  it('yields exactly the count asked for, with sequential ids', () => {
    const parcels = generate(1_234, 1);
    expect(parcels).toHaveLength(1_234);
    expect(parcels.map((p) => p.id)).toEqual(parcels.map((_, i) => SYNTH_PARCEL_ID_BASE + i + 1));
  });

  it('makes a smaller count a prefix of a larger one at natural scale', () => {
    expect(generate(2_000, 3)).toEqual(generate(5_000, 3).slice(0, 2_000));
  });

  it('makes valid, closed, counter-clockwise quadrilaterals and pentagons on Zealand', SLOW, () => {
    const parcels = generate(4_000, 11);
    for (const p of parcels) expectWellFormed(p);
    const pentagons = parcels.filter((p) => p.ring.length === 6).length;
    expect(pentagons / parcels.length).toBeGreaterThan(0.05);
    expect(pentagons / parcels.length).toBeLessThan(0.5);
  });

  it('never overlaps neighbouring parcels', SLOW, () => {
    // Parcels come district by district, so a run of them is a neighbourhood: every pair is compared.
    const parcels = generate(3_000, 5);
    const boxes = parcels.map((p) => {
      const xs = p.ring.map((c) => c[0]);
      const ys = p.ring.map((c) => c[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
    });
    let touching = 0;
    for (let i = 0; i < parcels.length; i++) {
      for (let j = i + 1; j < parcels.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        touching++;
        const overlap = intersect(featureCollection([asFeature(parcels[i]!), asFeature(parcels[j]!)]));
        expect(overlap, `${parcels[i]!.id} overlaps ${parcels[j]!.id}`).toBeNull();
      }
    }
    expect(touching, 'the sample holds neighbours').toBeGreaterThan(parcels.length);
  });

  it(
    'sizes parcels like a Danish cadastre: small in Copenhagen, 500–5,000 m² in towns, 1–30 ha in the country',
    SLOW,
    () => {
      const parcels = generate(200_000, 1);
      const areas = (use: SynthParcel['use']) => parcels.filter((p) => p.use === use).map((p) => area(p.ring));
      const share = (values: number[], min: number, max: number) =>
        values.filter((a) => a >= min && a <= max).length / values.length;
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const city = areas('city');
      const town = areas('town');
      const country = areas('country');
      for (const values of [city, town, country]) expect(values.length).toBeGreaterThan(1_000);
      expect(share(city, 120, 1_600)).toBeGreaterThan(0.9);
      expect(share(town, 500, 5_000)).toBeGreaterThan(0.8);
      expect(share(country, 10_000, 300_000)).toBeGreaterThan(0.8);
      expect(median(city)).toBeLessThan(median(town));
      expect(median(town)).toBeLessThan(median(country));
    },
  );

  it('names ejerlav like "Ølsemagle By, Ølsemagle" and numbers matrikler uniquely within each', () => {
    const parcels = generate(5_000, 2);
    for (const p of parcels) {
      expect(p.ejerlav).toMatch(/^[A-ZÆØÅ][a-zæøå]+( [A-ZÆØÅ][a-zæøå]+)? By, [A-ZÆØÅ][a-zæøå]+$/);
      expect(p.matrikelnr).toMatch(/^[1-9][0-9]*[a-zæø]*$/);
    }
    const keys = parcels.map((p) => `${p.ejerlav}/${p.matrikelnr}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shrinks the layout only beyond what fits at natural scale', () => {
    expect(layoutScale(100_000)).toBe(1);
    expect(layoutScale(1_000_000)).toBeLessThan(1);
    expect(layoutScale(5_000_000)).toBeLessThan(layoutScale(1_000_000));
  });

  it('refuses counts outside 1 to 5,000,000', () => {
    expect(() => generate(0, 1)).toThrow(RangeError);
    expect(() => generate(5_000_001, 1)).toThrow(RangeError);
    expect(() => generate(1.5, 1)).toThrow(RangeError);
  });

  it('keeps every parcel well-formed for any seed and count (property)', SLOW, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 300 }),
        (seed, count) => {
          const parcels = generate(count, seed);
          expect(parcels).toHaveLength(count);
          for (const p of parcels) expectWellFormed(p);
        },
      ),
      { seed: 25_832, numRuns: 30 },
    );
  });
});
