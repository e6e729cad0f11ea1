import { parseCrsName } from './registerCrs';
import type { RegisterSrid } from './SourceFeature';

type Position = number[];
type Geometry = { type: string; coordinates: unknown };

/** What a closed GML element hands its parent. */
export type GmlPart =
  { k: 'positions'; p: Position[] } | { k: 'exterior' | 'interior'; ring: Position[] } | { k: 'geometry'; g: Geometry };

/** One open GML element while its geometry is read. */
export interface GmlFrame {
  local: string;
  parts: GmlPart[];
  text: string;
  dim: number;
}

export class GmlProblem extends Error {}

/** Elements that only wrap others: their parts pass to the parent. */
const WRAPPERS = new Set([
  'surfaceMember',
  'surfaceMembers',
  'polygonMember',
  'patches',
  'curveMember',
  'curveMembers',
  'lineStringMember',
  'pointMember',
  'pointMembers',
  'segments',
  'geometryMember',
]);

const numbers = (text: string, what: string): number[] => {
  const values = text.trim() === '' ? [] : text.trim().split(/\s+/).map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new GmlProblem(`gml:${what} holds something other than numbers`);
  return values;
};

const positionsOf = (parts: GmlPart[]): Position[] =>
  parts.flatMap((p) =>
    p.k === 'positions' ? p.p : p.k === 'geometry' && p.g.type === 'Point' ? [p.g.coordinates as Position] : [],
  );

const geometriesOf = (parts: GmlPart[], type: string): unknown[] =>
  parts.flatMap((p) => {
    if (p.k !== 'geometry') return [];
    if (p.g.type === type) return [p.g.coordinates];
    if (p.g.type === `Multi${type}`) return p.g.coordinates as unknown[];
    throw new GmlProblem(`a ${p.g.type} inside a collection of ${type}s`);
  });

const geometry = (type: string, coordinates: unknown): GmlPart => ({ k: 'geometry', g: { type, coordinates } });

/** Builds what one GML 3.2 (or 3.1/2) geometry element stands for, from its text and its children's parts. */
export function closeGmlElement(frame: GmlFrame): GmlPart[] {
  const { local, parts } = frame;
  switch (local) {
    case 'pos':
    case 'posList': {
      const v = numbers(frame.text, local);
      const dim = local === 'pos' ? Math.max(2, v.length) : frame.dim;
      if (v.length === 0 || v.length % dim !== 0) throw new GmlProblem(`gml:${local} has ${v.length} numbers`);
      const p: Position[] = [];
      for (let i = 0; i < v.length; i += dim) p.push([v[i]!, v[i + 1]!]);
      return [{ k: 'positions', p }];
    }
    case 'coordinates': {
      const p = frame.text
        .trim()
        .split(/\s+/)
        .map((tuple) => numbers(tuple.replace(/,/g, ' '), 'coordinates').slice(0, 2));
      return [{ k: 'positions', p }];
    }
    case 'LinearRing':
    case 'LineStringSegment':
      return [{ k: 'positions', p: positionsOf(parts) }];
    case 'exterior':
    case 'outerBoundaryIs':
      return [{ k: 'exterior', ring: positionsOf(parts) }];
    case 'interior':
    case 'innerBoundaryIs':
      return [{ k: 'interior', ring: positionsOf(parts) }];
    case 'Point': {
      const p = positionsOf(parts);
      if (p.length !== 1) throw new GmlProblem('a gml:Point without one position');
      return [geometry('Point', p[0])];
    }
    case 'LineString':
    case 'Curve':
      return [geometry('LineString', positionsOf(parts))];
    case 'Polygon':
    case 'PolygonPatch': {
      const exterior = parts.filter((p) => p.k === 'exterior');
      if (exterior.length !== 1) throw new GmlProblem(`a gml:${local} without one exterior ring`);
      const interiors = parts.flatMap((p) => (p.k === 'interior' ? [p.ring] : []));
      return [geometry('Polygon', [(exterior[0] as { ring: Position[] }).ring, ...interiors])];
    }
    case 'Surface': {
      const polygons = geometriesOf(parts, 'Polygon');
      return [polygons.length === 1 ? geometry('Polygon', polygons[0]) : geometry('MultiPolygon', polygons)];
    }
    case 'MultiSurface':
    case 'MultiPolygon':
    case 'CompositeSurface':
      return [geometry('MultiPolygon', geometriesOf(parts, 'Polygon'))];
    case 'MultiCurve':
    case 'MultiLineString':
      return [geometry('MultiLineString', geometriesOf(parts, 'LineString'))];
    case 'MultiPoint':
      return [geometry('MultiPoint', geometriesOf(parts, 'Point'))];
    default:
      if (WRAPPERS.has(local)) return parts;
      throw new GmlProblem(`gml:${local} is not a supported geometry element`);
  }
}

/** The CRS of a GML geometry by its srsName: EPSG:25832 or EPSG:4326 (lat/lon for URN/URL names). */
export function gmlCrs(srsName: string | undefined): { srid: RegisterSrid; latFirst: boolean; name: string | null } {
  if (srsName === undefined) return { srid: 25832, latFirst: false, name: null };
  const parsed = parseCrsName(srsName);
  if (!parsed) throw new GmlProblem(`srsName "${srsName.slice(0, 80)}" is not supported: use EPSG:25832 or EPSG:4326`);
  return { ...parsed, name: srsName };
}

/** The geometry with x and y swapped in every position (latitude-first GML to lon/lat), as a new object. */
export function swapAxes(g: Geometry): Geometry {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0]] : Array.isArray(c) ? c.map(walk) : c;
  return { type: g.type, coordinates: walk(g.coordinates) };
}
