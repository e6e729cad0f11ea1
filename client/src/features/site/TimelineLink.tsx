import { useAppStore } from '../../store/useAppStore';
import { timelineHref } from '../timeline';
import { useT } from '../../app/useT';

/** The header's link to the public transparency page of every plot (issue #5). */
export function TimelineLink() {
  const t = useT();
  const lang = useAppStore((state) => state.lang);
  return (
    <a
      className="button button--ghost timeline-link"
      href={timelineHref({ siteId: null, lang })}
      data-testid="timeline-link"
      aria-label={t('timeline.linkLabel')}
    >
      {t('timeline.link')}
    </a>
  );
}
