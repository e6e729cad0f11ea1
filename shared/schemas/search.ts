import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { Bbox } from './geojson';
import {
  SEARCH_LIMIT_MAX,
  SEARCH_MATCHES,
  SEARCH_PICK_TYPES,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  SEARCH_TYPES,
} from './vocabulary';

// The search's plain constants live in vocabulary.ts, which the client imports without TypeBox; here for the server.
export {
  SEARCH_LIMIT_MAX,
  SEARCH_MATCHES,
  SEARCH_PICK_ID_PATTERN,
  SEARCH_PICK_TYPES,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  SEARCH_TYPES,
  type SearchMatch,
  type SearchPickType,
  type SearchType,
} from './vocabulary';

const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: SEARCH_QUERY_MIN,
      maxLength: SEARCH_QUERY_MAX,
      // No control characters (C0, DEL, C1): they are never typed, only injected.
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$',
      description: 'what was typed: a name, number, matrikel number or address; Danish letters may be spelt aa/oe/ae',
    }),
    // Query strings are not coerced (app.ts): a number is checked as text, then read.
    limit: Type.Optional(
      Type.String({ pattern: '^[1-9][0-9]?$', description: `most hits, 1–${SEARCH_LIMIT_MAX}; default 10` }),
    ),
    types: Type.Optional(
      Type.String({
        pattern: `^(${SEARCH_TYPES.join('|')})(,(${SEARCH_TYPES.join('|')}))*$`,
        maxLength: 100,
        description: `comma-separated kinds to search: ${SEARCH_TYPES.join(', ')} (default all)`,
      }),
    ),
    bbox: Type.Optional(
      Type.String({ maxLength: 200, description: 'the current view, west,south,east,north (EPSG:4326): nearer first' }),
    ),
    near: Type.Optional(
      Type.String({ maxLength: 100, description: 'a point lon,lat (EPSG:4326) to rank by distance, instead of bbox' }),
    ),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  type: oneOf(SEARCH_TYPES),
  /** What to open: a site id, an action number ("3.6"), an initiative number, a parcel id or an address id. */
  id: Type.String(),
  name: Type.String(),
  /** A second line: the layer, the initiative, the postcode town. */
  detail: Type.String(),
  /** The site's layer, for types place, site and plot. */
  layer: Type.Optional(Type.String()),
  match: oneOf(SEARCH_MATCHES),
  /** Extent in EPSG:4326 degrees; null for what has no place on the map (an action without sites). */
  bbox: Type.Union([Bbox, Type.Null()]),
  /** Distance from `near` or the view's centre, metres (EPSG:25832); null without either. */
  distance_m: Type.Union([Type.Number(), Type.Null()]),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({
  /** The query as the search read it (folded: lower case, å/ø/æ spelt aa/oe/ae, punctuation as spaces). */
  folded: Type.String(),
  hits: Type.Array(SearchHit),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchHitParams = Type.Object(
  {
    type: oneOf(SEARCH_PICK_TYPES),
    id: Type.String({ maxLength: 36, description: 'a parcel id (digits) or an address id (uuid)' }),
  },
  { additionalProperties: false },
);
export type SearchHitParams = Static<typeof SearchHitParams>;
