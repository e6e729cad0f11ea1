import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';

/** A sketch's measures (m², m in EPSG:25832 from PostGIS, or live from the drawing tool). */
export interface MeasureValues {
  area_m2: number | null;
  perimeter_m?: number | null;
  length_m: number | null;
}

/**
 * A sketch's size in one phrase for lists: the area of a polygon ("1,2 ha (12.345 m²)"), the length of a line
 * ("850 m"), and null for a point, which has neither.
 */
export function sketchSizeText({ measure, lang }: { measure: MeasureValues; lang: Lang }): string | null {
  if (measure.area_m2 !== null) return formatArea({ m2: measure.area_m2, lang });
  if (measure.length_m !== null) return formatLength({ metres: measure.length_m, lang });
  return null;
}

/** An overlap's share (0..1) as a percentage with one decimal: "12,5 %" in Danish, "12.5%" in English. */
export function formatShare({ share, lang }: { share: number; lang: Lang }): string {
  const percent = formatNumber({ value: share * 100, lang, maxFractionDigits: 1 });
  return lang === 'da' ? `${percent} %` : `${percent}%`;
}
