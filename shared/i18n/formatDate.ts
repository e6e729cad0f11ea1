import { LOCALES, type Lang } from './Lang';

/** The municipality's time zone: tender dates and events are read as Danish local time. */
const TIME_ZONE = 'Europe/Copenhagen';

/** Formats an ISO date ("2026-03-01") as a calendar date; an unparsable value is returned as given. */
export function formatDate({ isoDate, lang }: { isoDate: string; lang: Lang }): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  // A date has no time zone: build it at UTC midnight and print it in UTC so it never shifts a day.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Formats an ISO date-time as date and time in Danish local time; an unparsable value is returned as given. */
export function formatDateTime({ isoDateTime, lang }: { isoDateTime: string; lang: Lang }): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}
