import { useAppStore } from '../../store/useAppStore';
import { timelineHref } from '../timeline';
import { useT } from '../../app/useT';

/** The site panel's link to the site's public timeline (planned against actual tender dates, its changes). */
export function SiteTimelineLink({ siteId }: { siteId: string }) {
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  return (
    <p className="site-panel__timeline">
      <a href={timelineHref({ siteId, lang })} data-testid="site-timeline-link">
        {t('timeline.siteLink')}
      </a>
    </p>
  );
}
