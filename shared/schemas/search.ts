import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { Bbox } from './geojson';

/** What one search hit is: what the client opens when it is picked. */
export const SEARCH_TYPES = ['place', 'site', 'plot', 'action', 'initiative', 'parcel', 'address'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** How a hit matched the query, best first: the ranking's first key. */
export const SEARCH_MATCHES = ['exact', 'prefix', 'word', 'substring', 'fuzzy'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** Shortest and longest query the search accepts, in characters. */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;
/** Most hits one search returns. */
export const SEARCH_LIMIT_MAX = 50;

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

/** The kinds of hit that a link selects by `sel=<type>:<id>` (the others have site= and action=). */
export const SEARCH_PICK_TYPES = ['parcel', 'address'] as const;
export type SearchPickType = (typeof SEARCH_PICK_TYPES)[number];
/** A parcel's id (its number in the register) or an address's (a uuid), as a link carries it. */
export const SEARCH_PICK_ID_PATTERN: Record<SearchPickType, string> = {
  parcel: '^[1-9][0-9]{0,17}$',
  address: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};

export const SearchHitParams = Type.Object(
  {
    type: oneOf(SEARCH_PICK_TYPES),
    id: Type.String({ maxLength: 36, description: 'a parcel id (digits) or an address id (uuid)' }),
  },
  { additionalProperties: false },
);
export type SearchHitParams = Static<typeof SearchHitParams>;
