import { useShallow } from 'zustand/react/shallow';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { DikeState } from '@shared/schemas/flood';
import { floodLevelText } from './buildPlotQuery';
import { formatLevel } from '@shared/i18n/formatLevel';
import { formatNumber } from '@shared/i18n/formatNumber';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

const M2_PER_KM2 = 1_000_000;

/**
 * The finder's "outside the flood scenario" filter (issues #4, #7): a named storm-surge level and whether
 * Køge Dige holds, with a line saying how much land that floods and that the terrain model behind it is
 * only as good as its accuracy says.
 */
export function FinderFloodFilter() {
  const t = useT();
  const { level, dike, lang, setFilters, status, extent } = useAppStore(
    useShallow((state) => ({
      level: state.finderFilters.floodLevel,
      dike: state.finderFilters.floodDike,
      lang: state.lang,
      setFilters: state.setFinderFilters,
      status: state.floodStatus,
      extent: state.floodExtent,
    })),
  );
  const named = level === null || FLOOD_SCENARIOS.some((scenario) => scenario.level === level);

  return (
    <fieldset className="finder-fieldset finder-flood" data-testid="finder-flood">
      <legend>{t('finder.floodGroup')}</legend>
      <div className="finder-number">
        <label htmlFor="finder-flood-level" className="finder-number__label">
          {t('finder.flood')}
        </label>
        <select
          id="finder-flood-level"
          data-testid="finder-flood-level"
          value={level === null ? '' : floodLevelText(level)}
          onChange={(event) =>
            setFilters({ floodLevel: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{t('finder.floodNone')}</option>
          {FLOOD_SCENARIOS.map((scenario) => (
            <option key={scenario.id} value={floodLevelText(scenario.level)}>
              {`${lang === 'da' ? scenario.labelDa : scenario.labelEn} (${formatLevel({ metres: scenario.level, lang })})`}
            </option>
          ))}
          {!named && (
            // A level from a link that is no named scenario is still a valid filter: show it as it is.
            <option value={floodLevelText(level)}>
              {t('finder.floodLevel', { level: formatLevel({ metres: level, lang }) })}
            </option>
          )}
        </select>
      </div>
      {/* The dike only means something with a level: it shows once one is chosen, never greyed out (issue #20). */}
      {level !== null && (
        <div className="finder-number">
          <label htmlFor="finder-flood-dike" className="finder-number__label">
            {t('finder.floodDike')}
          </label>
          <select
            id="finder-flood-dike"
            data-testid="finder-flood-dike"
            value={dike}
            onChange={(event) => setFilters({ floodDike: event.target.value as DikeState })}
          >
            <option value="with">{t('finder.floodWithDike')}</option>
            <option value="without">{t('finder.floodWithoutDike')}</option>
          </select>
        </div>
      )}
      {level !== null && (
        <p
          className="finder-flood__summary muted"
          role="status"
          data-testid="finder-flood-summary"
          data-status={status}
        >
          {status === 'loading' && t('finder.floodLoading')}
          {status === 'error' && t('finder.floodError')}
          {status === 'ready' &&
            extent !== null &&
            t('finder.floodSummary', {
              level: formatLevel({ metres: extent.properties.level_m, lang }),
              dike: t(extent.properties.dike === 'with' ? 'finder.floodWithDike' : 'finder.floodWithoutDike'),
              area: `${formatNumber({ value: extent.properties.flooded_area_m2 / M2_PER_KM2, lang, maxFractionDigits: 1 })} km²`,
              terrain: t(`flood.terrain.${extent.properties.accuracy}`),
            })}
        </p>
      )}
    </fieldset>
  );
}
