/** One entity-tag of a list: optionally weak (`W/`), then a quoted opaque tag, which may hold commas. */
const ENTITY_TAG = /(W\/)?"([^"]*)"/g;

/**
 * Which of `etags` (entity-tags as sent in ETag, e.g. `"v1"`, the current representation first) an
 * If-None-Match header names, or null when it names none of them. The comparison is the weak one RFC 9110
 * §13.1.2 prescribes for If-None-Match: `W/"v1"` matches `"v1"`, so a proxy that weakened our tag (as some
 * do when they compress) still gets its 304. `*` matches the current representation (the first).
 */
export function findMatchingEtag(header: string | undefined, etags: readonly string[]): string | null {
  if (header === undefined || etags.length === 0) return null;
  if (header.trim() === '*') return etags[0]!;
  const named = new Set<string>();
  for (const [, , opaque] of header.matchAll(ENTITY_TAG)) named.add(opaque!);
  return etags.find((etag) => named.has(etag.replace(/^W\//, '').slice(1, -1))) ?? null;
}
