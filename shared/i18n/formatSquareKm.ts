import { formatNumber } from './formatNumber';
import type { Lang } from './Lang';

const M2_PER_KM2 = 1_000_000;

/**
 * Formats an area given in m² (EPSG:25832) as km² with two decimals, for flood extents: "4,25 km²" in Danish.
 * With `signed`, a gain carries a plus ("+1,20 km²"), as a difference between two scenarios does.
 */
export function formatSquareKm({ m2, lang, signed = false }: { m2: number; lang: Lang; signed?: boolean }): string {
  const text = formatNumber({ value: m2 / M2_PER_KM2, lang, maxFractionDigits: 2 });
  return `${signed && m2 > 0 ? '+' : ''}${text} km²`;
}
