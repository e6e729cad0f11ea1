import {
  SEARCH_PICK_ID_PATTERN,
  SEARCH_PICK_TYPES,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  type SearchPickType,
} from '@shared/schemas/vocabulary';

// eslint-disable-next-line no-control-regex -- control characters are what a link's q may not hold
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The link's `q=`: the search that opened the selection; null when absent or not a query the search accepts. */
export function parseSearchParam(value: string | null): string | null {
  const q = value?.trim() ?? '';
  return q.length >= SEARCH_QUERY_MIN && q.length <= SEARCH_QUERY_MAX && !CONTROL.test(q) ? q : null;
}

/** `q=<query>` (encoded), or nothing. */
export function formatSearchParam(q: string | null): string[] {
  const valid = parseSearchParam(q);
  return valid === null ? [] : [`q=${encodeURIComponent(valid)}`];
}

/** A parcel or address a link selects. */
export interface SearchPickRef {
  type: SearchPickType;
  id: string;
}

const isPickType = (value: string): value is SearchPickType => (SEARCH_PICK_TYPES as readonly string[]).includes(value);

/** The link's `sel=<type>:<id>` (`sel=address:<uuid>`, `sel=parcel:<digits>`); null when absent or malformed. */
export function parsePickParam(value: string | null): SearchPickRef | null {
  const at = value?.indexOf(':') ?? -1;
  if (value === null || at < 0) return null;
  const type = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!isPickType(type) || !new RegExp(SEARCH_PICK_ID_PATTERN[type]).test(id)) return null;
  return { type, id: type === 'address' ? id.toLowerCase() : id };
}

/** `sel=<type>:<id>`, or nothing. */
export function formatPickParam(pick: SearchPickRef | null): string[] {
  const valid = pick === null ? null : parsePickParam(`${pick.type}:${pick.id}`);
  return valid === null ? [] : [`sel=${valid.type}:${valid.id}`];
}
