import { formatNumber } from './formatNumber';
import type { Lang } from './Lang';

const M2_PER_HA = 10_000;

/**
 * Formats an area given in m² (EPSG:25832, from PostGIS) as hectares with the m² in brackets:
 * "12,3 ha (123.456 m²)" in Danish, "12.3 ha (123,456 m²)" in English.
 * Below 1 ha two decimals are kept, so that small plots do not read as "0,1 ha".
 */
export function formatArea({ m2, lang }: { m2: number; lang: Lang }): string {
  const ha = m2 / M2_PER_HA;
  const haText = formatNumber({ value: ha, lang, maxFractionDigits: ha < 1 ? 2 : 1 });
  return `${haText} ha (${formatNumber({ value: Math.round(m2), lang })} m²)`;
}
