import { bboxClip } from '@turf/bbox-clip';
import { polygon as turfPolygon } from '@turf/helpers';
import polylabel from 'polylabel';
import type { SeedFeatureCollection, SeedProperties } from './seedSchema';

/**
 * The official boundaries in data/dagi (DAGI, as published by Geodatastyrelsen & Danske Kommuner; see
 * data/README.md) as seed features: municipalities, postal districts, the sea derived from them, and label
 * points for the municipalities' names. The files are the ok-dk/dagi extract (fields KOMKODE/KOMNAVN and
 * POSTNR_TXT/POSTBYNAVN), in CRS84.
 */
export type DagiSelection =
  | { kind: 'kommuner'; only?: string[]; except?: string[] }
  | { kind: 'postnumre' }
  | { kind: 'sea' }
  | { kind: 'kommune-labels'; except?: string[] };

type Feature = SeedFeatureCollection['features'][number];
type Polygon = number[][][];
interface DagiFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

export const DAGI_DATE = '2014-02-13';
const DAGI_SOURCE = `DAGI, Geodatastyrelsen & Danske Kommuner (FOT/DAGI ${DAGI_DATE}, generaliseret 1:500.000)`;
const DAGI_LICENCE = 'Frie geodata: Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI';

const officialProperties = (p: Pick<SeedProperties, 'id' | 'name' | 'kind' | 'description'>): SeedProperties => ({
  ...p,
  plan_use: null,
  max_height_m: null,
  plot_ratio_pct: null,
  building_rights: null,
  source: DAGI_SOURCE,
  accuracy: 'official',
  actions: [],
  tender: null,
  attributes: { licence: DAGI_LICENCE, dagi_date: DAGI_DATE },
});

function text(feature: DagiFeature, field: string, file: string): string {
  const value = feature.properties[field];
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${file}: a feature has no ${field}`);
  return value.trim();
}

/** The polygons of a Polygon or MultiPolygon geometry. */
function polygonsOf(feature: DagiFeature, file: string): Polygon[] {
  const { type, coordinates } = feature.geometry;
  if (type === 'Polygon') return [coordinates as Polygon];
  if (type === 'MultiPolygon') return coordinates as Polygon[];
  throw new Error(`${file}: expected polygons, found ${type}`);
}

/** Features grouped by a code field, their polygons as one (Multi)Polygon: one seed feature per unit. */
function groupByCode(fc: { features: DagiFeature[] }, codeField: string, file: string) {
  const groups = new Map<string, { first: DagiFeature; polygons: Polygon[] }>();
  for (const f of fc.features) {
    const code = text(f, codeField, file);
    const group = groups.get(code) ?? { first: f, polygons: [] };
    group.polygons.push(...polygonsOf(f, file).map(wound));
    groups.set(code, group);
  }
  return [...groups].map(([code, { first, polygons }]) => ({ code, first, polygons }));
}

const geometryOf = (polygons: Polygon[]): Feature['geometry'] =>
  polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };

/** A ring's signed area in squared degrees (shoelace): positive when counter-clockwise. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum / 2;
}

const ringArea = (ring: number[][]) => Math.abs(signedArea(ring));

/** RFC 7946 winding: the outer ring counter-clockwise, holes clockwise (the DAGI files wind the other way). */
const wound = (polygon: Polygon): Polygon =>
  polygon.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? ring : [...ring].reverse()));

/** The map's extent, as the DAGI extract was cut (data/README.md): names are written inside it. */
const MAP_BOX: [number, number, number, number] = [11.85, 55.3, 12.45, 55.62];
/** A name needs this much room around it (degrees of latitude, about 1.1 km) inside the extent. */
const MIN_LABEL_ROOM = 0.01;

/**
 * Where a municipality's name sits best on the map: the pole of inaccessibility of its largest part inside the
 * map's extent (in degrees scaled for latitude), or null when too little of it lies inside to write a name.
 */
function labelPoint(polygons: Polygon[]): [number, number] | null {
  const inside = polygons
    .map((p) => bboxClip(turfPolygon(p), MAP_BOX).geometry.coordinates as Polygon)
    .filter((p) => p.length > 0 && p[0]!.length >= 4);
  if (inside.length === 0) return null;
  const largest = inside.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const k = Math.cos((largest[0]![0]![1]! * Math.PI) / 180);
  const pole = polylabel(
    largest.map((ring) => ring.map(([lon, lat]) => [lon! * k, lat!])),
    0.0005,
  );
  if (pole.distance < MIN_LABEL_ROOM) return null;
  return [Math.round((pole[0] / k) * 1e5) / 1e5, Math.round(pole[1] * 1e5) / 1e5];
}

/** The seed features a layer takes from a DAGI file. */
export function dagiSeedFeatures(fc: { features: DagiFeature[] }, selection: DagiSelection, file: string): Feature[] {
  switch (selection.kind) {
    case 'kommuner':
    case 'kommune-labels': {
      const only = selection.kind === 'kommuner' ? selection.only : undefined;
      const units = groupByCode(fc, 'KOMKODE', file).filter(
        ({ code }) => (only === undefined || only.includes(code)) && !selection.except?.includes(code),
      );
      return units.flatMap(({ code, first, polygons }): Feature[] => {
        const name = `${text(first, 'KOMNAVN', file)} Kommune`;
        if (selection.kind === 'kommuner') {
          const properties = officialProperties({
            id: `kommune-${code}`,
            name,
            kind: 'municipality',
            description: 'Kommunegrænsen fra DAGI, generaliseret til 1:500.000.',
          });
          properties.attributes.kommunekode = code;
          return [{ type: 'Feature', geometry: geometryOf(polygons), properties }];
        }
        const at = labelPoint(polygons);
        if (at === null) return [];
        return [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: at },
            properties: {
              ...officialProperties({ id: `navn-kommune-${code}`, name, kind: 'municipality-name', description: '' }),
              // The name is official; where it is written is worked out from the boundary (labelPoint), not a
              // registered point.
              source: `${DAGI_SOURCE}; navnets placering beregnet ud fra grænsen`,
              accuracy: 'sourced',
              attributes: { licence: DAGI_LICENCE, dagi_date: DAGI_DATE, kommunekode: code, rank: 2 },
            },
          },
        ];
      });
    }
    case 'postnumre':
      return groupByCode(fc, 'POSTNR_TXT', file).map(({ code, first, polygons }) => {
        const properties = officialProperties({
          id: `postnr-${code}`,
          name: `${code} ${text(first, 'POSTBYNAVN', file)}`,
          kind: 'postal-district',
          description: 'Postnummerområdet fra DAGI, generaliseret til 1:500.000.',
        });
        properties.attributes.postnr = code;
        return { type: 'Feature', geometry: geometryOf(polygons), properties };
      });
    case 'sea': {
      const polygons = fc.features.flatMap((f) => polygonsOf(f, file).map(wound));
      const properties = officialProperties({
        id: 'koege-bugt',
        name: 'Køge Bugt',
        kind: 'sea',
        description:
          'Havet i kortets udsnit (11,85–12,45 °Ø, 55,30–55,62 °N): udsnittet minus kommunerne i DAGI. Kystlinjen er DAGI’s.',
      });
      return [{ type: 'Feature', geometry: geometryOf(polygons), properties }];
    }
  }
}
