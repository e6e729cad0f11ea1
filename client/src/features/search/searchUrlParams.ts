import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '@shared/schemas/search';

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
