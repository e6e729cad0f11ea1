import { useShallow } from 'zustand/react/shallow';
import { PLAN_USES, TENDER_STATUSES } from '../api/vocabulary';
import { TENDER_STATUS_COLORS } from '../map/tenderColors';
import { DEFAULT_FINDER_FILTERS, PLANNED_YEARS, type AreaUnit } from '../store/FinderFilters';
import { useAppStore } from '../store/useAppStore';
import { FinderFloodFilter } from './FinderFloodFilter';
import { NumberFilterInput } from './NumberFilterInput';
import { useT } from './useT';

const M2_PER_HA = 10_000;
/** The API's limits (server/src/routes/parsePlotQuery.ts), so that a typed number never earns a 400. */
const MAX_AREA_M2 = 100_000_000;
const MAX_HEIGHT_M = 1000;
const MAX_DISTANCE_M = 1_000_000;

/** Rounds away float noise of a unit conversion (0.3 ha × 10 000 = 3000.0000000000005 m²). */
const toM2 = (value: number, unit: AreaUnit) => Math.round(value * (unit === 'ha' ? M2_PER_HA : 1) * 1e6) / 1e6;
const fromM2 = (m2: number | null, unit: AreaUnit) => (m2 === null ? null : unit === 'ha' ? m2 / M2_PER_HA : m2);

/** The plot finder's filter form; every change goes to the store, which loads the matching plots. */
export function FinderForm() {
  const t = useT();
  const { filters, setFilters } = useAppStore(
    useShallow((state) => ({ filters: state.finderFilters, setFilters: state.setFinderFilters })),
  );
  const unit = filters.areaUnit;
  const unitLabel = unit === 'ha' ? 'ha' : 'm²';

  return (
    <form className="finder-form" data-testid="finder-form" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="finder-fieldset">
        <legend>{t('finder.status')}</legend>
        {TENDER_STATUSES.map((status) => (
          <label key={status} className="finder-check">
            <input
              type="checkbox"
              data-testid={`finder-status-${status}`}
              checked={filters.statuses.includes(status)}
              onChange={(event) =>
                setFilters({
                  statuses: TENDER_STATUSES.filter((s) =>
                    s === status ? event.target.checked : filters.statuses.includes(s),
                  ),
                })
              }
            />
            <span className="status__chip" style={{ background: TENDER_STATUS_COLORS[status] }} aria-hidden="true" />
            {t(`status.${status}`)}
          </label>
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
          <label key={use} className="finder-check">
            <input
              type="checkbox"
              data-testid={`finder-use-${use}`}
              checked={filters.uses.includes(use)}
              onChange={(event) =>
                setFilters({
                  uses: PLAN_USES.filter((u) => (u === use ? event.target.checked : filters.uses.includes(u))),
                })
              }
            />
            {t(`planUse.${use}`)}
          </label>
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
            onCommit={(value) => setFilters({ minAreaM2: value === null ? null : toM2(value, unit) })}
          />
          <NumberFilterInput
            label={t('finder.maxArea', { unit: unitLabel })}
            testId="finder-max-area"
            value={fromM2(filters.maxAreaM2, unit)}
            max={fromM2(MAX_AREA_M2, unit) ?? MAX_AREA_M2}
            invalidMessage={t('finder.invalidNumber')}
            onCommit={(value) => setFilters({ maxAreaM2: value === null ? null : toM2(value, unit) })}
          />
        </div>
      </fieldset>

      <NumberFilterInput
        label={t('finder.minHeight')}
        testId="finder-min-height"
        value={filters.minHeightM}
        max={MAX_HEIGHT_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={(minHeightM) => setFilters({ minHeightM })}
      />
      <NumberFilterInput
        label={t('finder.maxStation')}
        testId="finder-max-station"
        value={filters.maxStationM}
        max={MAX_DISTANCE_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={(maxStationM) => setFilters({ maxStationM })}
      />
      <NumberFilterInput
        label={t('finder.maxJunction')}
        testId="finder-max-junction"
        value={filters.maxJunctionM}
        max={MAX_DISTANCE_M}
        invalidMessage={t('finder.invalidNumber')}
        onCommit={(maxJunctionM) => setFilters({ maxJunctionM })}
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
