import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatLevel } from '@shared/i18n/formatLevel';
import { formatSquareKm } from '@shared/i18n/formatSquareKm';
import { useAppStore } from '../../store/useAppStore';
import { ClimateAffectedList } from './ClimateAffectedList';
import { ClimateComparison } from './ClimateComparison';
import { ClimateLevelControl } from './ClimateLevelControl';
import { DikePanel } from './DikePanel';
import { IgnoredParamsNotice } from '../../app/IgnoredParamsNotice';
import { useT } from '../../app/useT';

/** The link parameters of the climate view a notice here reports. */
const CLIMATE_VIEW_PARAMS = ['level', 'dike', 'compare_to', 'compare_view'] as const;

/**
 * The climate view for the council (issue #7): a storm-surge level with or without Køge Dige, the flood it gives on
 * the map, a second scenario to compare, the dike, and what the flood reaches. Every figure rests on the terrain
 * model, whose accuracy is said next to them.
 */
export function ClimatePanel() {
  const t = useT();
  const { status, error, extent, lang, loadClimate } = useAppStore(
    useShallow((state) => ({
      status: state.climateStatus,
      error: state.climateError,
      extent: state.climateExtent,
      lang: state.lang,
      loadClimate: state.loadClimate,
    })),
  );
  useEffect(() => {
    if (status === 'idle') void loadClimate();
  }, [status, loadClimate]);
  const accuracy = extent?.properties.accuracy ?? null;

  return (
    <section className="panel climate-panel" data-testid="climate-panel" aria-labelledby="climate-panel-heading">
      <h2 id="climate-panel-heading" className="panel__heading">
        {t('climate.heading')}
      </h2>
      <IgnoredParamsNotice params={CLIMATE_VIEW_PARAMS} message="climate.ignored" testId="climate-ignored" />
      <p className="panel__muted">{t('climate.intro')}</p>
      <ClimateLevelControl />
      <div className="climate-status" role="status" aria-live="polite">
        <p
          className="climate-summary"
          data-testid="climate-summary"
          data-status={status}
          data-level={extent?.properties.level_m}
          data-dike={extent?.properties.dike}
          data-area={extent?.properties.flooded_area_m2}
        >
          {status === 'loading' && (
            <>
              <span className="spinner spinner--inline" aria-hidden="true" /> {t('climate.loading')}
            </>
          )}
          {status !== 'loading' &&
            extent !== null &&
            t('climate.summary', {
              level: formatLevel({ metres: extent.properties.level_m, lang }),
              dike: t(extent.properties.dike === 'with' ? 'climate.withDike' : 'climate.withoutDike'),
              area: formatSquareKm({ m2: extent.properties.flooded_area_m2, lang }),
            })}
        </p>
      </div>
      {status === 'error' && (
        <div className="warning" role="alert" data-testid="climate-error">
          <p>
            {t('climate.error')} <span className="error-banner__detail">{error}</span>
          </p>
          <button type="button" className="button button--small" onClick={() => void loadClimate()}>
            {t('error.retry')}
          </button>
        </div>
      )}
      {accuracy !== null && (
        <p
          className={accuracy === 'illustrative' ? 'warning warning--mild' : 'muted'}
          data-testid="climate-terrain"
          data-accuracy={accuracy}
        >
          {t('climate.terrain', { terrain: t(`flood.terrain.${accuracy}`) })}
          {accuracy === 'illustrative' && ` ${t('climate.terrainIllustrative')}`}
        </p>
      )}
      <ClimateComparison />
      <DikePanel />
      <ClimateAffectedList />
    </section>
  );
}
