import type { Geometry } from '@shared/schemas/geojson';
import { fromUtm32 as unproject } from '../../map/fromUtm32';
import { toUtm32 } from '../../map/toUtm32';

/** What a shape is on the exposé map: the plot itself, or context drawn around it. */
export type ExposeMapRole = 'plot' | 'neighbour' | 'motorway' | 'rail' | 'station';

/** One feature to draw: its geometry in EPSG:4326 (lon, lat degrees, RFC 7946). */
export interface ExposeMapInput {
  id: string;
  role: ExposeMapRole;
  name: string;
  geometry: Geometry;
}

/** A polygon or line as an SVG path in viewBox units. */
export interface ExposeMapPath {
  id: string;
  role: ExposeMapRole;
  name: string;
  d: string;
}

/** A point in viewBox units (only points inside the frame are kept). */
export interface ExposeMapPoint {
  id: string;
  role: ExposeMapRole;
  name: string;
  x: number;
  y: number;
}

export interface ExposeMap {
  width: number;
  height: number;
  paths: ExposeMapPath[];
  points: ExposeMapPoint[];
  /** The scale bar: a round length in metres and its length in viewBox units. */
  scaleBar: { metres: number; length: number };
  /** Clockwise angle from the viewBox's up (grid north, EPSG:25832) to true north, in degrees. */
  northDeg: number;
  /** viewBox units per metre. */
  unitsPerMetre: number;
  /** The framed extent in EPSG:25832 metres: [minE, minN, maxE, maxN]. */
  extent: [number, number, number, number];
}

/** The frame of the exposé map: the plot's EPSG:25832 extent grown by a margin, and a lon/lat box to query around it. */
export interface ExposeFrame {
  /** [minE, minN, maxE, maxN] in EPSG:25832 metres. */
  extent: [number, number, number, number];
  /** [west, south, east, north] in EPSG:4326 degrees, covering the extent (for `?bbox=`). */
  bbox: [number, number, number, number];
}

type Position = [number, number];

/** Every position of a geometry as lon/lat pairs (heights dropped). */
function positionsOf(geometry: Geometry): Position[] {
  const out: Position[] = [];
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      out.push([value[0], value[1]]);
      return;
    }
    for (const inner of value) walk(inner);
  };
  walk(geometry.coordinates);
  return out;
}

const project = ([lon, lat]: Position): Position => {
  const { easting, northing } = toUtm32({ lon, lat });
  return [easting, northing];
};

/**
 * The frame around a plot: its EPSG:25832 bounding box, grown on every side by `marginM` metres or by
 * `marginRatio` of its larger side, whichever is more, and the EPSG:4326 box covering that frame.
 */
export function exposeFrame({
  geometry,
  marginM = 250,
  marginRatio = 0.6,
}: {
  geometry: Geometry;
  marginM?: number;
  marginRatio?: number;
}): ExposeFrame {
  const points = positionsOf(geometry).map(project);
  if (points.length === 0) throw new Error('exposeFrame: the geometry has no positions');
  const es = points.map((p) => p[0]);
  const ns = points.map((p) => p[1]);
  const [minE, maxE, minN, maxN] = [Math.min(...es), Math.max(...es), Math.min(...ns), Math.max(...ns)];
  const margin = Math.max(marginM, marginRatio * Math.max(maxE - minE, maxN - minN));
  const extent: [number, number, number, number] = [minE - margin, minN - margin, maxE + margin, maxN + margin];
  const corners = [
    [extent[0], extent[1]],
    [extent[0], extent[3]],
    [extent[2], extent[1]],
    [extent[2], extent[3]],
  ].map(([e, n]) => toLonLat(e as number, n as number));
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return { extent, bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] };
}

function toLonLat(easting: number, northing: number): Position {
  const { lon, lat } = unproject({ easting, northing });
  return [lon, lat];
}

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `maxMetres`. */
export function niceScaleLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) throw new Error('niceScaleLength: needs a positive length');
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((m) => m * power <= maxMetres) ?? 1;
  return step * power;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function ringsOf(geometry: Geometry): { rings: Position[][]; closed: boolean } {
  const c = geometry.coordinates as unknown;
  switch (geometry.type) {
    case 'Polygon':
      return { rings: c as Position[][], closed: true };
    case 'MultiPolygon':
      return { rings: (c as Position[][][]).flat(), closed: true };
    case 'LineString':
      return { rings: [c as Position[]], closed: false };
    case 'MultiLineString':
      return { rings: c as Position[][], closed: false };
    default:
      return { rings: [], closed: false };
  }
}

/**
 * Projects the plot and its context from EPSG:4326 to EPSG:25832 (metres) and fits the frame into a
 * `width` × `height` viewBox, north up (grid north of UTM 32N), the same scale on both axes. Polygons and
 * lines become SVG paths (the SVG clips what lies outside); points outside the frame are dropped. Pure: the
 * input is never changed.
 */
export function buildExposeMap({
  frame,
  features,
  width,
  height,
}: {
  frame: ExposeFrame;
  features: readonly ExposeMapInput[];
  width: number;
  height: number;
}): ExposeMap {
  const [minE, minN, maxE, maxN] = frame.extent;
  const unitsPerMetre = Math.min(width / (maxE - minE), height / (maxN - minN));
  // Centre the frame in the viewBox when its aspect differs.
  const offsetX = (width - (maxE - minE) * unitsPerMetre) / 2;
  const offsetY = (height - (maxN - minN) * unitsPerMetre) / 2;
  const toView = (position: Position): Position => {
    const [e, n] = project(position);
    return [offsetX + (e - minE) * unitsPerMetre, offsetY + (maxN - n) * unitsPerMetre];
  };

  const paths: ExposeMapPath[] = [];
  const points: ExposeMapPoint[] = [];
  for (const feature of features) {
    if (feature.geometry.type === 'Point' || feature.geometry.type === 'MultiPoint') {
      for (const position of positionsOf(feature.geometry)) {
        const [x, y] = toView(position);
        if (x >= 0 && x <= width && y >= 0 && y <= height) {
          points.push({ id: feature.id, role: feature.role, name: feature.name, x: round1(x), y: round1(y) });
        }
      }
      continue;
    }
    const { rings, closed } = ringsOf(feature.geometry);
    const d = rings
      .filter((ring) => ring.length > 1)
      .map(
        (ring) =>
          ring
            .map((position, i) => {
              const [x, y] = toView(position);
              return `${i === 0 ? 'M' : 'L'}${round1(x)} ${round1(y)}`;
            })
            .join(' ') + (closed ? ' Z' : ''),
      )
      .join(' ');
    if (d !== '') paths.push({ id: feature.id, role: feature.role, name: feature.name, d });
  }

  const metres = niceScaleLength((width * 0.3) / unitsPerMetre);
  // Grid convergence: the angle between grid north and a meridian through the frame's centre.
  const centre = toLonLat((minE + maxE) / 2, (minN + maxN) / 2);
  const [e0, n0] = project(centre);
  const [e1, n1] = project([centre[0], centre[1] + 0.01]);
  const northDeg = (Math.atan2(e1 - e0, n1 - n0) * 180) / Math.PI;

  return {
    width,
    height,
    paths,
    points,
    scaleBar: { metres, length: metres * unitsPerMetre },
    northDeg,
    unitsPerMetre,
    extent: [...frame.extent],
  };
}
