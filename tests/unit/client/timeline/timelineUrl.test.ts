import { describe, expect, it } from 'vitest';
import { parseTimelineParam, timelineHref } from '../../../../client/src/features/timeline/timelineUrl';

describe('parseTimelineParam', () => {
  it('is null for a link without ?timeline=', () => {
    expect(parseTimelineParam('?site=kn-1')).toBeNull();
  });

  it('reads ?timeline=all as every plot', () => {
    expect(parseTimelineParam('?timeline=all&lang=en')).toEqual({ kind: 'all' });
  });

  it('reads a site id', () => {
    expect(parseTimelineParam('?timeline=koege-nord-04')).toEqual({ kind: 'site', siteId: 'koege-nord-04' });
  });

  it('marks an id that cannot be a site id as invalid instead of asking the API', () => {
    expect(parseTimelineParam('?timeline=..%2Fadmin')).toEqual({ kind: 'invalid' });
    expect(parseTimelineParam('?timeline=')).toEqual({ kind: 'invalid' });
  });
});

describe('timelineHref', () => {
  it('links every plot in Danish without a lang parameter', () => {
    expect(timelineHref({ siteId: null, lang: 'da' })).toBe('/?timeline=all');
  });

  it('links one site in English', () => {
    expect(timelineHref({ siteId: 'kn-1', lang: 'en' })).toBe('/?timeline=kn-1&lang=en');
  });

  it('round-trips through the parser', () => {
    const href = timelineHref({ siteId: 'kn-7', lang: 'en' });
    expect(parseTimelineParam(href.slice(1))).toEqual({ kind: 'site', siteId: 'kn-7' });
  });
});
