import { LOCALES, type Lang } from './Lang';

/** Formats a number for the UI language ("1.234,5" in Danish, "1,234.5" in English). */
export function formatNumber({
  value,
  lang,
  maxFractionDigits = 0,
}: {
  value: number;
  lang: Lang;
  maxFractionDigits?: number;
}): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits }).format(value);
}
