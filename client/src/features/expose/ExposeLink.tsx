import { exposeHref } from './exposeUrl';
import type { Lang } from '@shared/i18n/Lang';
import { useT } from '../../app/useT';

/** "Exposé": the link to a plot's printable exposé page (finder results, site panel). */
export function ExposeLink({ plot, lang, testId }: { plot: { id: string; name: string }; lang: Lang; testId: string }) {
  const t = useT();
  return (
    <a
      className="button button--small expose-link"
      href={exposeHref({ id: plot.id, lang })}
      data-testid={testId}
      aria-label={t('expose.linkLabel', { name: plot.name })}
    >
      {t('expose.link')}
    </a>
  );
}
