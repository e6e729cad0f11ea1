import { describe, expect, it } from 'vitest';
import { exposeHref, mapHrefOf, parseExposeParam } from '../../../../client/src/features/expose/exposeUrl';

describe('parseExposeParam', () => {
  it('is null for links without expose', () => {
    expect(parseExposeParam('?site=kn-05')).toBeNull();
  });

  it('reads a site id', () => {
    expect(parseExposeParam('?expose=kn-05&lang=en')).toEqual({ id: 'kn-05' });
  });

  it('keeps an exposé link whose id cannot be a site id, without the id', () => {
    expect(parseExposeParam('?expose=%3Cscript%3E')).toEqual({ id: null });
  });
});

describe('exposé links', () => {
  it('link to the exposé in the language', () => {
    expect(exposeHref({ id: 'kn-05', lang: 'da' })).toBe('/?expose=kn-05');
    expect(exposeHref({ id: 'kn-05', lang: 'en' })).toBe('/?expose=kn-05&lang=en');
  });

  it('link back to the map with the site selected', () => {
    expect(mapHrefOf({ id: 'kn-05', lang: 'en' })).toBe('/?site=kn-05&lang=en');
    expect(mapHrefOf({ id: null, lang: 'da' })).toBe('/');
  });
});
