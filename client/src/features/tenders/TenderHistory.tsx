import type { TenderEvent } from '@shared/schemas/site';
import { formatDateTime } from '@shared/i18n/formatDate';
import type { Lang } from '@shared/i18n/Lang';
import { translate } from '../../app/i18n';

/**
 * A tender's history, oldest first: when, from → to, by whom, and the note. `variant` picks the site panel's
 * or the printed exposé's classes. Takes the language rather than the store, so the exposé can use it too.
 */
export function TenderHistory({
  history,
  lang,
  variant,
  testId,
}: {
  history: readonly TenderEvent[];
  lang: Lang;
  variant: 'panel' | 'print';
  testId?: string;
}) {
  const panel = variant === 'panel';
  if (history.length === 0) return <p className="muted">{translate(lang, 'site.noHistory')}</p>;
  return (
    <ol className={panel ? 'history' : 'expose__history'} data-testid={testId}>
      {history.map((event, i) => (
        <li key={`${event.at}-${i}`} className={panel ? 'history__item' : undefined}>
          <time dateTime={event.at} className={panel ? 'history__time' : undefined}>
            {formatDateTime({ isoDateTime: event.at, lang })}
          </time>{' '}
          <span>
            {event.from_status ? `${translate(lang, `status.${event.from_status}`)} → ` : ''}
            {translate(lang, `status.${event.to_status}`)}
          </span>{' '}
          <span className="muted">{translate(lang, 'site.historyBy', { actor: event.actor })}</span>
          {event.note && (
            <span className={panel ? 'history__note' : 'expose__note'} lang="da">
              {panel ? event.note : ` – ${event.note}`}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
