import type { PlotTenderEvent } from './plotRepository';
// The UI's Danish labels are the one source of status and use names, on the map and in feeds alike.
import { translate } from '@shared/i18n/translate';
import { renderAtomFeed } from '../../platform/http/atom';

const FEED_EPOCH = '2024-01-01T00:00:00Z';

/**
 * The Atom feed of tender changes on the plots a finder query selects. `publicUrl` is the configured public
 * address (never the request's Host header, which a client controls); `query` is the finder query string.
 */
export function plotFeed({
  events,
  publicUrl,
  query,
}: {
  events: readonly PlotTenderEvent[];
  publicUrl: string;
  query: string;
}): string {
  const base = publicUrl.replace(/\/$/, '');
  const status = (s: PlotTenderEvent['to_status']) => translate('da', `status.${s}`);
  return renderAtomFeed({
    id: `${base}/feeds/plots.atom${query}`,
    title: 'Køge Erhvervskort: erhvervsgrunde og udbud',
    subtitle:
      'Ændringer i udbudsstatus for de erhvervsgrunde, filteret vælger. Grundenes form og datoerne er illustrative.',
    updated: events[0]?.at ?? FEED_EPOCH,
    selfUrl: `${base}/feeds/plots.atom${query}`,
    alternateUrl: `${base}/${query}`,
    author: 'Køge Kommune, Erhvervsservice',
    entries: events.map((e) => ({
      id: `${base}/tender-events/${e.event_id}`,
      title: `${e.site_name}: ${e.from_status ? `${status(e.from_status)} → ` : ''}${status(e.to_status)}`,
      updated: e.at,
      link: `${base}/?site=${encodeURIComponent(e.site_id)}`,
      summary: [
        `${(e.area_m2 / 10_000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} ha`,
        e.plan_use ? translate('da', `planUse.${e.plan_use}`) : null,
        e.note,
      ]
        .filter(Boolean)
        .join(' · '),
      categories: [e.to_status, ...(e.plan_use ? [e.plan_use] : [])],
    })),
  });
}
