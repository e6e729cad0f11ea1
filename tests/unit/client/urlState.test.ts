import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  formatUrlState,
  parseUrlState,
  urlStateOf,
  type UrlState,
} from '../../../client/src/app/urlState';
import { DEFAULT_VIEW } from '../../../client/src/map/MapViewState';

describe('parseUrlState', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('reads every parameter', () => {
    expect(parseUrlState('?map=14/55.4785/12.169&site=bellingeparken&action=3.6&lang=en&off=sea,energy-zones')).toEqual(
      {
        view: { zoom: 14, lat: 55.4785, lon: 12.169 },
        site: 'bellingeparken',
        action: '3.6',
        lang: 'en',
        off: ['energy-zones', 'sea'],
      },
    );
  });

  it('accepts a view with a double’s full precision and rounds it to about a metre', () => {
    expect(parseUrlState('?map=15/55.479123456789012/12.169876543210987').view).toEqual({
      zoom: 15,
      lat: 55.47912,
      lon: 12.16988,
    });
  });

  it.each([
    ['not numbers', 'map=a/b/c'],
    ['too few parts', 'map=10/55.4'],
    ['too many parts', 'map=10/55.4/12.1/3'],
    ['zoom above 22', 'map=23/55.4/12.1'],
    ['negative zoom', 'map=-1/55.4/12.1'],
    ['latitude beyond 90', 'map=10/95/12.1'],
    ['longitude beyond 180', 'map=10/55/181'],
    ['exponent notation', 'map=1e1/55/12'],
    ['NaN', 'map=NaN/55/12'],
    ['Infinity', 'map=10/Infinity/12'],
    ['empty parts', 'map=//'],
  ])('falls back to the default view for %s', (_, query) => {
    expect(parseUrlState(`?${query}`).view).toBeNull();
  });

  it.each(['Bellingeparken', '-leading-dash', 'a'.repeat(65), 'spaces here', '<script>', '../etc', ''])(
    'rejects the site id %j',
    (site) => {
      expect(parseUrlState(`?site=${encodeURIComponent(site)}`).site).toBeNull();
    },
  );

  it.each(['3', '3.', '.6', '3.6.1', '123.4', 'x.y', '3,6'])('rejects the action %j', (action) => {
    expect(parseUrlState(`?action=${encodeURIComponent(action)}`).action).toBeNull();
  });

  it('falls back to Danish for an unknown language', () => {
    expect(parseUrlState('?lang=de').lang).toBe('da');
  });

  it('drops malformed hidden-layer ids and duplicates, keeping the valid ones', () => {
    expect(parseUrlState('?off=sea,BAD,sea,,rail,%3Cx%3E').off).toEqual(['rail', 'sea']);
  });

  it('keeps valid parameters when another one is garbage', () => {
    const state = parseUrlState('?map=99/0/0&site=kn-1&lang=en');
    expect(state).toEqual({ ...DEFAULT_URL_STATE, site: 'kn-1', lang: 'en' });
  });
});

describe('formatUrlState', () => {
  it('writes nothing when everything is default', () => {
    expect(formatUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('leaves out the default view', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, view: { ...DEFAULT_VIEW } })).toBe('');
  });

  it('writes only the non-default parameters, in a fixed order', () => {
    expect(
      formatUrlState({
        view: { zoom: 12.5, lat: 55.48, lon: 12.15 },
        site: 'kn-1',
        action: '3.6',
        lang: 'en',
        off: ['sea', 'energy-zones'],
      }),
    ).toBe('?map=12.5/55.48/12.15&site=kn-1&action=3.6&lang=en&off=energy-zones,sea');
  });

  it('rounds the view to 2 decimals of zoom and 5 of a degree', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, view: { zoom: 12.3456, lat: 55.123456789, lon: -0.000001 } })).toBe(
      '?map=12.35/55.12346/0',
    );
  });

  it('never writes an invalid id it was given', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, site: 'Not Valid', off: ['ok', 'NOT OK'] })).toBe('?off=ok');
  });
});

describe('round trip', () => {
  it('parses back what it formats (example)', () => {
    const state: UrlState = {
      view: { zoom: 14, lat: 55.4785, lon: 12.169 },
      site: 'bellingeparken',
      action: '10.4',
      lang: 'en',
      off: ['sea'],
    };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });

  it('parses back what it formats (property)', () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const fixed = (min: number, max: number, decimals: number) =>
      fc.integer({ min: min * 10 ** decimals, max: max * 10 ** decimals }).map((n) => {
        const value = n / 10 ** decimals;
        return value === 0 ? 0 : value;
      });
    const state = fc.record({
      view: fc.option(fc.record({ zoom: fixed(0, 22, 2), lat: fixed(-90, 90, 5), lon: fixed(-180, 180, 5) })),
      site: fc.option(slug),
      action: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
      ),
      lang: fc.constantFrom('da' as const, 'en' as const),
      off: fc.uniqueArray(slug, { maxLength: 5 }).map((ids) => [...ids].sort()),
    });
    fc.assert(
      fc.property(state, (s) => {
        const expected =
          s.view && formatUrlState({ ...DEFAULT_URL_STATE, view: s.view }) === '' ? { ...s, view: null } : s;
        expect(parseUrlState(formatUrlState(s))).toEqual(expected);
      }),
      { seed: 20_240_601, numRuns: 300 },
    );
  });
});

describe('urlStateOf', () => {
  it('takes the permalink fields from the app state', () => {
    expect(
      urlStateOf({ view: null, selectedSiteId: 'kn-1', selectedAction: '1.4', lang: 'da', hiddenLayerIds: ['sea'] }),
    ).toEqual({ view: null, site: 'kn-1', action: '1.4', lang: 'da', off: ['sea'] });
  });
});
