import type { ChangeFeedEvent } from './changeFeedRepository';
// The UI's Danish labels are the one source of status and progress names, on the map and in feeds alike.
import { translate } from '@shared/i18n/translate';
import { renderAtomFeed } from '../../platform/http/atom';

const FEED_EPOCH = '2024-01-01T00:00:00Z';

function label(kind: ChangeFeedEvent['kind'], state: string): string {
  // Values come from CHECK-constrained columns, so the keys exist; the cast only names the key family.
  return kind === 'tender'
    ? translate('da', `status.${state as 'planned'}`)
    : translate('da', `progress.${state as 'done'}`);
}

/**
 * The Atom feed of every tender and action-progress change, newest first. `publicUrl` is the configured public
 * address, never the request's Host header. Actors appear by display name and role only.
 */
export function changeFeed({ events, publicUrl }: { events: readonly ChangeFeedEvent[]; publicUrl: string }): string {
  const base = publicUrl.replace(/\/$/, '');
  return renderAtomFeed({
    id: `${base}/feeds/changes.atom`,
    title: 'Køge Erhvervskort: udbud og handlinger',
    subtitle: 'Ændringer i udbudsstatus for erhvervsgrunde og i fremdriften af erhvervspolitikkens handlinger.',
    updated: events[0]?.at ?? FEED_EPOCH,
    selfUrl: `${base}/feeds/changes.atom`,
    alternateUrl: `${base}/`,
    author: 'Køge Kommune, Erhvervsservice',
    entries: events.map((e) => {
      const subject = e.kind === 'tender' ? e.subject_name : `Handling ${e.subject_id}`;
      const who = e.actor_role ? `${e.actor_name} (${e.actor_role})` : e.actor_name;
      return {
        id: `${base}/${e.kind === 'tender' ? 'tender-events' : 'action-events'}/${e.id}`,
        title: `${subject}: ${e.from ? `${label(e.kind, e.from)} → ` : ''}${label(e.kind, e.to)}`,
        updated: e.at,
        link:
          e.kind === 'tender'
            ? `${base}/?site=${encodeURIComponent(e.subject_id)}`
            : `${base}/?action=${encodeURIComponent(e.subject_id)}`,
        summary: [e.note, who].filter(Boolean).join(' · '),
        categories: [e.kind, e.to],
      };
    }),
  });
}
