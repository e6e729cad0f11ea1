import { formatNumber } from './formatNumber';
import type { Lang } from './Lang';

/** Formats a length in metres (EPSG:25832): "850 m" below a kilometre, else "2,4 km (2.412 m)" in Danish. */
export function formatLength({ metres, lang }: { metres: number; lang: Lang }): string {
  const whole = formatNumber({ value: Math.round(metres), lang });
  if (metres < 1000) return `${whole} m`;
  return `${formatNumber({ value: metres / 1000, lang, maxFractionDigits: 1 })} km (${whole} m)`;
}
