import type { Geometry, LineString, Point, Polygon } from 'geojson';

/** One part of a draft: the single geometries terra-draw can draw and edit. */
export type DraftPart = Polygon | LineString | Point;

/**
 * Splits a geometry into the single parts terra-draw edits one by one (a MultiPolygon into its polygons).
 * A GeometryCollection's members are split in turn; null gives no part.
 */
export function toParts(geometry: Geometry | null): DraftPart[] {
  if (geometry === null) return [];
  switch (geometry.type) {
    case 'Polygon':
    case 'LineString':
    case 'Point':
      return [geometry];
    case 'MultiPolygon':
      return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'GeometryCollection':
      return geometry.geometries.flatMap((member) => toParts(member));
  }
}

/**
 * Joins a draft's parts into the one geometry the store and the API see: a single part stays as it is, several
 * of one type become the Multi type, mixed types a GeometryCollection (which the API refuses, naming `geometry`).
 * No part gives null.
 */
export function fromParts(parts: readonly DraftPart[]): Geometry | null {
  const [first] = parts;
  if (first === undefined) return null;
  if (parts.length === 1) return first;
  if (parts.every((part): part is Polygon => part.type === 'Polygon')) {
    return { type: 'MultiPolygon', coordinates: parts.map((part) => part.coordinates) };
  }
  if (parts.every((part): part is LineString => part.type === 'LineString')) {
    return { type: 'MultiLineString', coordinates: parts.map((part) => part.coordinates) };
  }
  if (parts.every((part): part is Point => part.type === 'Point')) {
    return { type: 'MultiPoint', coordinates: parts.map((part) => part.coordinates) };
  }
  return { type: 'GeometryCollection', geometries: [...parts] };
}
