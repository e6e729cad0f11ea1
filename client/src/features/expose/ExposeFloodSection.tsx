import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { SiteFloodExposure } from '@shared/schemas/flood';
import type { MessageKey } from '@shared/i18n/da';
import { formatFloodExposure } from '@shared/i18n/formatFloodExposure';
import { formatLevel } from '@shared/i18n/formatLevel';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The exposé's flood section (issue #7): per named storm-surge scenario, the share of the plot flooded with and
 * without Køge Dige, and the terrain model it comes from. `flood` null means the figures could not be loaded.
 */
export function ExposeFloodSection({ flood, lang, t }: { flood: SiteFloodExposure | null; lang: Lang; t: T }) {
  return (
    <section className="expose__section" aria-labelledby="expose-flood-heading" data-testid="expose-flood">
      <h2 id="expose-flood-heading" className="expose__heading">
        {t('expose.flood')}
      </h2>
      {flood === null ? (
        <p className="muted" data-testid="expose-flood-error">
          {t('expose.floodError')}
        </p>
      ) : (
        <>
          <table className="expose__table" data-testid="expose-flood-table">
            <caption className="expose__table-caption">{t('expose.floodCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('expose.floodScenario')}</th>
                <th scope="col">{t('expose.floodLevel')}</th>
                <th scope="col">{t('expose.floodWithDike')}</th>
                <th scope="col">{t('expose.floodWithoutDike')}</th>
              </tr>
            </thead>
            <tbody>
              {flood.scenarios.map((row) => {
                const named = FLOOD_SCENARIOS.find((scenario) => scenario.id === row.id);
                return (
                  <tr key={row.id} data-scenario={row.id}>
                    <th scope="row">{named ? (lang === 'da' ? named.labelDa : named.labelEn) : row.id}</th>
                    <td>{formatLevel({ metres: row.level_m, lang })}</td>
                    <td data-flooded={row.with_dike.flooded > 0}>
                      {formatFloodExposure({ exposure: row.with_dike, lang })}
                    </td>
                    <td data-flooded={row.without_dike.flooded > 0}>
                      {formatFloodExposure({ exposure: row.without_dike, lang })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted" data-testid="expose-flood-source" data-accuracy={flood.accuracy}>
            {t('expose.floodSource', {
              source: flood.source,
              cell: formatNumber({ value: flood.cell_size_m, lang }),
              terrain: t(`flood.terrain.${flood.accuracy}`),
            })}
          </p>
          {flood.accuracy === 'illustrative' && (
            <p className="warning warning--mild" role="note">
              {t('expose.floodIllustrative')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
