import { FLOOD_SCENARIOS } from '../../../server/src/flood/floodScenarios';
import type { SiteFloodExposure } from '../../../server/src/schemas/flood';
import type { MessageKey } from '../i18n/da';
import { formatLevel } from '../i18n/formatLevel';
import { formatNumber } from '../i18n/formatNumber';
import type { Lang } from '../i18n/Lang';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
type Exposure = SiteFloodExposure['scenarios'][number]['with_dike'];

/** Smallest share shown as a number, in per cent; below it the cell says "< 0.1 %", never a flooded "0 %". */
const MIN_SHOWN_PCT = 0.1;

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
                      {exposureText({ exposure: row.with_dike, lang, t })}
                    </td>
                    <td data-flooded={row.without_dike.flooded > 0}>
                      {exposureText({ exposure: row.without_dike, lang, t })}
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

/** "not flooded", "12,5 % flooded", or "flooded" for a point (which has no share). */
function exposureText({ exposure, lang, t }: { exposure: Exposure; lang: Lang; t: T }): string {
  if (exposure.flooded <= 0) return t('expose.floodNotFlooded');
  if (exposure.share === null) return t('expose.floodFlooded');
  const pct = exposure.share * 100;
  const share =
    pct < MIN_SHOWN_PCT
      ? `< ${formatNumber({ value: MIN_SHOWN_PCT, lang, maxFractionDigits: 1 })} %`
      : `${formatNumber({ value: pct, lang, maxFractionDigits: 1 })} %`;
  return t('expose.floodShare', { share });
}
