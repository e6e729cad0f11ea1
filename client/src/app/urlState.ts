import { SLUG_PATTERN } from '../api/vocabulary';
import { DEFAULT_LANG, isLang, type Lang } from '@shared/i18n/Lang';
import { DEFAULT_VIEW, MAX_ZOOM, MIN_ZOOM, type MapViewState } from '../map/MapViewState';
import { DEFAULT_FINDER_FILTERS, type FinderFilters } from '../features/finder/FinderFilters';
import { SIDEBAR_TABS, type SidebarTab } from '../store/uiSlice';
import { MAX_COMPARE, MAX_SHORTLIST } from '../features/shortlist/Shortlist';
import { DEFAULT_CLIMATE_COMPARE_VIEW, type ClimateCompareView } from '../features/climate/ClimateCompareView';
import { DEFAULT_CLIMATE, type ClimateScenario } from '../features/climate/ClimateScenario';
import { formatClimateParams, parseClimateParams, type ClimateParam } from '../features/climate/climateUrlParams';
import { formatFinderParams, parseFinderParams, type FinderParam } from '../features/finder/finderUrlParams';
import { formatShortlistParams, parseIdList } from '../features/shortlist/shortlistUrlParams';
import {
  formatPickParam,
  formatSearchParam,
  parsePickParam,
  parseSearchParam,
  type SearchPickRef,
} from '../features/search/searchUrlParams';

/** A link parameter that can be unreadable and is then reported (the finder's and the climate view's). */
export type UrlParam = FinderParam | ClimateParam;

/** What a permalink carries. `view: null` means "the default view". */
export interface UrlState {
  view: MapViewState | null;
  site: string | null;
  action: string | null;
  lang: Lang;
  /** Hidden layer ids, sorted and without duplicates. */
  off: string[];
  /** The open sidebar tab; null lets the rest decide (an action opens the policy tab). */
  tab: SidebarTab | null;
  /** The plot finder's filters and sort (issue #4). */
  finder: FinderFilters;
  /** Finder and climate parameters of the link that could not be read and fell back to their defaults (never written). */
  ignored: UrlParam[];
  /** Shortlisted plot ids (`short=`); null when the link has none, so local storage decides. */
  short: string[] | null;
  /** Plot ids in the open comparison (`compare=`); empty when no comparison is open. */
  compare: string[];
  /** The climate view's water level and dike state (issue #7); written only while its tab is open. */
  climate: ClimateScenario;
  /** Scenario B of the climate view's comparison (`compare_to=`); null when it is off. */
  climateCompare: ClimateScenario | null;
  /** How scenario B is shown (`compare_view=swipe`); written only with scenario B. */
  climateCompareView: ClimateCompareView;
  /** The presentation's step (`present=`, 1-based); null when not presenting. */
  present: number | null;
  /** The selected planner's sketch (`sketch=<uuid>`, issue #6); null when none is. */
  sketch: string | null;
  /** The search that opened the selection (`q=`, issue #21); null when none did. */
  q: string | null;
  /** The parcel or address picked from the search (`sel=address:<uuid>`, issue #21); null when none is. */
  sel: SearchPickRef | null;
}

export const DEFAULT_URL_STATE: Readonly<UrlState> = {
  view: null,
  site: null,
  action: null,
  lang: DEFAULT_LANG,
  off: [],
  tab: null,
  finder: DEFAULT_FINDER_FILTERS,
  ignored: [],
  short: null,
  compare: [],
  climate: DEFAULT_CLIMATE,
  climateCompare: null,
  climateCompareView: DEFAULT_CLIMATE_COMPARE_VIEW,
  present: null,
  sketch: null,
  q: null,
  sel: null,
};

const SLUG = new RegExp(SLUG_PATTERN);
const ACTION = /^[0-9]{1,2}\.[0-9]{1,2}$/;
/** A sketch's id: a uuid as PostgreSQL writes it (lower case; upper case is read too). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A plain decimal; links copied from code may carry a double's full 17 digits. */
const DECIMAL = /^-?[0-9]{1,3}(\.[0-9]{1,20})?$/;
/** Decimals written for zoom and for lat/lon; 5 decimals of a degree is about 1 m. */
const ZOOM_DECIMALS = 2;
const DEGREE_DECIMALS = 5;

/**
 * Reads `?map=<zoom>/<lat>/<lon>&site=<id>&action=<n.n>&lang=en&off=<id,id>&tab=finder`, the climate view's
 * `level=1.8&dike=without&compare_to=3.45/with&compare_view=swipe` and the presentation's `present=3` (see climateUrlParams), the
 * finder's filters (`status=open,planned&min_area=20000&sort=-area`, see finderUrlParams), the shortlist and the
 * comparison (`short=kn-01,kn-05&compare=kn-01,kn-05`, see shortlistUrlParams) and the selected sketch
 * (`sketch=<uuid>`), the search's `q=` and its picked parcel or address (`sel=address:<uuid>`). Each parameter that is
 * malformed or out of range falls back to its default on its own; unknown parameters are ignored.
 */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const action = params.get('action');
  const lang = params.get('lang');
  return {
    view: parseView(params.get('map')),
    site: parseSlug(params.get('site')),
    action: action !== null && ACTION.test(action) ? action : null,
    lang: isLang(lang) ? lang : DEFAULT_LANG,
    off: normaliseOff((params.get('off') ?? '').split(',').filter((id) => SLUG.test(id))),
    tab: SIDEBAR_TABS.find((tab) => tab === params.get('tab')) ?? null,
    ...linkedViewsOf(params),
    short: parseIdList(params.get('short'), MAX_SHORTLIST),
    compare: parseIdList(params.get('compare'), MAX_COMPARE) ?? [],
    sketch: parseSketchId(params.get('sketch')),
    q: parseSearchParam(params.get('q')),
    sel: parsePickParam(params.get('sel')),
  };
}

function linkedViewsOf(
  params: URLSearchParams,
): Pick<UrlState, 'finder' | 'ignored' | 'climate' | 'climateCompare' | 'climateCompareView' | 'present'> {
  const { filters, ignored: finderIgnored } = parseFinderParams(params);
  const { ignored: climateIgnored, ...climate } = parseClimateParams(params);
  return { finder: filters, ...climate, ignored: [...finderIgnored, ...climateIgnored] };
}

/** Writes the state as a query string ("" when everything is default); only non-defaults are written. */
export function formatUrlState(state: UrlState): string {
  const parts: string[] = [];
  const view = state.view ? roundView(state.view) : null;
  if (view && !sameView(view, roundView(DEFAULT_VIEW))) {
    parts.push(`map=${view.zoom}/${view.lat}/${view.lon}`);
  }
  if (state.site !== null && SLUG.test(state.site)) parts.push(`site=${state.site}`);
  if (state.action !== null && ACTION.test(state.action)) parts.push(`action=${state.action}`);
  if (state.lang !== DEFAULT_LANG) parts.push(`lang=${state.lang}`);
  const off = normaliseOff(state.off.filter((id) => SLUG.test(id)));
  if (off.length > 0) parts.push(`off=${off.join(',')}`);
  if (state.tab !== null && state.tab !== 'layers') parts.push(`tab=${state.tab}`);
  if (state.sketch !== null && UUID.test(state.sketch)) parts.push(`sketch=${state.sketch.toLowerCase()}`);
  parts.push(...formatSearchParam(state.q));
  parts.push(...formatPickParam(state.sel));
  parts.push(...formatFinderParams(state.finder));
  parts.push(...formatShortlistParams({ shortlist: state.short ?? [], compare: state.compare }));
  parts.push(
    ...formatClimateParams({
      climateOpen: state.tab === 'climate',
      climate: state.climate,
      climateCompare: state.climateCompare,
      climateCompareView: state.climateCompareView,
      present: state.present,
    }),
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Rounds a view to the precision a permalink keeps. */
export function roundView(view: MapViewState): MapViewState {
  return {
    zoom: round(view.zoom, ZOOM_DECIMALS),
    lat: round(view.lat, DEGREE_DECIMALS),
    lon: round(view.lon, DEGREE_DECIMALS),
  };
}

function parseView(value: string | null): MapViewState | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || !parts.every((part) => DECIMAL.test(part))) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return roundView({ zoom, lat, lon });
}

function parseSlug(value: string | null): string | null {
  return value !== null && SLUG.test(value) ? value : null;
}

function parseSketchId(value: string | null): string | null {
  return value !== null && UUID.test(value) ? value.toLowerCase() : null;
}

function normaliseOff(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function sameView(a: MapViewState, b: MapViewState): boolean {
  return a.zoom === b.zoom && a.lat === b.lat && a.lon === b.lon;
}

function round(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded; // no "-0" in links
}

/** The permalink part of the app's state. */
export function urlStateOf(state: {
  view: MapViewState | null;
  selectedSiteId: string | null;
  selectedAction: string | null;
  lang: Lang;
  hiddenLayerIds: readonly string[];
  sidebarTab: SidebarTab;
  finderFilters: FinderFilters;
  shortlist: readonly string[];
  compareIds: readonly string[];
  compareOpen: boolean;
  climate: ClimateScenario;
  climateCompare: ClimateScenario | null;
  climateCompareView: ClimateCompareView;
  presentStep: number | null;
  selectedSketchId: string | null;
  searchQuery: string | null;
  searchPick: SearchPickRef | null;
}): UrlState {
  return {
    view: state.view,
    site: state.selectedSiteId,
    action: state.selectedAction,
    lang: state.lang,
    off: [...state.hiddenLayerIds],
    tab: state.sidebarTab,
    finder: state.finderFilters,
    ignored: [],
    short: [...state.shortlist],
    compare: state.compareOpen ? [...state.compareIds] : [],
    climate: state.climate,
    climateCompare: state.climateCompare,
    climateCompareView: state.climateCompareView,
    present: state.presentStep,
    sketch: state.selectedSketchId,
    q: state.searchQuery,
    sel: state.searchPick === null ? null : { type: state.searchPick.type, id: state.searchPick.id },
  };
}

/**
 * The permalink without its camera: a change to it (site, action, language, layers, tab, finder, shortlist,
 * comparison, climate, presentation, sketch) is written at once, while camera moves wait (useUrlSync). Derived
 * from urlStateOf, so a new parameter needs no second list of fields to watch.
 */
export function linkWithoutView(state: Parameters<typeof urlStateOf>[0]): string {
  return formatUrlState({ ...urlStateOf(state), view: null });
}
