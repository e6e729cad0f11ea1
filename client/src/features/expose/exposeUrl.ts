import { SLUG_PATTERN } from '../../api/vocabulary';
import { DEFAULT_LANG, type Lang } from '@shared/i18n/Lang';
import { DEFAULT_URL_STATE, formatUrlState } from '../../app/urlState';

const SLUG = new RegExp(SLUG_PATTERN);

/**
 * Reads `?expose=<siteId>`: null when the link is no exposé link; `{ id: null }` when it is one whose id
 * cannot be a site id (the page then says "not found" instead of asking the API).
 */
export function parseExposeParam(search: string): { id: string | null } | null {
  const value = new URLSearchParams(search).get('expose');
  if (value === null) return null;
  return { id: SLUG.test(value) ? value : null };
}

/** The exposé page of a site, in a language. */
export function exposeHref({ id, lang }: { id: string; lang: Lang }): string {
  return `/?expose=${encodeURIComponent(id)}${lang === DEFAULT_LANG ? '' : `&lang=${lang}`}`;
}

/** The map with the site selected, in a language: where the exposé's back link goes. */
export function mapHrefOf({ id, lang }: { id: string | null; lang: Lang }): string {
  return `/${formatUrlState({ ...DEFAULT_URL_STATE, site: id, lang })}`;
}
