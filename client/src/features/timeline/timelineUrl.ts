import { SLUG_PATTERN } from '../../api/vocabulary';
import { DEFAULT_LANG, type Lang } from '@shared/i18n/Lang';

const SLUG = new RegExp(SLUG_PATTERN);

/** The years the transparency page shows (issue #5): the business policy's period. */
export const TIMELINE_FROM = '2024-01-01';
export const TIMELINE_TO = '2028-12-31';

/** What `?timeline=` asks for: every plot (`all`), one site, or an id that cannot be a site's. */
export type TimelineTarget = { kind: 'all' } | { kind: 'site'; siteId: string } | { kind: 'invalid' };

/** Reads `?timeline=all` or `?timeline=<siteId>`; null when the link is no timeline link. */
export function parseTimelineParam(search: string): TimelineTarget | null {
  const value = new URLSearchParams(search).get('timeline');
  if (value === null) return null;
  if (value === 'all') return { kind: 'all' };
  return SLUG.test(value) ? { kind: 'site', siteId: value } : { kind: 'invalid' };
}

/** The transparency page of every plot (`siteId` null) or of one site, in a language. */
export function timelineHref({ siteId, lang }: { siteId: string | null; lang: Lang }): string {
  const target = siteId === null ? 'all' : encodeURIComponent(siteId);
  return `/?timeline=${target}${lang === DEFAULT_LANG ? '' : `&lang=${lang}`}`;
}
