import type { TimelineData } from '../tenders';
import { ActorText } from '../tenders';
import type { MessageKey } from '@shared/i18n/da';
import { formatDateTime } from '@shared/i18n/formatDate';
import type { Lang } from '@shared/i18n/Lang';
import { isMessageKey } from '../../app/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
type TimelineEvent = TimelineData['events'][number];

/** A tender state or an action's progress, by the event's kind, in words (an unknown value as given). */
function stateText(event: TimelineEvent, value: string, t: T): string {
  const key = event.kind === 'tender' ? `status.${value}` : `progress.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/**
 * Every change in the period, newest first: when, which plot or action, from → to, the note, and who (display
 * name and role; the API never sends an e-mail address). Links the Atom feed of the same changes.
 */
export function ChangeList({
  events,
  truncated,
  lang,
  t,
}: {
  events: TimelineData['events'];
  truncated: boolean;
  lang: Lang;
  t: T;
}) {
  const newestFirst = [...events].reverse();
  return (
    <section className="timeline-page__section" aria-labelledby="events-heading" data-testid="timeline-events">
      <h2 id="events-heading">{t('timeline.eventsHeading')}</h2>
      <p>
        <a href="/feeds/changes.atom" type="application/atom+xml" data-testid="timeline-feed">
          {t('timeline.feed')}
        </a>
      </p>
      {truncated && <p className="muted">{t('timeline.truncated')}</p>}
      {newestFirst.length === 0 ? (
        <p className="muted">{t('timeline.noEvents')}</p>
      ) : (
        <div className="table-scroll">
          <table className="tl-table">
            <thead>
              <tr>
                <th scope="col">{t('timeline.colDate')}</th>
                <th scope="col">{t('timeline.colWhat')}</th>
                <th scope="col">{t('timeline.colChange')}</th>
                <th scope="col">{t('timeline.colNote')}</th>
                <th scope="col">{t('timeline.colBy')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((event) => (
                <tr key={`${event.kind}-${event.id}`} data-testid="timeline-event">
                  <td>
                    <time dateTime={event.at}>{formatDateTime({ isoDateTime: event.at, lang })}</time>
                  </td>
                  <td>
                    {event.kind === 'tender'
                      ? (event.site_name ?? event.site_id)
                      : t('timeline.actionEvent', { number: event.action_number ?? '?' })}
                  </td>
                  <td>
                    {event.from !== null && `${stateText(event, event.from, t)} → `}
                    {stateText(event, event.to, t)}
                  </td>
                  <td lang="da">{event.note}</td>
                  <td>
                    <ActorText actor={event.actor} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
