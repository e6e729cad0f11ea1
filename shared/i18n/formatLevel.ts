import { LOCALES, type Lang } from './Lang';

/** Formats a water level in metres DVR90 with centimetres: "1,80 m" in Danish, "1.80 m" in English. */
export function formatLevel({ metres, lang }: { metres: number; lang: Lang }): string {
  const text = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    metres,
  );
  return `${text} m`;
}
