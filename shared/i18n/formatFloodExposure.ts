import type { SiteFloodExposure } from '../schemas/flood';
import type { Lang } from './Lang';
import { formatNumber } from './formatNumber';
import { translate } from './translate';

type Exposure = SiteFloodExposure['scenarios'][number]['with_dike'];

/** Smallest share shown as a number, in per cent; below it the text says "< 0.1 %", never a flooded "0 %". */
const MIN_SHOWN_PCT = 0.1;

/**
 * One cell of the flood-exposure table (issue #7), shared by the exposé page and its PDF:
 * "not flooded", "12,5 % flooded", or "flooded" for a point (which has no share).
 */
export function formatFloodExposure({ exposure, lang }: { exposure: Exposure; lang: Lang }): string {
  if (exposure.flooded <= 0) return translate(lang, 'expose.floodNotFlooded');
  if (exposure.share === null) return translate(lang, 'expose.floodFlooded');
  const pct = exposure.share * 100;
  const share =
    pct < MIN_SHOWN_PCT
      ? `< ${formatNumber({ value: MIN_SHOWN_PCT, lang, maxFractionDigits: 1 })} %`
      : `${formatNumber({ value: pct, lang, maxFractionDigits: 1 })} %`;
  return translate(lang, 'expose.floodShare', { share });
}
