import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  formatUrlState,
  linkWithoutView,
  parseUrlState,
  urlStateOf,
  type UrlState,
} from '../../../../client/src/app/urlState';
import { DEFAULT_VIEW } from '../../../../client/src/map/MapViewState';
import { DEFAULT_FINDER_FILTERS, type FinderFilters } from '../../../../client/src/features/finder/FinderFilters';

describe('parseUrlState', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('reads every parameter', () => {
    expect(parseUrlState('?map=14/55.4785/12.169&site=bellingeparken&action=3.6&lang=en&off=sea,energy-zones')).toEqual(
      {
        ...DEFAULT_URL_STATE,
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
        ...DEFAULT_URL_STATE,
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
      ...DEFAULT_URL_STATE,
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
    const state = fc
      .record({
        view: fc.option(fc.record({ zoom: fixed(0, 22, 2), lat: fixed(-90, 90, 5), lon: fixed(-180, 180, 5) })),
        site: fc.option(slug),
        action: fc.option(
          fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
        ),
        lang: fc.constantFrom('da' as const, 'en' as const),
        off: fc.uniqueArray(slug, { maxLength: 5 }).map((ids) => [...ids].sort()),
      })
      .map((s) => ({ ...DEFAULT_URL_STATE, ...s }));
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
      urlStateOf({
        view: null,
        selectedSiteId: 'kn-1',
        selectedAction: '1.4',
        lang: 'da',
        hiddenLayerIds: ['sea'],
        sidebarTab: 'finder',
        finderFilters: { ...DEFAULT_FINDER_FILTERS, statuses: ['open'] },
        shortlist: ['kn-1', 'kn-2'],
        compareIds: ['kn-2'],
        compareOpen: true,
        climate: { level: 2.3, dike: 'without' },
        climateCompare: null,
        climateCompareView: 'swipe',
        presentStep: 4,
        selectedSketchId: null,
        searchQuery: 'Køge Nord',
        searchPick: { type: 'address', id: '0a3f5081-0000-4000-8000-000000000001' },
      }),
    ).toEqual({
      view: null,
      site: 'kn-1',
      action: '1.4',
      lang: 'da',
      off: ['sea'],
      tab: 'finder',
      finder: { ...DEFAULT_FINDER_FILTERS, statuses: ['open'] },
      ignored: [],
      short: ['kn-1', 'kn-2'],
      compare: ['kn-2'],
      climate: { level: 2.3, dike: 'without' },
      climateCompare: null,
      climateCompareView: 'swipe',
      present: 4,
      sketch: null,
      q: 'Køge Nord',
      sel: { type: 'address', id: '0a3f5081-0000-4000-8000-000000000001' },
    });
  });
});

describe('linkWithoutView (what useUrlSync writes at once)', () => {
  const base: Parameters<typeof linkWithoutView>[0] = {
    view: null,
    selectedSiteId: null,
    selectedAction: null,
    lang: 'da',
    hiddenLayerIds: [],
    sidebarTab: 'layers',
    finderFilters: DEFAULT_FINDER_FILTERS,
    shortlist: [],
    compareIds: [],
    compareOpen: false,
    climate: { level: 1.8, dike: 'with' },
    climateCompare: null,
    climateCompareView: 'overlay',
    presentStep: null,
    selectedSketchId: null,
    searchQuery: null,
    searchPick: null,
  };

  it.each<[string, Partial<typeof base>]>([
    ['site', { selectedSiteId: 'kn-1' }],
    ['action', { selectedAction: '1.4' }],
    ['language', { lang: 'en' }],
    ['hidden layers', { hiddenLayerIds: ['sea'] }],
    ['tab', { sidebarTab: 'finder' }],
    ['finder filters', { finderFilters: { ...DEFAULT_FINDER_FILTERS, statuses: ['open'] } }],
    ['shortlist', { shortlist: ['kn-1'] }],
    ['open comparison', { compareIds: ['kn-1'], compareOpen: true }],
    ['climate scenario', { sidebarTab: 'climate', climate: { level: 2.3, dike: 'without' } }],
    ['presentation step', { presentStep: 2 }],
    ['sketch', { selectedSketchId: '3f1c6a36-1d2b-4f4e-9a55-0b8c1c2d3e4f' }],
    ['search pick', { searchPick: { type: 'parcel', id: '990000001' } }],
  ])('changes with the %s', (_name, patch) => {
    expect(linkWithoutView({ ...base, ...patch })).not.toBe(linkWithoutView(base));
  });

  it('does not change with the camera, which useUrlSync writes after a pause', () => {
    expect(linkWithoutView({ ...base, view: { lon: 12.2, lat: 55.5, zoom: 13 } })).toBe(linkWithoutView(base));
  });
});

describe('plot finder parameters', () => {
  const LINK =
    '?tab=finder&status=open,planned&planned_year=2026&use=production&min_area=20000&max_area=&unit=m2' +
    '&min_height=12.5&max_station_m=1500&max_junction_m=&outside_flood=1.8&flood_dike=without&sort=station';
  const FILTERS: FinderFilters = {
    statuses: ['planned', 'open'],
    plannedYear: 2026,
    uses: ['production'],
    minAreaM2: 20_000,
    maxAreaM2: null,
    areaUnit: 'm2',
    minHeightM: 12.5,
    maxStationM: 1500,
    maxJunctionM: null,
    floodLevel: 1.8,
    floodDike: 'without',
    sort: 'station',
  };

  it('reads the tab and every filter; an empty value means "not set"', () => {
    expect(parseUrlState(LINK)).toEqual({ ...DEFAULT_URL_STATE, tab: 'finder', finder: FILTERS });
  });

  it('writes only the filters that are set, in a fixed order', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, tab: 'finder', finder: FILTERS })).toBe(
      '?tab=finder&status=planned,open&planned_year=2026&use=production&min_area=20000&unit=m2' +
        '&min_height=12.5&max_station_m=1500&outside_flood=1.8&flood_dike=without&sort=station',
    );
  });

  it('writes "all" for no status filter, since the default is the available plots', () => {
    const all = { ...DEFAULT_URL_STATE, tab: 'finder' as const, finder: { ...DEFAULT_FINDER_FILTERS, statuses: [] } };
    expect(formatUrlState(all)).toBe('?tab=finder&status=all');
    expect(parseUrlState('?tab=finder&status=all').finder.statuses).toEqual([]);
    expect(parseUrlState('?tab=finder').finder.statuses).not.toContain('sold');
  });

  it('leaves out the default tab and the default filters', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, tab: 'layers', finder: { ...DEFAULT_FINDER_FILTERS } })).toBe('');
  });

  it('parses back what it formats', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, tab: 'finder', finder: FILTERS };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });

  it.each([
    ['an unknown status', 'status=open,bogus', 'status'],
    ['an unknown use', 'use=casino', 'use'],
    ['a year outside the select', 'planned_year=1999', 'planned_year'],
    ['a year that is no number', 'planned_year=20x6', 'planned_year'],
    ['a negative area', 'min_area=-5', 'min_area'],
    ['exponent notation', 'max_area=1e9', 'max_area'],
    ['an area beyond the API limit', 'max_area=100000001', 'max_area'],
    ['a height beyond the API limit', 'min_height=1001', 'min_height'],
    ['an injection string', `max_station_m=${encodeURIComponent("1' OR 1=1--")}`, 'max_station_m'],
    ['a distance with a unit', 'max_junction_m=2km', 'max_junction_m'],
    ['an unknown unit', 'unit=acres', 'unit'],
    ['an unknown sort', 'sort=price', 'sort'],
    ['a double minus sort', 'sort=--area', 'sort'],
    ['a flood level above the model', 'outside_flood=9', 'outside_flood'],
    ['a negative flood level', 'outside_flood=-1', 'outside_flood'],
    ['a flood level in millimetres', 'outside_flood=1.805', 'outside_flood'],
    ['a flood level with a unit', 'outside_flood=1.8m', 'outside_flood'],
  ])('ignores %s, names it, and keeps the rest', (_, query, name) => {
    const kept = name === 'status' ? 'use=office' : 'status=sold';
    const state = parseUrlState(`?${kept}&${query}`);
    expect(state.ignored).toEqual([name]);
    expect(state.finder).toEqual({
      ...DEFAULT_FINDER_FILTERS,
      ...(name === 'status' ? { uses: ['office'] } : { statuses: ['sold'] }),
    });
  });

  it('reads a named flood scenario with the dike, and any level of the model without one', () => {
    expect(parseUrlState('?outside_flood=1.80&flood_dike=with')).toMatchObject({
      ignored: [],
      finder: { floodLevel: 1.8, floodDike: 'with' },
    });
    expect(parseUrlState('?outside_flood=0').finder.floodLevel).toBe(0);
    expect(parseUrlState('?outside_flood=4&flood_dike=without').finder).toMatchObject({
      floodLevel: 4,
      floodDike: 'without',
    });
  });

  it('ignores an unknown dike state, names it, and keeps the flood level', () => {
    const state = parseUrlState('?outside_flood=1.8&flood_dike=x');
    expect(state.ignored).toEqual(['flood_dike']);
    expect(state.finder).toEqual({ ...DEFAULT_FINDER_FILTERS, floodLevel: 1.8 });
  });

  it('ignores a dike state without a flood level, and both when the level is bad', () => {
    expect(parseUrlState('?flood_dike=without')).toMatchObject({
      ignored: ['flood_dike'],
      finder: DEFAULT_FINDER_FILTERS,
    });
    expect(parseUrlState('?outside_flood=9&flood_dike=without')).toMatchObject({
      ignored: ['outside_flood', 'flood_dike'],
      finder: DEFAULT_FINDER_FILTERS,
    });
  });

  it('writes the flood filter as the API names it, the default dike left out, and reads it back', () => {
    for (const [floodLevel, floodDike, link] of [
      [1.8, 'without', '?outside_flood=1.8&flood_dike=without'],
      [3.45, 'with', '?outside_flood=3.45'],
      [null, 'without', ''],
    ] as const) {
      const state: UrlState = { ...DEFAULT_URL_STATE, finder: { ...DEFAULT_FINDER_FILTERS, floodLevel, floodDike } };
      expect(formatUrlState(state)).toBe(link);
      if (floodLevel !== null) expect(parseUrlState(link)).toEqual(state);
    }
  });

  it('ignores both areas when the smallest exceeds the largest', () => {
    const state = parseUrlState('?min_area=5000&max_area=100');
    expect(state.ignored).toEqual(['min_area', 'max_area']);
    expect(state.finder).toEqual(DEFAULT_FINDER_FILTERS);
  });

  it('puts statuses and uses in vocabulary order without duplicates', () => {
    expect(parseUrlState('?status=sold,open,sold&use=office,production').finder).toMatchObject({
      statuses: ['open', 'sold'],
      uses: ['production', 'office'],
    });
  });

  it('ignores an unknown tab without complaint', () => {
    expect(parseUrlState('?tab=admin')).toEqual(DEFAULT_URL_STATE);
  });
});
