/** A WFS GetFeature URL's parameters, whatever their case (WFS key names are case-insensitive). */
function param(url: URL, names: readonly string[]): [string, string] | undefined {
  for (const [key, value] of url.searchParams) {
    if (names.includes(key.toLowerCase())) return [key, value];
  }
  return undefined;
}

/** Features per page when the URL names no count. */
export const DEFAULT_PAGE_SIZE = 1000;

export interface WfsPaging {
  /** Features per page (COUNT, or WFS 1.x MAXFEATURES). */
  count: number;
  startIndex: number;
  /** The feature type the URL asks for (TYPENAMES/TYPENAME), to tell features that carry no type of their own. */
  typeName: string | undefined;
  /** The URL of the page at `startIndex`. */
  pageUrl(startIndex: number): string;
}

/**
 * How to page through a WFS GetFeature request: its COUNT (default {@link DEFAULT_PAGE_SIZE}) and STARTINDEX,
 * which each page's URL sets, keeping every other parameter (and its spelling) as given.
 */
export function wfsPaging(location: string): WfsPaging {
  const url = new URL(location);
  const countParam = param(url, ['count', 'maxfeatures']);
  const startParam = param(url, ['startindex']);
  const count = countParam ? Number(countParam[1]) : DEFAULT_PAGE_SIZE;
  const startIndex = startParam ? Number(startParam[1]) : 0;
  if (!Number.isInteger(count) || count < 1) throw new Error(`${countParam![0]} must be a positive whole number`);
  if (!Number.isInteger(startIndex) || startIndex < 0) {
    throw new Error(`${startParam![0]} must be a whole number of 0 or more`);
  }
  const typeName = param(url, ['typenames', 'typename'])?.[1]
    .split(',')[0]
    ?.replace(/^[^:]*:/, '');
  const countKey = countParam?.[0] ?? 'COUNT';
  const startKey = startParam?.[0] ?? 'STARTINDEX';
  return {
    count,
    startIndex,
    typeName,
    pageUrl(start) {
      const page = new URL(location);
      page.searchParams.set(countKey, String(count));
      page.searchParams.set(startKey, String(start));
      return page.toString();
    },
  };
}
