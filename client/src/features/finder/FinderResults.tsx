import { memo, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeFilters, withoutFilter } from './buildPlotQuery';
import type { Plot } from '@shared/schemas/plot';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import type { Lang } from '@shared/i18n/Lang';
import { PLOT_SORT_KEYS, type FinderSort } from './FinderFilters';
import type { AppState } from '../../store/AppState';
import { useAppStore } from '../../store/useAppStore';
import { ExposeLink } from '../expose';
import { ShortlistToggle } from '../shortlist';
import { TenderStatusBadge } from '../tenders';
import { useT } from '../../app/useT';
import { TEST_HOOKS } from '../../testHooks';
import { plotFrame, type NearbyPoint } from '../../map/contextBbox';
import { JUNCTIONS_LAYER_ID, STATIONS_LAYER_ID } from '../../map/ids';
import type { FeatureCollection } from '@shared/schemas/site';

const SORT_OPTIONS: FinderSort[] = PLOT_SORT_KEYS.flatMap((key) => [key, `-${key}` as const]);

/** The finder's results: count, sort, and the matching plots as a list of buttons (the map's accessible twin). */
export function FinderResults() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      filters: s.finderFilters,
      plots: s.plots,
      plotsQuery: s.plotsQuery,
      plotsStatus: s.plotsStatus,
      plotsError: s.plotsError,
      relaxSuggestions: s.relaxSuggestions,
      hoveredId: s.hoveredSite?.id ?? null,
      selectedSiteId: s.selectedSiteId,
      lang: s.lang,
      setFilters: s.setFinderFilters,
      loadPlots: s.loadPlots,
      selectSite: s.selectSite,
      focusOn: s.focusOn,
      setHoveredSite: s.setHoveredSite,
      stations: s.collections[STATIONS_LAYER_ID] ?? null,
      junctions: s.collections[JUNCTIONS_LAYER_ID] ?? null,
    })),
  );
  const listRef = useRef<HTMLUListElement>(null);
  // When the list last changed in the DOM: the browser test measures filter → list with it (issue #4).
  useLayoutEffect(() => {
    if (TEST_HOOKS && listRef.current) listRef.current.dataset.renderedAt = String(performance.now());
  }, [state.plots]);

  const { plots, plotsQuery, plotsStatus, lang } = state;
  const count = plots.length;
  return (
    <section className="finder-results" aria-labelledby="finder-results-heading" aria-busy={plotsStatus === 'loading'}>
      <div className="finder-results__top">
        <h3 id="finder-results-heading" className="finder-results__heading" tabIndex={-1}>
          {t('finder.results')}
        </h3>
        <p className="finder-results__count" role="status" data-testid="finder-count">
          {plotsQuery === null ? '' : t(count === 1 ? 'finder.countOne' : 'finder.countOther', { count })}
        </p>
      </div>
      <div className="finder-number">
        <label htmlFor="finder-sort" className="finder-number__label">
          {t('finder.sort')}
        </label>
        <select
          id="finder-sort"
          data-testid="finder-sort"
          value={state.filters.sort}
          onChange={(event) => state.setFilters({ sort: event.target.value as FinderSort })}
        >
          {SORT_OPTIONS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`finder.sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      {plotsStatus === 'loading' && (
        <p className="panel__muted" data-testid="finder-loading">
          <span className="spinner spinner--inline" aria-hidden="true" /> {t('finder.loading')}
        </p>
      )}
      {plotsStatus === 'error' && (
        <div className="warning" data-testid="finder-error" role="alert">
          <p>
            {t('finder.error')} <span className="error-banner__detail">{state.plotsError}</span>
          </p>
          <button
            type="button"
            className="button button--small"
            data-testid="finder-retry"
            onClick={() => void state.loadPlots()}
          >
            {t('error.retry')}
          </button>
        </div>
      )}
      {plotsStatus !== 'error' && plotsQuery !== null && count === 0 && <EmptyResult />}
      {plotsQuery !== null && count > 0 && <ExportLinks query={plotsQuery} />}
      <ul
        ref={listRef}
        className="finder-list"
        aria-labelledby="finder-results-heading"
        data-testid="finder-list"
        data-query={plotsQuery ?? ''}
      >
        {plots.map((plot) => (
          <ResultRow
            key={plot.id}
            plot={plot}
            lang={lang}
            hovered={state.hoveredId === plot.id}
            selected={state.selectedSiteId === plot.id}
            stations={state.stations}
            junctions={state.junctions}
            selectSite={state.selectSite}
            focusOn={state.focusOn}
            setHoveredSite={state.setHoveredSite}
          />
        ))}
      </ul>
    </section>
  );
}

/** A plot's nearest station or junction with its position, once that layer's features are loaded. */
function pointNear(nearest: Plot['nearest_station'], layer: FeatureCollection | null): NearbyPoint | null {
  const feature = nearest && layer?.features.find((candidate) => candidate.properties.id === nearest.id);
  if (!nearest || !feature || feature.geometry.type !== 'Point') return null;
  const [lon, lat] = feature.geometry.coordinates;
  return lon === undefined || lat === undefined ? null : { lon, lat, distanceM: nearest.distance_m };
}

/**
 * One plot of the list. Memoised (the store's actions are stable): a filter change renders only the rows that
 * change, not every row again (issue #4: the list and the map within 50 ms).
 */
const ResultRow = memo(function ResultRow({
  plot,
  lang,
  hovered,
  selected,
  stations,
  junctions,
  selectSite,
  focusOn,
  setHoveredSite,
}: {
  plot: Plot;
  lang: Lang;
  hovered: boolean;
  selected: boolean;
  /** The stations' and junctions' features (the frame takes in near ones); stable references, so rows stay memoised. */
  stations: FeatureCollection | null;
  junctions: FeatureCollection | null;
} & Pick<AppState, 'selectSite' | 'focusOn' | 'setHoveredSite'>) {
  return (
    <li className="finder-list__row">
      {/* The toggle sits beside the item, not in it: a button cannot hold a button. */}
      <div className="finder-list__main" data-testid="finder-item" data-plot-id={plot.id}>
        <button
          type="button"
          className={`finder-item${hovered ? ' finder-item--hovered' : ''}`}
          data-hovered={hovered}
          aria-current={selected ? 'true' : undefined}
          onClick={() => {
            selectSite(plot.id, plot.layer);
            focusOn(
              plotFrame(plot.bbox, [
                pointNear(plot.nearest_station, stations),
                pointNear(plot.nearest_junction, junctions),
              ]),
            );
          }}
          onMouseEnter={() => setHoveredSite({ id: plot.id, layer: plot.layer })}
          onMouseLeave={() => setHoveredSite(null)}
          onFocus={() => setHoveredSite({ id: plot.id, layer: plot.layer })}
          onBlur={() => setHoveredSite(null)}
        >
          <PlotSummary plot={plot} lang={lang} />
        </button>
      </div>
      <div className="finder-list__side">
        <ShortlistToggle plotId={plot.id} name={plot.name} />
        <ExposeLink plot={plot} lang={lang} testId="finder-expose-link" />
      </div>
    </li>
  );
});

function PlotSummary({ plot, lang }: { plot: Plot; lang: Lang }) {
  const t = useT();
  return (
    <>
      <span className="finder-item__name">{plot.name}</span>
      <span className="finder-item__line">{formatArea({ m2: plot.area_m2, lang })}</span>
      <span className="finder-item__line">{plot.plan_use ? t(`planUse.${plot.plan_use}`) : t('site.notSet')}</span>
      {/* The status on a line of its own: no separator left dangling at a line's end (issue #20). */}
      <span className="finder-item__line">
        <TenderStatusBadge status={plot.tender_status} lang={lang} />
        {plot.planned_year !== null && (
          <span className="finder-item__nowrap"> · {t('finder.plannedIn', { year: plot.planned_year })}</span>
        )}
      </span>
      <span className="finder-item__line finder-item__muted">
        {plot.nearest_station &&
          t('finder.toStation', { distance: formatLength({ metres: plot.nearest_station.distance_m, lang }) })}
        {plot.nearest_station && plot.nearest_junction && ' · '}
        {plot.nearest_junction &&
          t('finder.toJunction', { distance: formatLength({ metres: plot.nearest_junction.distance_m, lang }) })}
      </span>
    </>
  );
}

/** Says that nothing matches and which filter to drop: the one whose removal alone gives the most plots. */
function EmptyResult() {
  const t = useT();
  const { filters, relaxSuggestions, setFilters } = useAppStore(
    useShallow((s) => ({
      filters: s.finderFilters,
      relaxSuggestions: s.relaxSuggestions,
      setFilters: s.setFinderFilters,
    })),
  );
  const active = activeFilters(filters);
  const best = relaxSuggestions?.[0];
  return (
    <div className="finder-empty" data-testid="finder-empty">
      <p>
        <strong>{t('finder.empty')}</strong>
      </p>
      {active.length > 0 && (
        <p className="muted">
          {t('finder.activeFilters', { filters: active.map((name) => t(`finder.filter.${name}`)).join(', ') })}
        </p>
      )}
      {active.length > 0 && relaxSuggestions === null && <p className="muted">{t('finder.suggesting')}</p>}
      {best !== undefined && best.count > 0 && (
        <p data-testid="finder-suggestion">
          {t(best.count === 1 ? 'finder.suggestOne' : 'finder.suggestOther', {
            filter: t(`finder.filter.${best.filter}`),
            count: best.count,
          })}{' '}
          <button
            type="button"
            className="button button--small"
            data-testid="finder-relax"
            onClick={() => setFilters(withoutFilter(filters, best.filter))}
          >
            {t('finder.relax', { filter: t(`finder.filter.${best.filter}`) })}
          </button>
        </p>
      )}
      {relaxSuggestions !== null && active.length > 0 && (best === undefined || best.count === 0) && (
        <p data-testid="finder-suggestion">{t('finder.suggestReset')}</p>
      )}
    </div>
  );
}

/** Downloads and the feed of exactly the listed rows: the same query string as the list's request. */
function ExportLinks({ query }: { query: string }) {
  const t = useT();
  const utm = query ? `${query}&crs=EPSG:25832` : '?crs=EPSG:25832';
  return (
    <p className="finder-exports" data-testid="finder-exports">
      {t('finder.download')}:{' '}
      <a href={`/api/plots.csv${query}`} download data-testid="export-csv">
        CSV
      </a>{' '}
      ·{' '}
      <a href={`/api/plots.geojson${query}`} download data-testid="export-geojson-4326">
        GeoJSON (EPSG:4326)
      </a>{' '}
      ·{' '}
      <a href={`/api/plots.geojson${utm}`} download data-testid="export-geojson-25832">
        GeoJSON (EPSG:25832)
      </a>{' '}
      ·{' '}
      <a href={`/feeds/plots.atom${query}`} data-testid="export-atom">
        {t('finder.feed')}
      </a>
    </p>
  );
}
