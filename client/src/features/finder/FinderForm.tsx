import { memo, useCallback, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlanUse, TenderStatus } from '@shared/schemas/common';
import { PLAN_USES, TENDER_STATUSES } from '../../api/vocabulary';
import { TENDER_STATUS_COLORS } from '../../map/tenderColors';
import { DEFAULT_FINDER_FILTERS, PLANNED_YEARS, type AreaUnit } from './FinderFilters';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { FinderFloodFilter } from './FinderFloodFilter';
import { NumberFilterInput } from './NumberFilterInput';
import { useT } from '../../app/useT';
import { PLOT_QUERY_LIMITS } from '@shared/schemas/vocabulary';

const M2_PER_HA = 10_000;
/** The API's limits, so that a typed number never earns a 400. */
const { areaM2: MAX_AREA_M2, heightM: MAX_HEIGHT_M, distanceM: MAX_DISTANCE_M } = PLOT_QUERY_LIMITS;

/** Rounds away float noise of a unit conversion (0.3 ha × 10 000 = 3000.0000000000005 m²). */
const toM2 = (value: number, unit: AreaUnit) => Math.round(value * (unit === 'ha' ? M2_PER_HA : 1) * 1e6) / 1e6;
const fromM2 = (m2: number | null, unit: AreaUnit) => (m2 === null ? null : unit === 'ha' ? m2 / M2_PER_HA : m2);

/**
 * One checkbox of a list filter (status, use). Memoised with stable callbacks, so that a change re-renders only
 * the inputs it changes: re-rendering all of them took much of a filter change's 50 ms budget (issue #4).
 */
const FilterCheckbox = memo(function FilterCheckbox<V extends string>({
  value,
  checked,
  testId,
  onToggle,
  children,
}: {
  value: V;
  checked: boolean;
  testId: string;
  onToggle(value: V, checked: boolean): void;
  children: ReactNode;
}) {
  return (
    <label className="finder-check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(event) => onToggle(value, event.target.checked)}
      />
      {children}
    </label>
  );
});

/** The plot finder's filter form; every change goes to the store, which loads the matching plots. */
export function FinderForm() {
  const t = useT();
  const store = useAppStoreApi();
  const { filters, setFilters } = useAppStore(
    useShallow((state) => ({ filters: state.finderFilters, setFilters: state.setFinderFilters })),
  );
  const unit = filters.areaUnit;
  const unitLabel = unit === 'ha' ? 'ha' : 'm²';
  // Callbacks read the filters at call time, so that they stay the same from render to render.
  const current = useCallback(() => store.getState().finderFilters, [store]);
  const toggleStatus = useCallback(
    (status: TenderStatus, on: boolean) =>
      setFilters({ statuses: TENDER_STATUSES.filter((s) => (s === status ? on : current().statuses.includes(s))) }),
    [current, setFilters],
  );
  const toggleUse = useCallback(
    (use: PlanUse, on: boolean) =>
      setFilters({ uses: PLAN_USES.filter((u) => (u === use ? on : current().uses.includes(u))) }),
    [current, setFilters],
  );
  const commitMinArea = useCallback(
    (value: number | null) => setFilters({ minAreaM2: value === null ? null : toM2(value, unit) }),
    [setFilters, unit],
  );
  const commitMaxArea = useCallback(
    (value: number | null) => setFilters({ maxAreaM2: value === null ? null : toM2(value, unit) }),
    [setFilters, unit],
  );
  const commitMinHeight = useCallback((minHeightM: number | null) => setFilters({ minHeightM }), [setFilters]);
  const commitMaxStation = useCallback((maxStationM: number | null) => setFilters({ maxStationM }), [setFilters]);
  const commitMaxJunction = useCallback((maxJunctionM: number | null) => setFilters({ maxJunctionM }), [setFilters]);

  return (
    <form className="finder-form" data-testid="finder-form" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="finder-fieldset">
        <legend>{t('finder.status')}</legend>
        {TENDER_STATUSES.map((status) => (
          <FilterCheckbox
            key={status}
            value={status}
            checked={filters.statuses.includes(status)}
            testId={`finder-status-${status}`}
            onToggle={toggleStatus}
          >
            <span className="status__chip" style={{ background: TENDER_STATUS_COLORS[status] }} aria-hidden="true" />
            {t(`status.${status}`)}
          </FilterCheckbox>
        ))}
      </fieldset>

      <div className="finder-number">
        <label htmlFor="finder-planned-year" className="finder-number__label">
          {t('finder.plannedYear')}
        </label>
        <select
          id="finder-planned-year"
          data-testid="finder-planned-year"
          value={filters.plannedYear ?? ''}
          onChange={(event) =>
            setFilters({ plannedYear: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{t('finder.anyYear')}</option>
          {PLANNED_YEARS.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="finder-fieldset">
        <legend>{t('finder.use')}</legend>
        {PLAN_USES.map((use) => (
          <FilterCheckbox
            key={use}
            value={use}
            checked={filters.uses.includes(use)}
            testId={`finder-use-${use}`}
            onToggle={toggleUse}
          >
            {t(`planUse.${use}`)}
          </FilterCheckbox>
        ))}
      </fieldset>

      <fieldset className="finder-fieldset">
        <legend>{t('finder.area')}</legend>
        <div className="finder-units" role="radiogroup" aria-label={t('finder.areaUnit')}>
          {(['m2', 'ha'] as const).map((option) => (
            <label key={option} className="finder-check">
              <input
                type="radio"
                name="finder-area-unit"
                data-testid={`finder-unit-${option}`}
                checked={unit === option}
                onChange={() => setFilters({ areaUnit: option })}
              />
              {option === 'ha' ? 'ha' : 'm²'}
            </label>
          ))}
        </div>
        <div className="finder-pair">
          <NumberFilterInput
            label={t('finder.minArea', { unit: unitLabel })}
            testId="finder-min-area"
            value={fromM2(filters.minAreaM2, unit)}
            max={fromM2(MAX_AREA_M2, unit) ?? MAX_AREA_M2}
            invalidMessage={t('finder.invalidNumber')}
            onCommit={commitMinArea}
          />
          <NumberFilterInput
            label={t('finder.maxArea', { unit: unitLabel })}
            testId="finder-max-area"
            value={fromM2(filters.maxAreaM2, unit)}
            max={fromM2(MAX_AREA_M2, unit) ?? MAX_AREA_M2}
            invalidMessage={t('finder.invalidNumber')}
            onCommit={commitMaxArea}
          />
        </div>
      </fieldset>

      <NumberFilterInput
        label={t('finder.minHeight')}
        testId="finder-min-height"
        value={filters.minHeightM}
        max={MAX_HEIGHT_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={commitMinHeight}
      />
      <NumberFilterInput
        label={t('finder.maxStation')}
        testId="finder-max-station"
        value={filters.maxStationM}
        max={MAX_DISTANCE_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={commitMaxStation}
      />
      <NumberFilterInput
        label={t('finder.maxJunction')}
        testId="finder-max-junction"
        value={filters.maxJunctionM}
        max={MAX_DISTANCE_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={commitMaxJunction}
      />

      <FinderFloodFilter />

      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="finder-reset"
        onClick={() => setFilters({ ...DEFAULT_FINDER_FILTERS, sort: filters.sort, areaUnit: unit })}
      >
        {t('finder.reset')}
      </button>
    </form>
  );
}
