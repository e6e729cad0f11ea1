import { describe, expect, it } from 'vitest';
import {
  area,
  booleanClockwise,
  booleanContains,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  kinks,
  length,
  point,
} from '@turf/turf';
import type { Feature, LineString, Polygon } from 'geojson';
import { readSeedData, type SeedData } from '../../../../../server/src/platform/seed/readSeedData';

// Checks the authored seed geometry against the facts it was drawn from (../shared/reference/facts.md, issue #2).
const data: SeedData = await readSeedData();
const layer = (id: string) => data.features.get(id)?.features ?? [];
const polygons = (id: string) => layer(id) as unknown as Feature<Polygon>[];
const ha = (fs: Feature<Polygon>[]) => fs.reduce((sum, f) => sum + area(f), 0) / 10_000;
const municipality = polygons('municipality')[0]!;
const koegeNordStation = layer('stations').find((f) => f.properties.name.includes('Køge Nord'))!;
const stationLon = (koegeNordStation.geometry.coordinates as number[])[0]!;

describe('seed geometry', () => {
  it('every feature carries source and accuracy', () => {
    for (const fc of data.features.values()) {
      for (const f of fc.features) {
        expect(f.properties.source.trim(), f.properties.id).not.toBe('');
        expect(['official', 'sourced', 'approximate', 'illustrative']).toContain(f.properties.accuracy);
        // Only the DAGI boundaries (data/dagi) are from an official register.
        if (f.properties.accuracy === 'official') expect(f.properties.source, f.properties.id).toMatch(/^DAGI/);
      }
    }
  });

  it('the boundaries, the sea and the postcodes are DAGI’s and say so', () => {
    for (const id of ['municipality', 'neighbours', 'sea', 'postal-districts']) {
      expect(layer(id).length, id).toBeGreaterThan(0);
      for (const f of layer(id)) expect(f.properties.accuracy, f.properties.id).toBe('official');
    }
    expect(layer('neighbours').map((f) => f.properties.name)).toEqual(
      expect.arrayContaining([
        'Solrød Kommune',
        'Stevns Kommune',
        'Faxe Kommune',
        'Ringsted Kommune',
        'Roskilde Kommune',
      ]),
    );
  });

  it('every place name lies in the municipality and postcode area it names, by DAGI’s boundaries', () => {
    const areas = [...layer('municipality'), ...layer('neighbours'), ...layer('postal-districts')];
    const within = (f: (typeof areas)[number], kind: string) =>
      areas
        .filter(
          (a) => a.properties.kind === kind && booleanPointInPolygon(f.geometry.coordinates as number[], a as never),
        )
        .map((a) => a.properties.attributes[kind === 'municipality' ? 'kommunekode' : 'postnr']);
    const towns = layer('place-names').filter((f) => f.properties.kind !== 'water');
    expect(towns.length).toBeGreaterThanOrEqual(15);
    for (const town of towns) {
      const { kommune, postnr } = town.properties.attributes;
      const kommuneCode = areas.find((a) => a.properties.name === `${String(kommune)} Kommune`)?.properties.attributes
        .kommunekode;
      expect(within(town, 'municipality'), town.properties.name).toEqual([kommuneCode]);
      expect(within(town, 'postal-district'), town.properties.name).toEqual([postnr]);
      // A town that names a postcode (4681 Herfølge, 4140 Borup, …) lies in that postcode's area.
      const own = areas.find(
        (a) => a.properties.kind === 'postal-district' && a.properties.name.endsWith(` ${town.properties.name}`),
      );
      if (own) expect(postnr, town.properties.name).toBe(own.properties.attributes.postnr);
    }
  });

  it('polygons are simple, closed and counter-clockwise (RFC 7946)', () => {
    for (const fc of data.features.values()) {
      for (const f of fc.features.filter((f) => f.geometry.type === 'Polygon')) {
        const p = f as unknown as Feature<Polygon>;
        expect(kinks(p).features, f.properties.id).toEqual([]);
        for (const [i, ring] of p.geometry.coordinates.entries()) {
          expect(ring[0], f.properties.id).toEqual(ring.at(-1));
          expect(booleanClockwise(ring), f.properties.id).toBe(i > 0);
        }
      }
    }
  });

  it('the municipality is DAGI’s Køge Kommune (0259): one polygon of about its 257 km²', () => {
    expect(polygons('municipality')).toHaveLength(1);
    expect(layer('municipality')[0]!.properties.attributes.kommunekode).toBe('0259');
    // Danmarks Statistik gives 257 km²; the 1:500 000 generalisation may differ by a few per cent.
    expect(area(municipality) / 1e6).toBeGreaterThan(245);
    expect(area(municipality) / 1e6).toBeLessThan(270);
  });

  it('has at least 12 Køge Nord plots of 1–20 ha west of Køge Nord Station, each with a 2024–2028 tender', () => {
    const plots = polygons('koege-nord-plots');
    expect(plots.length).toBeGreaterThanOrEqual(12);
    const statuses = new Set<string>();
    for (const f of layer('koege-nord-plots')) {
      const p = plots.find((x) => x.properties?.id === f.properties.id)!;
      expect(area(p)).toBeGreaterThanOrEqual(10_000);
      expect(area(p)).toBeLessThanOrEqual(200_000);
      const maxLon = Math.max(...p.geometry.coordinates[0]!.map((c) => c[0]!));
      expect(maxLon, f.properties.id).toBeLessThan(stationLon);
      expect(booleanContains(municipality, p)).toBe(true);
      expect(f.properties.actions).toEqual(expect.arrayContaining(['1.1', '1.4']));
      expect(f.properties.plan_use).not.toBeNull();
      expect(f.properties.max_height_m).not.toBeNull();
      expect(f.properties.tender?.planned_year).toBeGreaterThanOrEqual(2024);
      expect(f.properties.tender?.planned_year).toBeLessThanOrEqual(2028);
      expect(f.properties.tender?.history.at(-1)?.to_status).toBe(f.properties.tender?.status);
      statuses.add(f.properties.tender!.status);
    }
    expect(statuses.has('sold') || statuses.has('reserved')).toBe(true);
    // Plots do not overlap (touching edges are fine: under 1 m² in common).
    for (const [i, a] of plots.entries()) {
      for (const b of plots.slice(i + 1)) {
        const common = intersect(featureCollection([a, b]));
        expect(common ? area(common) : 0, `${a.properties?.id} × ${b.properties?.id}`).toBeLessThan(1);
      }
    }
  });

  it('Bækgårdsvej is about 12 ha with at least two south-east expansion alternatives (action 1.2)', () => {
    const areas = layer('baekgaardsvej');
    const existing = areas.filter((f) => f.properties.kind === 'business-area') as unknown as Feature<Polygon>[];
    const alternatives = areas.filter((f) => f.properties.kind === 'expansion-alternative');
    expect(existing).toHaveLength(1);
    expect(ha(existing)).toBeGreaterThan(10);
    expect(ha(existing)).toBeLessThan(14);
    expect(alternatives.length).toBeGreaterThanOrEqual(2);
    for (const f of areas) expect(f.properties.actions).toContain('1.2');
  });

  it('energy-park candidates: at least five zones, about 100 ha together (action 3.4)', () => {
    const zones = polygons('energy-zones');
    expect(zones.length).toBeGreaterThanOrEqual(5);
    expect(ha(zones)).toBeGreaterThan(90);
    expect(ha(zones)).toBeLessThan(115);
  });

  it('Køge Dige: a north and a south section, about 11 km, design level 2.8 m (actions 3.6, 3.7)', () => {
    const sections = layer('koege-dige') as unknown as Feature<LineString>[];
    expect(sections.map((s) => s.properties?.attributes.section).sort()).toEqual(['nord', 'syd']);
    const km = sections.reduce((sum, s) => sum + length(s, { units: 'kilometers' }), 0);
    expect(km).toBeGreaterThan(10);
    expect(km).toBeLessThan(12);
    for (const f of layer('koege-dige')) {
      expect(f.properties.attributes.design_level_m).toBe(2.8);
      expect(f.properties.actions).toEqual(['3.6', '3.7']);
    }
  });

  it('Bellingeparken is about 4 ha beside the hospital (action 10.4)', () => {
    const park = polygons('bellingeparken');
    expect(park).toHaveLength(1);
    expect(ha(park)).toBeGreaterThan(3.6);
    expect(ha(park)).toBeLessThan(4.4);
    const hospital = layer('landmarks').find((f) => f.properties.kind === 'hospital')!;
    const [lon, lat] = hospital.geometry.coordinates as number[];
    const parkRing = park[0]!.geometry.coordinates[0]!;
    const nearest = Math.min(...parkRing.map(([x, y]) => Math.hypot((x! - lon!) * 63_000, (y! - lat!) * 111_000)));
    expect(nearest, 'metres from the hospital').toBeLessThan(500);
    expect(layer('bellingeparken')[0]!.properties.actions).toContain('10.4');
  });

  it('has the four stations and the context the map needs', () => {
    const names = layer('stations').map((f) => f.properties.name);
    for (const n of ['Køge Nord', 'Ølby', 'Køge', 'Borup']) expect(names.some((x) => x.includes(n))).toBe(true);
    expect(layer('rail').some((f) => f.properties.actions.includes('4.1'))).toBe(true);
    expect(layer('stevnsvejen').every((f) => f.properties.accuracy === 'illustrative')).toBe(true);
    expect(layer('stevnsvejen')[0]!.properties.actions).toContain('4.2');
    const kinds = layer('landmarks').map((f) => f.properties.kind);
    expect(kinds).toEqual(expect.arrayContaining(['campus', 'square', 'hospital']));
    expect(layer('motorways').length).toBeGreaterThanOrEqual(2);
    // Stations lie on land, inside the municipality.
    for (const s of layer('stations')) {
      expect(booleanContains(municipality, point(s.geometry.coordinates as number[])), s.properties.id).toBe(true);
    }
  });
});
