import type { SiteDetail } from '@shared/schemas/site';
import type { MessageKey } from '@shared/i18n/da';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';
import { Fact } from './Fact';

/** What the plan allows on a site (use, height in m, plot ratio in %, building rights), for the panel and the exposé. */
export function PlanFacts({
  site,
  lang,
  t,
  rowClassName,
}: {
  site: Pick<SiteDetail, 'plan_use' | 'max_height_m' | 'plot_ratio_pct' | 'building_rights'>;
  lang: Lang;
  t: (key: MessageKey) => string;
  rowClassName: string;
}) {
  const notSet = <span className="muted">{t('site.notSet')}</span>;
  const decimal = (value: number) => formatNumber({ value, lang, maxFractionDigits: 1 });
  return (
    <>
      <Fact className={rowClassName} label={t('site.planUse')}>
        {site.plan_use ? t(`planUse.${site.plan_use}`) : notSet}
      </Fact>
      <Fact className={rowClassName} label={t('site.maxHeight')}>
        {site.max_height_m !== null ? `${decimal(site.max_height_m)} m` : notSet}
      </Fact>
      <Fact className={rowClassName} label={t('site.plotRatio')}>
        {site.plot_ratio_pct !== null ? `${decimal(site.plot_ratio_pct)} %` : notSet}
      </Fact>
      <Fact className={rowClassName} label={t('site.buildingRights')}>
        {site.building_rights ? <span lang="da">{site.building_rights}</span> : notSet}
      </Fact>
    </>
  );
}
