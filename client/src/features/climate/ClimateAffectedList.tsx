import { useShallow } from 'zustand/react/shallow';
import type { FloodAffected } from './FloodAffected';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';
import { isMessageKey } from '../../app/i18n';
import { useAppStore } from '../../store/useAppStore';
import { affectedMeasure } from './affectedMeasure';
import { TenderStatusBadge } from '../tenders';
import { useT } from '../../app/useT';

/**
 * What scenario A floods (issue #7): plots with their tender status, energy zones, Bellingeparken, stations, roads
 * and rail, in the API's order, each with its flooded area or length and share. Choosing one selects it on the map.
 */
export function ClimateAffectedList() {
  const t = useT();
  const { affected, lang, selectedSiteId, selectSite } = useAppStore(
    useShallow((state) => ({
      affected: state.climateAffected,
      lang: state.lang,
      selectedSiteId: state.selectedSiteId,
      selectSite: state.selectSite,
    })),
  );
  if (affected === null) return null;
  return (
    <section className="climate-section" aria-labelledby="climate-affected-heading" data-testid="climate-affected">
      <h3 id="climate-affected-heading" className="climate-section__heading">
        {t('climate.affectedHeading')}
      </h3>
      <p
        className="muted"
        data-testid="climate-affected-count"
        data-count={affected.count}
        data-level={affected.level_m}
        data-dike={affected.dike}
      >
        {affected.count === 1 ? t('climate.affectedOne') : t('climate.affectedOther', { count: affected.count })}
      </p>
      {affected.sites.length === 0 ? (
        <p data-testid="climate-affected-empty">{t('climate.affectedEmpty')}</p>
      ) : (
        <ul className="climate-affected" aria-labelledby="climate-affected-heading">
          {affected.sites.map((site) => (
            <li key={`${site.layer}/${site.id}`} data-testid="climate-affected-item" data-site-id={site.id}>
              <button
                type="button"
                className="finder-item"
                aria-current={site.id === selectedSiteId}
                onClick={() => selectSite(site.id, site.layer)}
              >
                <span className="finder-item__name">{site.name}</span>
                <span className="finder-item__line finder-item__muted">{kindLabel(site.kind, t)}</span>
                <span className="finder-item__line">{measureText(site, lang, t)}</span>
                {site.kind === 'plot' && <TenderStatusBadge status={site.tender_status} lang={lang} />}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function kindLabel(kind: string, t: ReturnType<typeof useT>): string {
  const key = `kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

function measureText(site: FloodAffected['sites'][number], lang: Lang, t: ReturnType<typeof useT>): string {
  const measure = affectedMeasure(site);
  if (measure.unit === 'point') return t('climate.pointFlooded');
  const amount =
    measure.unit === 'm2' ? formatArea({ m2: measure.flooded, lang }) : formatLength({ metres: measure.flooded, lang });
  if (measure.share === null) return t('climate.flooded', { amount });
  return t('climate.floodedShare', {
    amount,
    share: `${formatNumber({ value: measure.share * 100, lang })} %`,
  });
}
